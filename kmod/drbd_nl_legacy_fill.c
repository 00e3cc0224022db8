// SPDX-License-Identifier: GPL-2.0
/*
 * Legacy drbd family: the attributes of objects, shared by do replies,
 * dump entries and notifications.
 *
 * Every device is what the in-tree driver reports for a device whose peer
 * is not connected (the state of its resource's 8.4 connection, or
 * StandAlone; its resource's role / Unknown, its disk state / DUnknown or
 * Outdated, its capacity, disk-conf and generation identifiers while
 * attached, the net-conf and addresses of the 8.4 connection), the write
 * ordering the disk options allow. Field numbers, order and
 * flags follow the 6.1 in-tree driver.
 */
#include <linux/capability.h>
#include <net/genetlink.h>
#include <net/netlink.h>

#include "drbd_nl_legacy.h"

#define M(field)	((field) | DRBD_LEGACY_F_MANDATORY)

static_assert((int)OND_IO_ERROR == (int)DRBD_ON_NO_DATA_IO_ERROR);
static_assert((int)OND_SUSPEND_IO == (int)DRBD_ON_NO_DATA_SUSPEND_IO);

/**
 * drbd_legacy_state_word - 8.4's union drbd_state of a device
 * @role: the resource's role
 * @disk: the device's disk state
 * @peer_outdated: the peer's data is known to be outdated
 * @cstate: the state of the resource's 8.4 connection
 *
 * LSB first: role:2 peer:2 conn:5 disk:4 pdsk:4, then the suspend and isp
 * bits (all 0 here).
 *
 * Return: the state word.
 */
u32 drbd_legacy_state_word(enum drbd_res_role role, enum drbd_dstate disk,
			   bool peer_outdated, enum drbd_conn_state cstate)
{
	return (role == DRBD_ROLE_PRIMARY ? R_PRIMARY : R_SECONDARY) |
	       R_UNKNOWN << 2 | drbd_legacy_conn_state(cstate) << 4 |
	       drbd_legacy_disk_state(disk) << 9 |
	       (peer_outdated ? D_OUTDATED : D_UNKNOWN) << 13;
}

static u32 drbd_legacy_device_state_word(const struct drbd_device *device)
{
	return drbd_legacy_state_word(device->resource->role, device->disk_state,
				      device->peer_outdated,
				      drbd_resource_cstate(device->resource));
}

/*
 * The device's disk-conf: the devices and index, the requested size and
 * the disk options, in the in-tree field order (the u32 fields, then the
 * flags).
 */
static int drbd_legacy_put_disk_conf(struct sk_buff *skb,
				     const struct drbd_backing_dev *ldev)
{
	const struct drbd_disk_options *o = &ldev->options;
	const struct { u16 type; u32 val; } u32s[] = {
		{ DRBD_A_DISK_CONF_MAX_BIO_BVECS, o->max_bio_bvecs },
		{ DRBD_A_DISK_CONF_ON_IO_ERROR, o->on_io_error },
		{ DRBD_A_DISK_CONF_FENCING, o->fencing },
		{ DRBD_A_DISK_CONF_RESYNC_RATE, o->resync_rate },
		{ DRBD_A_DISK_CONF_RESYNC_AFTER, (u32)o->resync_after },
		{ DRBD_A_DISK_CONF_AL_EXTENTS, o->al_extents },
		{ DRBD_A_DISK_CONF_C_PLAN_AHEAD, o->c_plan_ahead },
		{ DRBD_A_DISK_CONF_C_DELAY_TARGET, o->c_delay_target },
		{ DRBD_A_DISK_CONF_C_FILL_TARGET, o->c_fill_target },
		{ DRBD_A_DISK_CONF_C_MAX_RATE, o->c_max_rate },
		{ DRBD_A_DISK_CONF_C_MIN_RATE, o->c_min_rate },
		{ DRBD_A_DISK_CONF_DISK_TIMEOUT, o->disk_timeout },
		{ DRBD_A_DISK_CONF_READ_BALANCING, o->read_balancing },
		{ DRBD_A_DISK_CONF_RS_DISCARD_GRANULARITY,
		  o->rs_discard_granularity },
	};
	const struct { u16 type; u8 val; } u8s[] = {
		{ DRBD_A_DISK_CONF_DISK_BARRIER, o->disk_barrier },
		{ DRBD_A_DISK_CONF_DISK_FLUSHES, o->disk_flushes },
		{ DRBD_A_DISK_CONF_DISK_DRAIN, o->disk_drain },
		{ DRBD_A_DISK_CONF_MD_FLUSHES, o->md_flushes },
		{ DRBD_A_DISK_CONF_AL_UPDATES, o->al_updates },
		{ DRBD_A_DISK_CONF_DISCARD_ZEROES_IF_ALIGNED,
		  o->discard_zeroes_if_aligned },
		{ DRBD_A_DISK_CONF_DISABLE_WRITE_SAME, o->disable_write_same },
	};
	struct nlattr *nest;
	unsigned int i;

	nest = nla_nest_start(skb, DRBD_NLA_DISK_CONF);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_string(skb, DRBD_A_DISK_CONF_BACKING_DEV, ldev->backing_path) ||
	    nla_put_string(skb, DRBD_A_DISK_CONF_META_DEV, ldev->meta_path) ||
	    nla_put_s32(skb, DRBD_A_DISK_CONF_META_DEV_IDX, ldev->meta_idx) ||
	    nla_put_u64_64bit(skb, DRBD_A_DISK_CONF_DISK_SIZE, ldev->disk_size, 0))
		goto cancel;
	for (i = 0; i < ARRAY_SIZE(u32s); i++)
		if (nla_put_u32(skb, u32s[i].type, u32s[i].val))
			goto cancel;
	for (i = 0; i < ARRAY_SIZE(u8s); i++)
		if (nla_put_u8(skb, u8s[i].type, u8s[i].val))
			goto cancel;
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/* the bits of 8.4's bitmap: one per 4 KiB of the device */
static u64 drbd_legacy_bits_total(const struct drbd_device *device)
{
	return device->disk ? DIV_ROUND_UP_ULL(get_capacity(device->disk), 8) : 0;
}

/**
 * drbd_legacy_put_context - put the cfg-context that names an object
 * @skb: the message
 * @resource: the resource
 * @device: the device (adds its volume), or NULL
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd_legacy_put_context(struct sk_buff *skb,
			    const struct drbd_resource *resource,
			    const struct drbd_device *device)
{
	return drbd_legacy_put_context_conn(skb, resource, NULL, device);
}

/**
 * drbd_legacy_put_context_conn - put a cfg-context with a connection
 * @skb: the message
 * @resource: the resource
 * @connection: the 8.4 connection (adds its addresses), or NULL
 * @device: the device (adds its volume), or NULL
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd_legacy_put_context_conn(struct sk_buff *skb,
				 const struct drbd_resource *resource,
				 const struct drbd_connection *connection,
				 const struct drbd_device *device)
{
	const struct drbd_path *path;
	struct nlattr *nest;

	nest = nla_nest_start_noflag(skb, DRBD_NLA_CFG_CONTEXT);
	if (!nest)
		return -EMSGSIZE;
	if ((device && nla_put_u32(skb, M(DRBD_A_DRBD_CFG_CONTEXT_CTX_VOLUME),
				   device->volume)) ||
	    nla_put_string(skb, M(DRBD_A_DRBD_CFG_CONTEXT_CTX_RESOURCE_NAME),
			   resource->name))
		goto cancel;
	path = connection ? drbd_connection_first_path(connection) : NULL;
	if (path) {
		if (path->my_addr.len &&
		    nla_put(skb, M(DRBD_A_DRBD_CFG_CONTEXT_CTX_MY_ADDR),
			    path->my_addr.len, path->my_addr.addr))
			goto cancel;
		if (path->peer_addr.len &&
		    nla_put(skb, M(DRBD_A_DRBD_CFG_CONTEXT_CTX_PEER_ADDR),
			    path->peer_addr.len, path->peer_addr.addr))
			goto cancel;
	}
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/* the numeric net-conf fields, in field order, and where they are kept */
static const struct { u16 type; u8 idx; } drbd_legacy_net_u32s[] = {
	{ DRBD_A_NET_CONF_CONNECT_INT, DRBD_NET_CONNECT_INT },
	{ DRBD_A_NET_CONF_TIMEOUT, DRBD_NET_TIMEOUT },
	{ DRBD_A_NET_CONF_PING_INT, DRBD_NET_PING_INT },
	{ DRBD_A_NET_CONF_PING_TIMEO, DRBD_NET_PING_TIMEO },
	{ DRBD_A_NET_CONF_SNDBUF_SIZE, DRBD_NET_SNDBUF_SIZE },
	{ DRBD_A_NET_CONF_RCVBUF_SIZE, DRBD_NET_RCVBUF_SIZE },
	{ DRBD_A_NET_CONF_KO_COUNT, DRBD_NET_KO_COUNT },
	{ DRBD_A_NET_CONF_MAX_BUFFERS, DRBD_NET_MAX_BUFFERS },
	{ DRBD_A_NET_CONF_MAX_EPOCH_SIZE, DRBD_NET_MAX_EPOCH_SIZE },
	{ DRBD_A_NET_CONF_UNPLUG_WATERMARK, DRBD_NET_UNPLUG_WATERMARK },
	{ DRBD_A_NET_CONF_AFTER_SB_0P, DRBD_NET_AFTER_SB_0P },
	{ DRBD_A_NET_CONF_AFTER_SB_1P, DRBD_NET_AFTER_SB_1P },
	{ DRBD_A_NET_CONF_AFTER_SB_2P, DRBD_NET_AFTER_SB_2P },
	{ DRBD_A_NET_CONF_RR_CONFLICT, DRBD_NET_RR_CONFLICT },
	{ DRBD_A_NET_CONF_ON_CONGESTION, DRBD_NET_ON_CONGESTION },
	{ DRBD_A_NET_CONF_CONG_FILL, DRBD_NET_CONG_FILL },
	{ DRBD_A_NET_CONF_CONG_EXTENTS, DRBD_NET_CONG_EXTENTS },
};

/* the string net-conf fields, in field order */
#define DRBD_LEGACY_NET_STRS(net) {						{ DRBD_A_NET_CONF_SHARED_SECRET, (net)->shared_secret },		{ DRBD_A_NET_CONF_CRAM_HMAC_ALG, (net)->cram_hmac_alg },		{ DRBD_A_NET_CONF_INTEGRITY_ALG, (net)->integrity_alg },		{ DRBD_A_NET_CONF_VERIFY_ALG, (net)->verify_alg },			{ DRBD_A_NET_CONF_CSUMS_ALG, (net)->csums_alg },		}

/**
 * drbd_legacy_net_opts_from - net options from a parsed net-conf nest
 * @tb: the parsed fields
 * @net: the options to override
 */
void drbd_legacy_net_opts_from(struct nlattr **tb, struct drbd_net_options *net)
{
	const struct { u16 type; char *val; } strs[] = DRBD_LEGACY_NET_STRS(net);
	const struct { u16 type; bool *val; } flags[] = {
		{ DRBD_A_NET_CONF_TWO_PRIMARIES, &net->allow_two_primaries },
		{ DRBD_A_NET_CONF_DISCARD_MY_DATA, &net->discard_my_data },
		{ DRBD_A_NET_CONF_TCP_CORK, &net->tcp_cork },
		{ DRBD_A_NET_CONF_ALWAYS_ASBP, &net->always_asbp },
		{ DRBD_A_NET_CONF_TENTATIVE, &net->tentative },
		{ DRBD_A_NET_CONF_USE_RLE, &net->use_rle },
		{ DRBD_A_NET_CONF_CSUMS_AFTER_CRASH_ONLY,
		  &net->csums_after_crash_only },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(strs); i++)
		if (tb[strs[i].type])
			nla_strscpy(strs[i].val, tb[strs[i].type],
				    DRBD_NET_STR_MAX);
	if (tb[DRBD_A_NET_CONF_WIRE_PROTOCOL])
		net->protocol = nla_get_u32(tb[DRBD_A_NET_CONF_WIRE_PROTOCOL]);
	for (i = 0; i < ARRAY_SIZE(drbd_legacy_net_u32s); i++)
		if (tb[drbd_legacy_net_u32s[i].type])
			net->u32s[drbd_legacy_net_u32s[i].idx] =
				nla_get_u32(tb[drbd_legacy_net_u32s[i].type]);
	if (tb[DRBD_A_NET_CONF_SOCK_CHECK_TIMEO])
		net->u32s[DRBD_NET_SOCK_CHECK_TIMEO] =
			nla_get_u32(tb[DRBD_A_NET_CONF_SOCK_CHECK_TIMEO]);
	for (i = 0; i < ARRAY_SIZE(flags); i++)
		if (tb[flags[i].type])
			*flags[i].val = !!nla_get_u8(tb[flags[i].type]);
}

/**
 * drbd_legacy_put_net_conf - put a connection's net-conf (every field)
 * @skb: the message
 * @net: the net options
 * @exclude_sensitive: leave out the shared secret
 *
 * Field order and bare fields as the in-tree net_conf_to_skb().
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd_legacy_put_net_conf(struct sk_buff *skb,
			     const struct drbd_net_options *net,
			     bool exclude_sensitive)
{
	const struct { u16 type; const char *val; } strs[] =
		DRBD_LEGACY_NET_STRS(net);
	const struct { u16 type; bool val; } flags[] = {
		{ DRBD_A_NET_CONF_TWO_PRIMARIES, net->allow_two_primaries },
		{ DRBD_A_NET_CONF_DISCARD_MY_DATA, net->discard_my_data },
		{ DRBD_A_NET_CONF_TCP_CORK, net->tcp_cork },
		{ DRBD_A_NET_CONF_ALWAYS_ASBP, net->always_asbp },
		{ DRBD_A_NET_CONF_TENTATIVE, net->tentative },
		{ DRBD_A_NET_CONF_USE_RLE, net->use_rle },
		{ DRBD_A_NET_CONF_CSUMS_AFTER_CRASH_ONLY,
		  net->csums_after_crash_only },
	};
	struct nlattr *nest;
	unsigned int i;

	nest = nla_nest_start(skb, DRBD_NLA_NET_CONF);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < ARRAY_SIZE(strs); i++) {
		if (exclude_sensitive &&
		    strs[i].type == DRBD_A_NET_CONF_SHARED_SECRET)
			continue;
		if (nla_put_string(skb, strs[i].type, strs[i].val))
			goto cancel;
	}
	if (nla_put_u32(skb, DRBD_A_NET_CONF_WIRE_PROTOCOL, net->protocol))
		goto cancel;
	for (i = 0; i < ARRAY_SIZE(drbd_legacy_net_u32s); i++)
		if (nla_put_u32(skb, drbd_legacy_net_u32s[i].type,
				net->u32s[drbd_legacy_net_u32s[i].idx]))
			goto cancel;
	for (i = 0; i < ARRAY_SIZE(flags); i++)
		if (nla_put_u8(skb, flags[i].type, flags[i].val))
			goto cancel;
	if (nla_put_u32(skb, DRBD_A_NET_CONF_SOCK_CHECK_TIMEO,
			net->u32s[DRBD_NET_SOCK_CHECK_TIMEO]))
		goto cancel;
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/**
 * drbd_legacy_put_res_opts - put a resource's options (every field)
 * @skb: the message
 * @options: the options
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd_legacy_put_res_opts(struct sk_buff *skb,
			     const struct drbd_resource_options *options)
{
	struct nlattr *nest;

	nest = nla_nest_start(skb, DRBD_NLA_RESOURCE_OPTS);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_string(skb, DRBD_A_RES_OPTS_CPU_MASK, options->cpu_mask) ||
	    nla_put_u32(skb, DRBD_A_RES_OPTS_ON_NO_DATA, options->on_no_data)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int drbd_legacy_put_state_info(struct sk_buff *skb,
				      const struct drbd_device *device,
				      u32 sib_reason, const u32 *words)
{
	const struct drbd_backing_dev *ldev = device->ldev;
	static const int counters64[] = {
		DRBD_A_STATE_INFO_SEND_CNT, DRBD_A_STATE_INFO_RECV_CNT,
		DRBD_A_STATE_INFO_READ_CNT, DRBD_A_STATE_INFO_WRIT_CNT,
		DRBD_A_STATE_INFO_AL_WRIT_CNT, DRBD_A_STATE_INFO_BM_WRIT_CNT,
	};
	static const int counters32[] = {
		DRBD_A_STATE_INFO_AP_BIO_CNT, DRBD_A_STATE_INFO_AP_PENDING_CNT,
		DRBD_A_STATE_INFO_RS_PENDING_CNT,
	};
	struct nlattr *nest;
	unsigned int i;

	nest = nla_nest_start_noflag(skb, DRBD_NLA_STATE_INFO);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, M(DRBD_A_STATE_INFO_SIB_REASON), sib_reason) ||
	    nla_put_u32(skb, DRBD_A_STATE_INFO_CURRENT_STATE,
			words ? words[DRBD_NEW] :
			drbd_legacy_device_state_word(device)) ||
	    nla_put_u64_64bit(skb, M(DRBD_A_STATE_INFO_ED_UUID),
			      device->ed_uuid, 0) ||
	    nla_put_u64_64bit(skb, M(DRBD_A_STATE_INFO_CAPACITY),
			      device->disk ? get_capacity(device->disk) : 0, 0))
		goto cancel;
	for (i = 0; i < ARRAY_SIZE(counters64); i++)
		if (nla_put_u64_64bit(skb, counters64[i], 0, 0))
			goto cancel;
	for (i = 0; i < ARRAY_SIZE(counters32); i++)
		if (nla_put_u32(skb, counters32[i], 0))
			goto cancel;
	if (ldev && device->disk_state >= DRBD_DISK_INCONSISTENT) {
		__le64 uuids[4];
		u64 val[4];

		drbd_md_uuids_84(&ldev->md, val);
		for (i = 0; i < 4; i++)
			uuids[i] = cpu_to_le64(val[i]);
		if (nla_put(skb, M(DRBD_A_STATE_INFO_UUIDS), sizeof(uuids), uuids) ||
		    nla_put_u32(skb, M(DRBD_A_STATE_INFO_DISK_FLAGS), ldev->md.flags) ||
		    nla_put_u64_64bit(skb, M(DRBD_A_STATE_INFO_BITS_TOTAL),
				      drbd_legacy_bits_total(device), 0) ||
		    nla_put_u64_64bit(skb, M(DRBD_A_STATE_INFO_BITS_OOS), 0, 0))
			goto cancel;
	}
	if (words &&
	    (nla_put_u32(skb, M(DRBD_A_STATE_INFO_PREV_STATE), words[DRBD_OLD]) ||
	     nla_put_u32(skb, M(DRBD_A_STATE_INFO_NEW_STATE), words[DRBD_NEW])))
		goto cancel;
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/**
 * drbd_legacy_put_status - put a device's get-status attributes
 * @skb: the message
 * @device: the device
 * @sib_reason: why the state is sent (enum drbd_state_info_bcast_reason)
 * @words: for a state change (DRBD_EVENT): the old and new state words,
 *         else NULL
 *
 * cfg-context, res-opts, disk-conf (while attached) and state-info (with
 * the generation identifiers while attached); with an 8.4 connection its
 * addresses in the cfg-context and its net-conf (without the shared secret
 * in events and for users without CAP_SYS_ADMIN, as in-tree).
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd_legacy_put_status(struct sk_buff *skb, const struct drbd_device *device,
			   u32 sib_reason, const u32 *words)
{
	const struct drbd_connection *connection =
		drbd_resource_connection84(device->resource);

	if (drbd_legacy_put_context_conn(skb, device->resource, connection,
					 device) ||
	    drbd_legacy_put_res_opts(skb, &device->resource->options) ||
	    (device->ldev && drbd_legacy_put_disk_conf(skb, device->ldev)) ||
	    (connection &&
	     drbd_legacy_put_net_conf(skb, &connection->net,
				      sib_reason != SIB_GET_STATUS_REPLY ||
				      !capable(CAP_SYS_ADMIN))) ||
	    drbd_legacy_put_state_info(skb, device, sib_reason, words))
		return -EMSGSIZE;
	return 0;
}

/**
 * drbd_legacy_put_notification_header - put an events2 notification header
 * @skb: the message
 * @type: enum drbd_notification_type
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd_legacy_put_notification_header(struct sk_buff *skb, u32 type)
{
	struct nlattr *nest;

	nest = nla_nest_start(skb, DRBD_NLA_NOTIFICATION_HEADER);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, DRBD_A_DRBD_NOTIFICATION_HEADER_NH_TYPE, type)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int drbd_legacy_put_resource_info(struct sk_buff *skb,
					 const struct drbd_resource *resource)
{
	struct nlattr *nest;

	nest = nla_nest_start(skb, DRBD_NLA_RESOURCE_INFO);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, DRBD_A_RESOURCE_INFO_RES_ROLE,
			resource->role == DRBD_ROLE_PRIMARY ? R_PRIMARY : R_SECONDARY) ||
	    nla_put_u8(skb, DRBD_A_RESOURCE_INFO_RES_SUSP, 0) ||
	    nla_put_u8(skb, DRBD_A_RESOURCE_INFO_RES_SUSP_NOD, 0) ||
	    nla_put_u8(skb, DRBD_A_RESOURCE_INFO_RES_SUSP_FEN, 0)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static_assert((int)WO_NONE == (int)DRBD_WO_NONE);
static_assert((int)WO_DRAIN_IO == (int)DRBD_WO_DRAIN);
static_assert((int)WO_BDEV_FLUSH == (int)DRBD_WO_FLUSH);

static int drbd_legacy_put_resource_statistics(struct sk_buff *skb,
					       const struct drbd_resource *resource)
{
	struct nlattr *nest;

	nest = nla_nest_start(skb, DRBD_NLA_RESOURCE_STATISTICS);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, DRBD_A_RESOURCE_STATISTICS_RES_STAT_WRITE_ORDERING,
			resource->write_ordering)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * drbd_legacy_put_resource_state - resource-info and resource-statistics
 * @skb: the message
 * @resource: the resource
 * @info: include resource-info (not in destroy notifications)
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd_legacy_put_resource_state(struct sk_buff *skb,
				   const struct drbd_resource *resource,
				   bool info)
{
	if ((info && drbd_legacy_put_resource_info(skb, resource)) ||
	    drbd_legacy_put_resource_statistics(skb, resource))
		return -EMSGSIZE;
	return 0;
}

static int drbd_legacy_put_device_info(struct sk_buff *skb,
				       enum drbd_dstate disk)
{
	struct nlattr *nest;

	nest = nla_nest_start(skb, DRBD_NLA_DEVICE_INFO);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, DRBD_A_DEVICE_INFO_DEV_DISK_STATE,
			drbd_legacy_disk_state(disk))) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int drbd_legacy_put_device_statistics(struct sk_buff *skb,
					     const struct drbd_device *device)
{
	const struct drbd_backing_dev *ldev =
		device->disk_state >= DRBD_DISK_INCONSISTENT ? device->ldev : NULL;
	static const int counters64[] = {
		DRBD_A_DEVICE_STATISTICS_DEV_READ,
		DRBD_A_DEVICE_STATISTICS_DEV_WRITE,
		DRBD_A_DEVICE_STATISTICS_DEV_AL_WRITES,
		DRBD_A_DEVICE_STATISTICS_DEV_BM_WRITES,
	};
	struct nlattr *nest;
	unsigned int i;

	__le64 history[32] = { };
	u64 uuids[4] = { };

	if (ldev) {
		drbd_md_uuids_84(&ldev->md, uuids);
		history[0] = cpu_to_le64(uuids[2]);
		history[1] = cpu_to_le64(uuids[3]);
	}
	nest = nla_nest_start(skb, DRBD_NLA_DEVICE_STATISTICS);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(skb, DRBD_A_DEVICE_STATISTICS_DEV_SIZE,
			      device->disk ? get_capacity(device->disk) : 0, 0))
		goto cancel;
	for (i = 0; i < ARRAY_SIZE(counters64); i++)
		if (nla_put_u64_64bit(skb, counters64[i], 0, 0))
			goto cancel;
	if (nla_put_u32(skb, DRBD_A_DEVICE_STATISTICS_DEV_UPPER_PENDING, 0) ||
	    nla_put_u32(skb, DRBD_A_DEVICE_STATISTICS_DEV_LOWER_PENDING, 0) ||
	    nla_put_u8(skb, DRBD_A_DEVICE_STATISTICS_DEV_UPPER_BLOCKED, 0) ||
	    nla_put_u8(skb, DRBD_A_DEVICE_STATISTICS_DEV_LOWER_BLOCKED, 0) ||
	    nla_put_u8(skb, DRBD_A_DEVICE_STATISTICS_DEV_AL_SUSPENDED, 0) ||
	    nla_put_u64_64bit(skb, DRBD_A_DEVICE_STATISTICS_DEV_EXPOSED_DATA_UUID,
			      device->ed_uuid, 0) ||
	    nla_put_u64_64bit(skb, DRBD_A_DEVICE_STATISTICS_DEV_CURRENT_UUID,
			      uuids[0], 0) ||
	    nla_put_u32(skb, DRBD_A_DEVICE_STATISTICS_DEV_DISK_FLAGS,
			ldev ? ldev->md.flags : 0) ||
	    /* no disk, no history UUIDs: an empty array */
	    nla_put(skb, DRBD_A_DEVICE_STATISTICS_HISTORY_UUIDS,
		    ldev ? sizeof(history) : 0, history))
		goto cancel;
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

/**
 * drbd_legacy_put_device_state - device-info and device-statistics
 * @skb: the message
 * @device: the device
 * @info: include device-info (not in destroy notifications)
 * @disk: the disk state for device-info (a state change's new one)
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd_legacy_put_device_state(struct sk_buff *skb,
				 const struct drbd_device *device, bool info,
				 enum drbd_dstate disk)
{
	if ((info && drbd_legacy_put_device_info(skb, disk)) ||
	    drbd_legacy_put_device_statistics(skb, device))
		return -EMSGSIZE;
	return 0;
}

/**
 * drbd_legacy_put_peer_device_state - peer-device-info and -statistics
 * @skb: the message
 * @device: the device (8.4 has one peer device per volume, unconnected:
 *          replication state WFReportParams, the peer's disk DUnknown or
 *          Outdated)
 * @peer_outdated: the peer's data is known to be outdated
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd_legacy_put_peer_device_state(struct sk_buff *skb,
				      const struct drbd_device *device,
				      bool peer_outdated)
{
	const struct drbd_backing_dev *ldev =
		device->disk_state >= DRBD_DISK_INCONSISTENT ? device->ldev : NULL;
	struct nlattr *nest;

	nest = nla_nest_start(skb, DRBD_NLA_PEER_DEVICE_INFO);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, DRBD_A_PEER_DEVICE_INFO_PEER_REPL_STATE,
			C_WF_REPORT_PARAMS) ||
	    nla_put_u32(skb, DRBD_A_PEER_DEVICE_INFO_PEER_DISK_STATE,
			peer_outdated ? D_OUTDATED : D_UNKNOWN) ||
	    nla_put_u32(skb, DRBD_A_PEER_DEVICE_INFO_PEER_RESYNC_SUSP_USER, 0) ||
	    nla_put_u32(skb, DRBD_A_PEER_DEVICE_INFO_PEER_RESYNC_SUSP_PEER, 0) ||
	    nla_put_u32(skb, DRBD_A_PEER_DEVICE_INFO_PEER_RESYNC_SUSP_DEPENDENCY, 0))
		goto cancel;
	nla_nest_end(skb, nest);

	nest = nla_nest_start(skb, DRBD_NLA_PEER_DEVICE_STATISTICS);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(skb, DRBD_A_PEER_DEVICE_STATISTICS_PEER_DEV_RECEIVED, 0, 0) ||
	    nla_put_u64_64bit(skb, DRBD_A_PEER_DEVICE_STATISTICS_PEER_DEV_SENT, 0, 0) ||
	    nla_put_u32(skb, DRBD_A_PEER_DEVICE_STATISTICS_PEER_DEV_PENDING, 0) ||
	    nla_put_u32(skb, DRBD_A_PEER_DEVICE_STATISTICS_PEER_DEV_UNACKED, 0) ||
	    nla_put_u64_64bit(skb, DRBD_A_PEER_DEVICE_STATISTICS_PEER_DEV_OUT_OF_SYNC,
			      0, 0) ||
	    nla_put_u64_64bit(skb, DRBD_A_PEER_DEVICE_STATISTICS_PEER_DEV_RESYNC_FAILED,
			      0, 0) ||
	    nla_put_u64_64bit(skb, DRBD_A_PEER_DEVICE_STATISTICS_PEER_DEV_BITMAP_UUID,
			      ldev ? drbd_md_bitmap_uuid(&ldev->md) : 0, 0) ||
	    nla_put_u32(skb, DRBD_A_PEER_DEVICE_STATISTICS_PEER_DEV_FLAGS, 0))
		goto cancel;
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Legacy drbd family: the attributes of objects, shared by do replies,
 * dump entries and notifications.
 *
 * The core has no 8.4 connections or roles yet: every device is what the
 * in-tree driver reports for an unconnected Secondary (StandAlone,
 * Secondary/Unknown, its disk state / DUnknown, its capacity, disk-conf
 * only while attached, no net-conf), every resource is Secondary with write
 * ordering "flush". Field numbers, order and flags follow the 6.1 in-tree
 * driver.
 */
#include <net/genetlink.h>
#include <net/netlink.h>

#include "drbd_nl_legacy.h"

#define M(field)	((field) | DRBD_LEGACY_F_MANDATORY)

static_assert((int)OND_IO_ERROR == (int)DRBD_ON_NO_DATA_IO_ERROR);
static_assert((int)OND_SUSPEND_IO == (int)DRBD_ON_NO_DATA_SUSPEND_IO);

/*
 * union drbd_state of 8.4, LSB first: role:2 peer:2 conn:5 disk:4 pdsk:4,
 * then the suspend and isp bits (all 0 here).
 */
static u32 drbd_legacy_state_word(const struct drbd_device *device)
{
	return R_SECONDARY | R_UNKNOWN << 2 | C_STANDALONE << 4 |
	       drbd_legacy_disk_state(device->disk_state) << 9 |
	       (drbd_peer_outdated(device) ? D_OUTDATED : D_UNKNOWN) << 13;
}

/*
 * The device's disk-conf: the devices and index the core keeps, every
 * other field with its default (disk options are not kept yet), in the
 * in-tree order; disk-size is what the device exposes when it was given.
 */
static int drbd_legacy_put_disk_conf(struct sk_buff *skb,
				     const struct drbd_backing_dev *ldev)
{
	static const struct { u16 type; u32 val; } u32s[] = {
		{ DRBD_A_DISK_CONF_MAX_BIO_BVECS, 0 },
		{ DRBD_A_DISK_CONF_ON_IO_ERROR, DRBD_ON_IO_ERROR_DEF },
		{ DRBD_A_DISK_CONF_FENCING, DRBD_FENCING_DEF },
		{ DRBD_A_DISK_CONF_RESYNC_RATE, DRBD_RESYNC_RATE_DEF },
		{ DRBD_A_DISK_CONF_RESYNC_AFTER, (u32)DRBD_MINOR_NUMBER_DEF },
		{ DRBD_A_DISK_CONF_AL_EXTENTS, DRBD_AL_EXTENTS_DEF },
		{ DRBD_A_DISK_CONF_C_PLAN_AHEAD, DRBD_C_PLAN_AHEAD_DEF },
		{ DRBD_A_DISK_CONF_C_DELAY_TARGET, DRBD_C_DELAY_TARGET_DEF },
		{ DRBD_A_DISK_CONF_C_FILL_TARGET, DRBD_C_FILL_TARGET_DEF },
		{ DRBD_A_DISK_CONF_C_MAX_RATE, DRBD_C_MAX_RATE_DEF },
		{ DRBD_A_DISK_CONF_C_MIN_RATE, DRBD_C_MIN_RATE_DEF },
	};
	static const struct { u16 type; u8 val; } u8s[] = {
		{ DRBD_A_DISK_CONF_DISK_BARRIER, DRBD_DISK_BARRIER_DEF },
		{ DRBD_A_DISK_CONF_DISK_FLUSHES, DRBD_DISK_FLUSHES_DEF },
		{ DRBD_A_DISK_CONF_DISK_DRAIN, DRBD_DISK_DRAIN_DEF },
		{ DRBD_A_DISK_CONF_MD_FLUSHES, DRBD_MD_FLUSHES_DEF },
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
	if (nla_put_u32(skb, DRBD_A_DISK_CONF_DISK_TIMEOUT, DRBD_DISK_TIMEOUT_DEF) ||
	    nla_put_u32(skb, DRBD_A_DISK_CONF_READ_BALANCING, DRBD_READ_BALANCING_DEF) ||
	    nla_put_u8(skb, DRBD_A_DISK_CONF_AL_UPDATES, DRBD_AL_UPDATES_DEF) ||
	    nla_put_u8(skb, DRBD_A_DISK_CONF_DISCARD_ZEROES_IF_ALIGNED,
		       DRBD_DISCARD_ZEROES_IF_ALIGNED_DEF) ||
	    nla_put_u32(skb, DRBD_A_DISK_CONF_RS_DISCARD_GRANULARITY,
			DRBD_RS_DISCARD_GRANULARITY_DEF) ||
	    nla_put_u8(skb, DRBD_A_DISK_CONF_DISABLE_WRITE_SAME,
		       DRBD_DISABLE_WRITE_SAME_DEF))
		goto cancel;
	nla_nest_end(skb, nest);
	return 0;

cancel:
	nla_nest_cancel(skb, nest);
	return -EMSGSIZE;
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
	struct nlattr *nest;

	nest = nla_nest_start_noflag(skb, DRBD_NLA_CFG_CONTEXT);
	if (!nest)
		return -EMSGSIZE;
	if ((device && nla_put_u32(skb, M(DRBD_A_DRBD_CFG_CONTEXT_CTX_VOLUME),
				   device->volume)) ||
	    nla_put_string(skb, M(DRBD_A_DRBD_CFG_CONTEXT_CTX_RESOURCE_NAME),
			   resource->name)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
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
				      u32 sib_reason)
{
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
			drbd_legacy_state_word(device)) ||
	    nla_put_u64_64bit(skb, M(DRBD_A_STATE_INFO_ED_UUID),
			      device->ldev ? device->ldev->md.current_uuid : 0, 0) ||
	    nla_put_u64_64bit(skb, M(DRBD_A_STATE_INFO_CAPACITY),
			      device->disk ? get_capacity(device->disk) : 0, 0))
		goto cancel;
	for (i = 0; i < ARRAY_SIZE(counters64); i++)
		if (nla_put_u64_64bit(skb, counters64[i], 0, 0))
			goto cancel;
	for (i = 0; i < ARRAY_SIZE(counters32); i++)
		if (nla_put_u32(skb, counters32[i], 0))
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
 *
 * cfg-context, res-opts, disk-conf (while attached) and state-info; no
 * net-conf (unconnected).
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd_legacy_put_status(struct sk_buff *skb, const struct drbd_device *device,
			   u32 sib_reason)
{
	if (drbd_legacy_put_context(skb, device->resource, device) ||
	    drbd_legacy_put_res_opts(skb, &device->resource->options) ||
	    (device->ldev && drbd_legacy_put_disk_conf(skb, device->ldev)) ||
	    drbd_legacy_put_state_info(skb, device, sib_reason))
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

static int drbd_legacy_put_resource_info(struct sk_buff *skb)
{
	struct nlattr *nest;

	nest = nla_nest_start(skb, DRBD_NLA_RESOURCE_INFO);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, DRBD_A_RESOURCE_INFO_RES_ROLE, R_SECONDARY) ||
	    nla_put_u8(skb, DRBD_A_RESOURCE_INFO_RES_SUSP, 0) ||
	    nla_put_u8(skb, DRBD_A_RESOURCE_INFO_RES_SUSP_NOD, 0) ||
	    nla_put_u8(skb, DRBD_A_RESOURCE_INFO_RES_SUSP_FEN, 0)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int drbd_legacy_put_resource_statistics(struct sk_buff *skb)
{
	struct nlattr *nest;

	nest = nla_nest_start(skb, DRBD_NLA_RESOURCE_STATISTICS);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, DRBD_A_RESOURCE_STATISTICS_RES_STAT_WRITE_ORDERING,
			WO_BDEV_FLUSH)) {
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
	if ((info && drbd_legacy_put_resource_info(skb)) ||
	    drbd_legacy_put_resource_statistics(skb))
		return -EMSGSIZE;
	return 0;
}

static int drbd_legacy_put_device_info(struct sk_buff *skb,
				       const struct drbd_device *device)
{
	struct nlattr *nest;

	nest = nla_nest_start(skb, DRBD_NLA_DEVICE_INFO);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, DRBD_A_DEVICE_INFO_DEV_DISK_STATE,
			drbd_legacy_disk_state(device->disk_state))) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

static int drbd_legacy_put_device_statistics(struct sk_buff *skb)
{
	static const int counters64[] = {
		DRBD_A_DEVICE_STATISTICS_DEV_SIZE,
		DRBD_A_DEVICE_STATISTICS_DEV_READ,
		DRBD_A_DEVICE_STATISTICS_DEV_WRITE,
		DRBD_A_DEVICE_STATISTICS_DEV_AL_WRITES,
		DRBD_A_DEVICE_STATISTICS_DEV_BM_WRITES,
	};
	struct nlattr *nest;
	unsigned int i;

	nest = nla_nest_start(skb, DRBD_NLA_DEVICE_STATISTICS);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < ARRAY_SIZE(counters64); i++)
		if (nla_put_u64_64bit(skb, counters64[i], 0, 0))
			goto cancel;
	if (nla_put_u32(skb, DRBD_A_DEVICE_STATISTICS_DEV_UPPER_PENDING, 0) ||
	    nla_put_u32(skb, DRBD_A_DEVICE_STATISTICS_DEV_LOWER_PENDING, 0) ||
	    nla_put_u8(skb, DRBD_A_DEVICE_STATISTICS_DEV_UPPER_BLOCKED, 0) ||
	    nla_put_u8(skb, DRBD_A_DEVICE_STATISTICS_DEV_LOWER_BLOCKED, 0) ||
	    nla_put_u8(skb, DRBD_A_DEVICE_STATISTICS_DEV_AL_SUSPENDED, 0) ||
	    nla_put_u64_64bit(skb, DRBD_A_DEVICE_STATISTICS_DEV_EXPOSED_DATA_UUID,
			      0, 0) ||
	    nla_put_u64_64bit(skb, DRBD_A_DEVICE_STATISTICS_DEV_CURRENT_UUID,
			      0, 0) ||
	    nla_put_u32(skb, DRBD_A_DEVICE_STATISTICS_DEV_DISK_FLAGS, 0) ||
	    /* no disk, no history UUIDs: an empty array */
	    nla_put(skb, DRBD_A_DEVICE_STATISTICS_HISTORY_UUIDS, 0, NULL))
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
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd_legacy_put_device_state(struct sk_buff *skb,
				 const struct drbd_device *device, bool info)
{
	if ((info && drbd_legacy_put_device_info(skb, device)) ||
	    drbd_legacy_put_device_statistics(skb))
		return -EMSGSIZE;
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * drbd2 family: the option nests (resource-options, net-options,
 * disk-options) as tables of attribute -> field of the core's option
 * structs, shared by every parse (new, set-options, attach) and every put
 * (replies, dumps, notifications).
 *
 * The policies (ranges, enum limits, string lengths) come from drbd2.yaml;
 * enum values are drbd2's (the order of options.tsv), mapped to the core's
 * numbers, which are DRBD's (the legacy family's wire values).
 */
#include <linux/build_bug.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <net/genetlink.h>
#include <net/netlink.h>

#include "drbd2.h"

static_assert(DRBD2_NET_STR_MAX_LEN + 1 == DRBD_NET_STR_MAX);
static_assert(DRBD2_RESYNC_AFTER_NONE == -1);
static_assert(DRBD2_QUORUM_OFF == DRBD_QUORUM_OFF);
static_assert(DRBD2_QUORUM_MAJORITY == DRBD_QUORUM_MAJORITY);
static_assert(DRBD2_QUORUM_ALL == DRBD_QUORUM_ALL);
static_assert((int)DRBD2_FENCING_RESOURCE_AND_STONITH ==
	      (int)DRBD_FENCING_RESOURCE_AND_STONITH);
static_assert((int)DRBD2_ON_SUSPENDED_PRIMARY_OUTDATED_FORCE_SECONDARY ==
	      DRBD_SUSP_PRI_OUTDATED_FORCE_SECONDARY);

enum drbd2_opt_kind {
	DRBD2_OPT_U32,		/* u32 (or a 4-byte enum) */
	DRBD2_OPT_BOOL,		/* bool, u32 0/1 on the wire */
	DRBD2_OPT_S32,
	DRBD2_OPT_STR,		/* char array of .size bytes */
	DRBD2_OPT_ENUM,		/* u32; drbd2 value i is core value .map[i] */
};

/**
 * struct drbd2_opt - one attribute of an option nest
 * @attr: the attribute type
 * @kind: how the field is stored
 * @n_map: entries in @map (%DRBD2_OPT_ENUM)
 * @offset: the field's offset in the core's option struct
 * @size: the field's size
 * @map: the core value of each drbd2 enum value (%DRBD2_OPT_ENUM)
 * @write_only: accepted, never put into a message (the shared secret)
 */
struct drbd2_opt {
	u16 attr;
	u8 kind;
	u8 n_map;
	u16 offset;
	u16 size;
	const u32 *map;
	bool write_only;
};

#define OPT(a, k, s, f)							\
	{ .attr = (a), .kind = (k), .offset = offsetof(s, f),		\
	  .size = sizeof_field(s, f) }
#define OPT_ENUM(a, s, f, m)						\
	{ .attr = (a), .kind = DRBD2_OPT_ENUM, .offset = offsetof(s, f),	\
	  .size = sizeof_field(s, f), .map = (m), .n_map = ARRAY_SIZE(m) }

/* DRBD's numbers (enum drbd_after_sb_p) in drbd2's (options.tsv's) order */
static const u32 drbd2_after_sb_0p[] = { 0, 1, 2, 3, 4, 5, 6 };
static const u32 drbd2_after_sb_1p[] = { 0, 7, 10, 8, 9 };
static const u32 drbd2_after_sb_2p[] = { 0, 10, 9 };
/* DRBD 9 adds retry-connect (11) and auto-discard (12) */
static const u32 drbd2_rr_conflict[] = { 0, 10, 9, 11, 12 };
static const u32 drbd2_identity3[] = { 0, 1, 2 };
static const u32 drbd2_read_balancing[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
static const u32 drbd2_identity2[] = { 0, 1 };

static_assert(ARRAY_SIZE(drbd2_after_sb_0p) == DRBD2_AFTER_SB_0PRI_DISCARD_REMOTE + 1);
static_assert(ARRAY_SIZE(drbd2_after_sb_1p) ==
	      DRBD2_AFTER_SB_1PRI_CALL_PRI_LOST_AFTER_SB + 1);
static_assert(ARRAY_SIZE(drbd2_after_sb_2p) ==
	      DRBD2_AFTER_SB_2PRI_CALL_PRI_LOST_AFTER_SB + 1);
static_assert(ARRAY_SIZE(drbd2_rr_conflict) == DRBD2_RR_CONFLICT_AUTO_DISCARD + 1);
static_assert(ARRAY_SIZE(drbd2_read_balancing) ==
	      DRBD2_READ_BALANCING_1M_STRIPING + 1);

#define NET(a, k, f)	OPT(DRBD2_A_NET_OPTIONS_##a, DRBD2_OPT_##k,	\
			    struct drbd_net_options, f)
#define NETU(a, i)	NET(a, U32, u32s[DRBD_NET_##i])
#define NETE(a, i, m)	OPT_ENUM(DRBD2_A_NET_OPTIONS_##a,		\
				 struct drbd_net_options, u32s[DRBD_NET_##i], m)

static const struct drbd2_opt drbd2_net_opts[] = {
	NET(PROTOCOL, U32, protocol),
	NET(ALLOW_TWO_PRIMARIES, BOOL, allow_two_primaries),
	NET(TRANSPORT, STR, transport),
	NETU(TIMEOUT, TIMEOUT),
	NETU(MAX_EPOCH_SIZE, MAX_EPOCH_SIZE),
	NETU(MAX_BUFFERS, MAX_BUFFERS),
	NETU(CONNECT_INT, CONNECT_INT),
	NETU(PING_INT, PING_INT),
	NETU(SNDBUF_SIZE, SNDBUF_SIZE),
	NETU(RCVBUF_SIZE, RCVBUF_SIZE),
	NETU(KO_COUNT, KO_COUNT),
	NET(CRAM_HMAC_ALG, STR, cram_hmac_alg),
	{ .attr = DRBD2_A_NET_OPTIONS_SHARED_SECRET, .kind = DRBD2_OPT_STR,
	  .offset = offsetof(struct drbd_net_options, shared_secret),
	  .size = sizeof_field(struct drbd_net_options, shared_secret),
	  .write_only = true },
	NETE(AFTER_SB_0PRI, AFTER_SB_0P, drbd2_after_sb_0p),
	NETE(AFTER_SB_1PRI, AFTER_SB_1P, drbd2_after_sb_1p),
	NETE(AFTER_SB_2PRI, AFTER_SB_2P, drbd2_after_sb_2p),
	NET(ALWAYS_ASBP, BOOL, always_asbp),
	NETE(RR_CONFLICT, RR_CONFLICT, drbd2_rr_conflict),
	NETU(PING_TIMEOUT, PING_TIMEO),
	NET(DATA_INTEGRITY_ALG, STR, integrity_alg),
	NET(TCP_CORK, BOOL, tcp_cork),
	NETE(ON_CONGESTION, ON_CONGESTION, drbd2_identity3),
	NETU(CONGESTION_FILL, CONG_FILL),
	NETU(CONGESTION_EXTENTS, CONG_EXTENTS),
	NET(CSUMS_ALG, STR, csums_alg),
	NET(CSUMS_AFTER_CRASH_ONLY, BOOL, csums_after_crash_only),
	NET(VERIFY_ALG, STR, verify_alg),
	NET(USE_RLE, BOOL, use_rle),
	NETU(SOCKET_CHECK_TIMEOUT, SOCK_CHECK_TIMEO),
	OPT_ENUM(DRBD2_A_NET_OPTIONS_FENCING, struct drbd_net_options, fencing,
		 drbd2_identity3),
	NET(ALLOW_REMOTE_READ, BOOL, allow_remote_read),
};

#define DISK(a, k, f)	OPT(DRBD2_A_DISK_OPTIONS_##a, DRBD2_OPT_##k,	\
			    struct drbd_disk_options, f)

/* size is not in struct drbd_disk_options: see drbd2_disk_options_*() */
static const struct drbd2_opt drbd2_disk_opts[] = {
	OPT_ENUM(DRBD2_A_DISK_OPTIONS_ON_IO_ERROR, struct drbd_disk_options,
		 on_io_error, drbd2_identity3),
	DISK(DISK_BARRIER, BOOL, disk_barrier),
	DISK(DISK_FLUSHES, BOOL, disk_flushes),
	DISK(DISK_DRAIN, BOOL, disk_drain),
	DISK(MD_FLUSHES, BOOL, md_flushes),
	DISK(RESYNC_AFTER, S32, resync_after),
	DISK(AL_EXTENTS, U32, al_extents),
	DISK(AL_UPDATES, BOOL, al_updates),
	DISK(DISCARD_ZEROES_IF_ALIGNED, BOOL, discard_zeroes_if_aligned),
	DISK(DISABLE_WRITE_SAME, BOOL, disable_write_same),
	DISK(DISK_TIMEOUT, U32, disk_timeout),
	OPT_ENUM(DRBD2_A_DISK_OPTIONS_READ_BALANCING, struct drbd_disk_options,
		 read_balancing, drbd2_read_balancing),
	DISK(RS_DISCARD_GRANULARITY, U32, rs_discard_granularity),
};

#define RES(a, k, f)	OPT(DRBD2_A_RESOURCE_OPTIONS_##a, DRBD2_OPT_##k,	\
			    struct drbd_resource_options, f)

static const struct drbd2_opt drbd2_resource_opts[] = {
	RES(CPU_MASK, STR, cpu_mask),
	RES(ON_NO_DATA_ACCESSIBLE, U32, on_no_data),
	RES(AUTO_PROMOTE, BOOL, auto_promote),
	RES(PEER_ACK_WINDOW, U32, peer_ack_window),
	RES(PEER_ACK_DELAY, U32, peer_ack_delay),
	RES(TWOPC_TIMEOUT, U32, twopc_timeout),
	RES(TWOPC_RETRY_TIMEOUT, U32, twopc_retry_timeout),
	RES(AUTO_PROMOTE_TIMEOUT, U32, auto_promote_timeout),
	RES(MAX_IO_DEPTH, U32, max_io_depth),
	RES(QUORUM, U32, quorum),
	OPT_ENUM(DRBD2_A_RESOURCE_OPTIONS_ON_NO_QUORUM,
		 struct drbd_resource_options, on_no_quorum, drbd2_identity2),
	RES(QUORUM_MINIMUM_REDUNDANCY, U32, quorum_min_redundancy),
	OPT_ENUM(DRBD2_A_RESOURCE_OPTIONS_ON_SUSPENDED_PRIMARY_OUTDATED,
		 struct drbd_resource_options, on_susp_pri_outdated,
		 drbd2_identity2),
};

/* the fields' sizes are what their kinds say */
static bool drbd2_opts_sane(const struct drbd2_opt *t, unsigned int n)
{
	static const u8 sizes[] = {
		[DRBD2_OPT_U32] = 4, [DRBD2_OPT_BOOL] = sizeof(bool),
		[DRBD2_OPT_S32] = 4, [DRBD2_OPT_ENUM] = 4,
	};
	unsigned int i;

	for (i = 0; i < n; i++)
		if (t[i].kind != DRBD2_OPT_STR && t[i].size != sizes[t[i].kind])
			return false;
	return true;
}

/*
 * Copy the attributes present in @tb over the fields of @base. The policy
 * has checked ranges, enum limits and string lengths; an enum value
 * without a core value or a string that does not fit is refused anyway.
 */
static int drbd2_opts_apply(void *base, const struct drbd2_opt *t,
			    unsigned int n, struct nlattr **tb,
			    struct netlink_ext_ack *extack)
{
	unsigned int i;
	u32 v;

	if (WARN_ON_ONCE(!drbd2_opts_sane(t, n)))
		return -EINVAL;
	for (i = 0; i < n; i++) {
		const struct nlattr *a = tb[t[i].attr];
		void *p = base + t[i].offset;

		if (!a)
			continue;
		switch (t[i].kind) {
		case DRBD2_OPT_U32:
			*(u32 *)p = nla_get_u32(a);
			break;
		case DRBD2_OPT_BOOL:
			*(bool *)p = nla_get_u32(a);
			break;
		case DRBD2_OPT_S32:
			*(s32 *)p = nla_get_s32(a);
			break;
		case DRBD2_OPT_STR:
			if (nla_strscpy(p, a, t[i].size) < 0) {
				NL_SET_ERR_MSG_ATTR(extack, a, "string too long");
				return -ERANGE;
			}
			break;
		case DRBD2_OPT_ENUM:
			v = nla_get_u32(a);
			if (v >= t[i].n_map) {
				NL_SET_ERR_MSG_ATTR(extack, a, "unknown value");
				return -EINVAL;
			}
			*(u32 *)p = t[i].map[v];
			break;
		}
	}
	return 0;
}

static int drbd2_opts_put(struct sk_buff *msg, const void *base,
			  const struct drbd2_opt *t, unsigned int n)
{
	unsigned int i, j;
	const void *p;
	u32 v;

	for (i = 0; i < n; i++) {
		p = base + t[i].offset;
		if (t[i].write_only)
			continue;
		switch (t[i].kind) {
		case DRBD2_OPT_U32:
			v = *(const u32 *)p;
			break;
		case DRBD2_OPT_BOOL:
			v = *(const bool *)p;
			break;
		case DRBD2_OPT_S32:
			if (nla_put_s32(msg, t[i].attr, *(const s32 *)p))
				return -EMSGSIZE;
			continue;
		case DRBD2_OPT_STR:
			if (nla_put_string(msg, t[i].attr, p))
				return -EMSGSIZE;
			continue;
		case DRBD2_OPT_ENUM:
			/* a core value drbd2 has no name for is left out */
			for (j = 0; j < t[i].n_map; j++)
				if (t[i].map[j] == *(const u32 *)p)
					break;
			if (j == t[i].n_map)
				continue;
			v = j;
			break;
		default:
			continue;
		}
		if (nla_put_u32(msg, t[i].attr, v))
			return -EMSGSIZE;
	}
	return 0;
}

/**
 * drbd2_net_options_put - put a nest with every net option
 * @msg: the message
 * @attr: the nest's attribute type
 * @net: the options
 *
 * The shared secret is write-only: it is never put.
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd2_net_options_put(struct sk_buff *msg, int attr,
			  const struct drbd_net_options *net)
{
	struct nlattr *nest = nla_nest_start(msg, attr);

	if (!nest)
		return -EMSGSIZE;
	if (drbd2_opts_put(msg, net, drbd2_net_opts, ARRAY_SIZE(drbd2_net_opts))) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

/**
 * drbd2_net_options_parse - a net-options nest over net options
 * @nest: the nest, or NULL (nothing changes)
 * @net: the options to change (only the attributes present)
 * @tb: receives the nest's attributes (%DRBD2_A_NET_OPTIONS_MAX + 1)
 * @extack: the request's extack
 *
 * Return: 0 or a negative errno (the extack names the attribute).
 */
int drbd2_net_options_parse(const struct nlattr *nest,
			    struct drbd_net_options *net, struct nlattr **tb,
			    struct netlink_ext_ack *extack)
{
	int err;

	memset(tb, 0, sizeof(*tb) * (DRBD2_A_NET_OPTIONS_MAX + 1));
	if (!nest)
		return 0;
	err = nla_parse_nested(tb, DRBD2_A_NET_OPTIONS_MAX, nest,
			       drbd2_net_options_nl_policy, extack);
	if (err)
		return err;
	return drbd2_opts_apply(net, drbd2_net_opts, ARRAY_SIZE(drbd2_net_opts),
				tb, extack);
}

/**
 * drbd2_net_options_bad_attr - the net option a failed check is about
 * @reason: the reason of the failure
 * @tb: the request's net options (drbd2_net_options_parse())
 * @nest: the net-options nest, for reasons no single option is named by
 *
 * Return: the attribute, or @nest.
 */
const struct nlattr *drbd2_net_options_bad_attr(enum drbd_reason reason,
						struct nlattr **tb,
						const struct nlattr *nest)
{
	const struct nlattr *a = NULL;

	switch (reason) {
	case DRBD_R_NOT_PROTO_C:
		a = tb[DRBD2_A_NET_OPTIONS_ALLOW_TWO_PRIMARIES] ?:
		    tb[DRBD2_A_NET_OPTIONS_PROTOCOL];
		break;
	case DRBD_R_STONITH_PROTO_A:
	case DRBD_R_PROTOCOL_INVALID:
		a = tb[DRBD2_A_NET_OPTIONS_PROTOCOL];
		break;
	case DRBD_R_CONG_NOT_PROTO_A:
		a = tb[DRBD2_A_NET_OPTIONS_ON_CONGESTION] ?:
		    tb[DRBD2_A_NET_OPTIONS_PROTOCOL];
		break;
	case DRBD_R_CSUMS_ALG:
		a = tb[DRBD2_A_NET_OPTIONS_CSUMS_ALG];
		break;
	case DRBD_R_VERIFY_ALG:
		a = tb[DRBD2_A_NET_OPTIONS_VERIFY_ALG];
		break;
	case DRBD_R_INTEGRITY_ALG:
		a = tb[DRBD2_A_NET_OPTIONS_DATA_INTEGRITY_ALG];
		break;
	case DRBD_R_AUTH_ALG:
		a = tb[DRBD2_A_NET_OPTIONS_CRAM_HMAC_ALG];
		break;
	default:
		break;
	}
	return a ?: nest;
}

/**
 * drbd2_disk_options_put - put a nest with every disk option
 * @msg: the message
 * @attr: the nest's attribute type
 * @opts: the options
 * @size: the size requested at attach (sectors)
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd2_disk_options_put(struct sk_buff *msg, int attr,
			   const struct drbd_disk_options *opts, u64 size)
{
	struct nlattr *nest = nla_nest_start(msg, attr);

	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(msg, DRBD2_A_DISK_OPTIONS_SIZE, size,
			      DRBD2_A_DISK_OPTIONS_PAD) ||
	    drbd2_opts_put(msg, opts, drbd2_disk_opts,
			   ARRAY_SIZE(drbd2_disk_opts))) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

/**
 * drbd2_disk_options_parse - a disk-options nest over disk options
 * @nest: the nest, or NULL (nothing changes)
 * @opts: the options to change (only the attributes present)
 * @size: the size to change (if present)
 * @tb: receives the nest's attributes (%DRBD2_A_DISK_OPTIONS_MAX + 1)
 * @extack: the request's extack
 *
 * Return: 0 or a negative errno (the extack names the attribute).
 */
int drbd2_disk_options_parse(const struct nlattr *nest,
			     struct drbd_disk_options *opts, u64 *size,
			     struct nlattr **tb, struct netlink_ext_ack *extack)
{
	int err;

	memset(tb, 0, sizeof(*tb) * (DRBD2_A_DISK_OPTIONS_MAX + 1));
	if (!nest)
		return 0;
	err = nla_parse_nested(tb, DRBD2_A_DISK_OPTIONS_MAX, nest,
			       drbd2_disk_options_nl_policy, extack);
	if (err)
		return err;
	if (tb[DRBD2_A_DISK_OPTIONS_SIZE])
		*size = nla_get_u64(tb[DRBD2_A_DISK_OPTIONS_SIZE]);
	return drbd2_opts_apply(opts, drbd2_disk_opts,
				ARRAY_SIZE(drbd2_disk_opts), tb, extack);
}

/**
 * drbd2_resource_options_put - put a nest with every resource option
 * @msg: the message
 * @attr: the nest's attribute type
 * @opts: the options
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd2_resource_options_put(struct sk_buff *msg, int attr,
			       const struct drbd_resource_options *opts)
{
	struct nlattr *nest = nla_nest_start(msg, attr);

	if (!nest)
		return -EMSGSIZE;
	if (drbd2_opts_put(msg, opts, drbd2_resource_opts,
			   ARRAY_SIZE(drbd2_resource_opts))) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

static bool drbd2_quorum_valid(u32 v)
{
	return v <= DRBD_QUORUM_NODES_MAX || v == DRBD_QUORUM_MAJORITY ||
	       v == DRBD_QUORUM_ALL;
}

/**
 * drbd2_resource_options_parse - a resource-options nest over options
 * @nest: the nest, or NULL (nothing changes)
 * @opts: the options to change (only the attributes present)
 * @extack: the request's extack
 *
 * Besides the policy: quorum and quorum-minimum-redundancy are a node
 * count (0..31) or majority / all.
 *
 * Return: 0 or a negative errno (the extack names the attribute).
 */
int drbd2_resource_options_parse(const struct nlattr *nest,
				 struct drbd_resource_options *opts,
				 struct netlink_ext_ack *extack)
{
	static const u16 quorum_attrs[] = {
		DRBD2_A_RESOURCE_OPTIONS_QUORUM,
		DRBD2_A_RESOURCE_OPTIONS_QUORUM_MINIMUM_REDUNDANCY,
	};
	struct nlattr *tb[DRBD2_A_RESOURCE_OPTIONS_MAX + 1];
	unsigned int i;
	int err;

	if (!nest)
		return 0;
	err = nla_parse_nested(tb, DRBD2_A_RESOURCE_OPTIONS_MAX, nest,
			       drbd2_resource_options_nl_policy, extack);
	if (err)
		return err;
	for (i = 0; i < ARRAY_SIZE(quorum_attrs); i++) {
		const struct nlattr *a = tb[quorum_attrs[i]];

		if (a && !drbd2_quorum_valid(nla_get_u32(a))) {
			NL_SET_ERR_MSG_ATTR(extack, a,
					    "not 0..31, majority (1024) or all (1025)");
			return -ERANGE;
		}
	}
	return drbd2_opts_apply(opts, drbd2_resource_opts,
				ARRAY_SIZE(drbd2_resource_opts), tb, extack);
}

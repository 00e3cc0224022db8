// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	genl-drbd2/drbd2.yaml */
/* YNL-GEN kernel source */
/* To regenerate run: tools/net/ynl/ynl-regen.sh */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "drbd2_nl_gen.h"

#include <uapi/linux/drbd2.h>

/* Integer value ranges */
static const struct netlink_range_validation drbd2_a_resource_options_peer_ack_window_range = {
	.min	= 2048ULL,
	.max	= 204800ULL,
};

static const struct netlink_range_validation drbd2_a_device_minor_range = {
	.max	= DRBD2_MINOR_MAX,
};

static const struct netlink_range_validation drbd2_a_device_volume_range = {
	.max	= DRBD2_VOLUME_MAX,
};

static const struct netlink_range_validation drbd2_a_disk_options_size_range = {
	.max	= 2199023255552ULL,
};

static const struct netlink_range_validation_signed drbd2_a_disk_options_resync_after_range = {
	.min	= DRBD2_RESYNC_AFTER_NONE,
	.max	= DRBD2_MINOR_MAX,
};

static const struct netlink_range_validation drbd2_a_disk_options_al_extents_range = {
	.min	= 67ULL,
	.max	= 65534ULL,
};

static const struct netlink_range_validation drbd2_a_disk_options_rs_discard_granularity_range = {
	.max	= 1048576ULL,
};

static const struct netlink_range_validation drbd2_a_net_options_max_buffers_range = {
	.min	= 32ULL,
	.max	= 131072ULL,
};

static const struct netlink_range_validation drbd2_a_net_options_sndbuf_size_range = {
	.max	= 10485760ULL,
};

static const struct netlink_range_validation drbd2_a_net_options_rcvbuf_size_range = {
	.max	= 10485760ULL,
};

static const struct netlink_range_validation drbd2_a_net_options_congestion_fill_range = {
	.max	= 20971520ULL,
};

static const struct netlink_range_validation drbd2_a_net_options_congestion_extents_range = {
	.min	= 67ULL,
	.max	= 65534ULL,
};

static const struct netlink_range_validation drbd2_a_peer_device_options_resync_rate_range = {
	.min	= 1ULL,
	.max	= 8388608ULL,
};

static const struct netlink_range_validation drbd2_a_peer_device_options_c_fill_target_range = {
	.max	= 1048576ULL,
};

static const struct netlink_range_validation drbd2_a_peer_device_options_c_max_rate_range = {
	.max	= 4194304ULL,
};

static const struct netlink_range_validation drbd2_a_peer_device_options_c_min_rate_range = {
	.max	= 4194304ULL,
};

static const struct netlink_range_validation drbd2_a_peer_device_volume_range = {
	.max	= DRBD2_VOLUME_MAX,
};

/* Common nested types */
const struct nla_policy drbd2_disk_options_nl_policy[DRBD2_A_DISK_OPTIONS_PAD + 1] = {
	[DRBD2_A_DISK_OPTIONS_SIZE] = NLA_POLICY_FULL_RANGE(NLA_U64, &drbd2_a_disk_options_size_range),
	[DRBD2_A_DISK_OPTIONS_ON_IO_ERROR] = NLA_POLICY_MAX(NLA_U32, 2),
	[DRBD2_A_DISK_OPTIONS_DISK_BARRIER] = NLA_POLICY_MAX(NLA_U32, 1),
	[DRBD2_A_DISK_OPTIONS_DISK_FLUSHES] = NLA_POLICY_MAX(NLA_U32, 1),
	[DRBD2_A_DISK_OPTIONS_DISK_DRAIN] = NLA_POLICY_MAX(NLA_U32, 1),
	[DRBD2_A_DISK_OPTIONS_MD_FLUSHES] = NLA_POLICY_MAX(NLA_U32, 1),
	[DRBD2_A_DISK_OPTIONS_RESYNC_AFTER] = NLA_POLICY_FULL_RANGE(NLA_S32, &drbd2_a_disk_options_resync_after_range),
	[DRBD2_A_DISK_OPTIONS_AL_EXTENTS] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_disk_options_al_extents_range),
	[DRBD2_A_DISK_OPTIONS_AL_UPDATES] = NLA_POLICY_MAX(NLA_U32, 1),
	[DRBD2_A_DISK_OPTIONS_DISCARD_ZEROES_IF_ALIGNED] = NLA_POLICY_MAX(NLA_U32, 1),
	[DRBD2_A_DISK_OPTIONS_DISABLE_WRITE_SAME] = NLA_POLICY_MAX(NLA_U32, 1),
	[DRBD2_A_DISK_OPTIONS_DISK_TIMEOUT] = NLA_POLICY_MAX(NLA_U32, 6000),
	[DRBD2_A_DISK_OPTIONS_READ_BALANCING] = NLA_POLICY_MAX(NLA_U32, 10),
	[DRBD2_A_DISK_OPTIONS_RS_DISCARD_GRANULARITY] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_disk_options_rs_discard_granularity_range),
};

const struct nla_policy drbd2_net_options_nl_policy[DRBD2_A_NET_OPTIONS_ALLOW_REMOTE_READ + 1] = {
	[DRBD2_A_NET_OPTIONS_PROTOCOL] = NLA_POLICY_RANGE(NLA_U32, 1, 3),
	[DRBD2_A_NET_OPTIONS_ALLOW_TWO_PRIMARIES] = NLA_POLICY_MAX(NLA_U32, 1),
	[DRBD2_A_NET_OPTIONS_TRANSPORT] = { .type = NLA_NUL_STRING, .len = DRBD2_NET_STR_MAX_LEN, },
	[DRBD2_A_NET_OPTIONS_TIMEOUT] = NLA_POLICY_RANGE(NLA_U32, 1, 600),
	[DRBD2_A_NET_OPTIONS_MAX_EPOCH_SIZE] = NLA_POLICY_RANGE(NLA_U32, 1, 20000),
	[DRBD2_A_NET_OPTIONS_MAX_BUFFERS] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_net_options_max_buffers_range),
	[DRBD2_A_NET_OPTIONS_CONNECT_INT] = NLA_POLICY_RANGE(NLA_U32, 1, 120),
	[DRBD2_A_NET_OPTIONS_PING_INT] = NLA_POLICY_RANGE(NLA_U32, 1, 120),
	[DRBD2_A_NET_OPTIONS_SNDBUF_SIZE] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_net_options_sndbuf_size_range),
	[DRBD2_A_NET_OPTIONS_RCVBUF_SIZE] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_net_options_rcvbuf_size_range),
	[DRBD2_A_NET_OPTIONS_KO_COUNT] = NLA_POLICY_MAX(NLA_U32, 200),
	[DRBD2_A_NET_OPTIONS_CRAM_HMAC_ALG] = { .type = NLA_NUL_STRING, .len = DRBD2_NET_STR_MAX_LEN, },
	[DRBD2_A_NET_OPTIONS_SHARED_SECRET] = { .type = NLA_NUL_STRING, .len = DRBD2_NET_STR_MAX_LEN, },
	[DRBD2_A_NET_OPTIONS_AFTER_SB_0PRI] = NLA_POLICY_MAX(NLA_U32, 6),
	[DRBD2_A_NET_OPTIONS_AFTER_SB_1PRI] = NLA_POLICY_MAX(NLA_U32, 4),
	[DRBD2_A_NET_OPTIONS_AFTER_SB_2PRI] = NLA_POLICY_MAX(NLA_U32, 2),
	[DRBD2_A_NET_OPTIONS_ALWAYS_ASBP] = NLA_POLICY_MAX(NLA_U32, 1),
	[DRBD2_A_NET_OPTIONS_RR_CONFLICT] = NLA_POLICY_MAX(NLA_U32, 4),
	[DRBD2_A_NET_OPTIONS_PING_TIMEOUT] = NLA_POLICY_RANGE(NLA_U32, 1, 300),
	[DRBD2_A_NET_OPTIONS_DATA_INTEGRITY_ALG] = { .type = NLA_NUL_STRING, .len = DRBD2_NET_STR_MAX_LEN, },
	[DRBD2_A_NET_OPTIONS_TCP_CORK] = NLA_POLICY_MAX(NLA_U32, 1),
	[DRBD2_A_NET_OPTIONS_ON_CONGESTION] = NLA_POLICY_MAX(NLA_U32, 2),
	[DRBD2_A_NET_OPTIONS_CONGESTION_FILL] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_net_options_congestion_fill_range),
	[DRBD2_A_NET_OPTIONS_CONGESTION_EXTENTS] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_net_options_congestion_extents_range),
	[DRBD2_A_NET_OPTIONS_CSUMS_ALG] = { .type = NLA_NUL_STRING, .len = DRBD2_NET_STR_MAX_LEN, },
	[DRBD2_A_NET_OPTIONS_CSUMS_AFTER_CRASH_ONLY] = NLA_POLICY_MAX(NLA_U32, 1),
	[DRBD2_A_NET_OPTIONS_VERIFY_ALG] = { .type = NLA_NUL_STRING, .len = DRBD2_NET_STR_MAX_LEN, },
	[DRBD2_A_NET_OPTIONS_USE_RLE] = NLA_POLICY_MAX(NLA_U32, 1),
	[DRBD2_A_NET_OPTIONS_SOCKET_CHECK_TIMEOUT] = NLA_POLICY_MAX(NLA_U32, 300),
	[DRBD2_A_NET_OPTIONS_FENCING] = NLA_POLICY_MAX(NLA_U32, 2),
	[DRBD2_A_NET_OPTIONS_ALLOW_REMOTE_READ] = NLA_POLICY_MAX(NLA_U32, 1),
};

const struct nla_policy drbd2_peer_device_options_nl_policy[DRBD2_A_PEER_DEVICE_OPTIONS_BITMAP + 1] = {
	[DRBD2_A_PEER_DEVICE_OPTIONS_RESYNC_RATE] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_peer_device_options_resync_rate_range),
	[DRBD2_A_PEER_DEVICE_OPTIONS_C_PLAN_AHEAD] = NLA_POLICY_MAX(NLA_U32, 300),
	[DRBD2_A_PEER_DEVICE_OPTIONS_C_DELAY_TARGET] = NLA_POLICY_RANGE(NLA_U32, 1, 100),
	[DRBD2_A_PEER_DEVICE_OPTIONS_C_FILL_TARGET] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_peer_device_options_c_fill_target_range),
	[DRBD2_A_PEER_DEVICE_OPTIONS_C_MAX_RATE] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_peer_device_options_c_max_rate_range),
	[DRBD2_A_PEER_DEVICE_OPTIONS_C_MIN_RATE] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_peer_device_options_c_min_rate_range),
	[DRBD2_A_PEER_DEVICE_OPTIONS_BITMAP] = NLA_POLICY_MAX(NLA_U32, 1),
};

const struct nla_policy drbd2_resource_options_nl_policy[DRBD2_A_RESOURCE_OPTIONS_ON_SUSPENDED_PRIMARY_OUTDATED + 1] = {
	[DRBD2_A_RESOURCE_OPTIONS_CPU_MASK] = { .type = NLA_NUL_STRING, .len = DRBD2_CPU_MASK_MAX_LEN, },
	[DRBD2_A_RESOURCE_OPTIONS_ON_NO_DATA_ACCESSIBLE] = NLA_POLICY_MAX(NLA_U32, 1),
	[DRBD2_A_RESOURCE_OPTIONS_AUTO_PROMOTE] = NLA_POLICY_MAX(NLA_U32, 1),
	[DRBD2_A_RESOURCE_OPTIONS_PEER_ACK_WINDOW] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_resource_options_peer_ack_window_range),
	[DRBD2_A_RESOURCE_OPTIONS_PEER_ACK_DELAY] = NLA_POLICY_RANGE(NLA_U32, 1, 10000),
	[DRBD2_A_RESOURCE_OPTIONS_TWOPC_TIMEOUT] = NLA_POLICY_RANGE(NLA_U32, 50, 600),
	[DRBD2_A_RESOURCE_OPTIONS_TWOPC_RETRY_TIMEOUT] = NLA_POLICY_RANGE(NLA_U32, 1, 50),
	[DRBD2_A_RESOURCE_OPTIONS_AUTO_PROMOTE_TIMEOUT] = NLA_POLICY_MAX(NLA_U32, 600),
	[DRBD2_A_RESOURCE_OPTIONS_MAX_IO_DEPTH] = NLA_POLICY_MIN(NLA_U32, 4),
	[DRBD2_A_RESOURCE_OPTIONS_QUORUM] = NLA_POLICY_MAX(NLA_U32, DRBD2_QUORUM_ALL),
	[DRBD2_A_RESOURCE_OPTIONS_ON_NO_QUORUM] = NLA_POLICY_MAX(NLA_U32, 1),
	[DRBD2_A_RESOURCE_OPTIONS_QUORUM_MINIMUM_REDUNDANCY] = NLA_POLICY_MAX(NLA_U32, DRBD2_QUORUM_ALL),
	[DRBD2_A_RESOURCE_OPTIONS_ON_SUSPENDED_PRIMARY_OUTDATED] = NLA_POLICY_MAX(NLA_U32, 1),
};

/* DRBD2_CMD_RESOURCE_GET - do */
static const struct nla_policy drbd2_resource_get_nl_policy[DRBD2_A_RESOURCE_NAME + 1] = {
	[DRBD2_A_RESOURCE_NAME] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
};

/* DRBD2_CMD_RESOURCE_NEW - do */
static const struct nla_policy drbd2_resource_new_nl_policy[DRBD2_A_RESOURCE_OPTIONS + 1] = {
	[DRBD2_A_RESOURCE_NAME] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_RESOURCE_NODE_ID] = NLA_POLICY_MAX(NLA_U32, DRBD2_NODE_ID_MAX),
	[DRBD2_A_RESOURCE_OPTIONS] = NLA_POLICY_NESTED(drbd2_resource_options_nl_policy),
};

/* DRBD2_CMD_RESOURCE_DEL - do */
static const struct nla_policy drbd2_resource_del_nl_policy[DRBD2_A_RESOURCE_NAME + 1] = {
	[DRBD2_A_RESOURCE_NAME] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
};

/* DRBD2_CMD_DEVICE_GET - do */
static const struct nla_policy drbd2_device_get_do_nl_policy[DRBD2_A_DEVICE_MINOR + 1] = {
	[DRBD2_A_DEVICE_MINOR] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_device_minor_range),
};

/* DRBD2_CMD_DEVICE_GET - dump */
static const struct nla_policy drbd2_device_get_dump_nl_policy[DRBD2_A_DEVICE_RESOURCE + 1] = {
	[DRBD2_A_DEVICE_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
};

/* DRBD2_CMD_DEVICE_NEW - do */
static const struct nla_policy drbd2_device_new_nl_policy[DRBD2_A_DEVICE_RESOURCE + 1] = {
	[DRBD2_A_DEVICE_MINOR] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_device_minor_range),
	[DRBD2_A_DEVICE_VOLUME] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_device_volume_range),
	[DRBD2_A_DEVICE_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
};

/* DRBD2_CMD_DEVICE_DEL - do */
static const struct nla_policy drbd2_device_del_nl_policy[DRBD2_A_DEVICE_MINOR + 1] = {
	[DRBD2_A_DEVICE_MINOR] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_device_minor_range),
};

/* DRBD2_CMD_CONNECTION_GET - do */
static const struct nla_policy drbd2_connection_get_do_nl_policy[DRBD2_A_CONNECTION_PEER_NODE_ID + 1] = {
	[DRBD2_A_CONNECTION_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_CONNECTION_PEER_NODE_ID] = NLA_POLICY_MAX(NLA_U32, DRBD2_NODE_ID_MAX),
};

/* DRBD2_CMD_CONNECTION_GET - dump */
static const struct nla_policy drbd2_connection_get_dump_nl_policy[DRBD2_A_CONNECTION_RESOURCE + 1] = {
	[DRBD2_A_CONNECTION_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
};

/* DRBD2_CMD_CONNECTION_NEW - do */
static const struct nla_policy drbd2_connection_new_nl_policy[DRBD2_A_CONNECTION_NET_OPTIONS + 1] = {
	[DRBD2_A_CONNECTION_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_CONNECTION_PEER_NODE_ID] = NLA_POLICY_MAX(NLA_U32, DRBD2_NODE_ID_MAX),
	[DRBD2_A_CONNECTION_NAME] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_CONNECTION_NET_OPTIONS] = NLA_POLICY_NESTED(drbd2_net_options_nl_policy),
};

/* DRBD2_CMD_CONNECTION_DEL - do */
static const struct nla_policy drbd2_connection_del_nl_policy[DRBD2_A_CONNECTION_PEER_NODE_ID + 1] = {
	[DRBD2_A_CONNECTION_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_CONNECTION_PEER_NODE_ID] = NLA_POLICY_MAX(NLA_U32, DRBD2_NODE_ID_MAX),
};

/* DRBD2_CMD_DEVICE_ATTACH - do */
static const struct nla_policy drbd2_device_attach_nl_policy[DRBD2_A_DEVICE_DISK_OPTIONS + 1] = {
	[DRBD2_A_DEVICE_MINOR] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_device_minor_range),
	[DRBD2_A_DEVICE_BACKING_DEV] = { .type = NLA_NUL_STRING, .len = DRBD2_PATH_MAX_LEN, },
	[DRBD2_A_DEVICE_META_DEV] = { .type = NLA_NUL_STRING, .len = DRBD2_PATH_MAX_LEN, },
	[DRBD2_A_DEVICE_META_IDX] = NLA_POLICY_MAX(NLA_S32, DRBD2_META_IDX_MAX),
	[DRBD2_A_DEVICE_DISK_OPTIONS] = NLA_POLICY_NESTED(drbd2_disk_options_nl_policy),
};

/* DRBD2_CMD_DEVICE_DETACH - do */
static const struct nla_policy drbd2_device_detach_nl_policy[DRBD2_A_DEVICE_FORCE + 1] = {
	[DRBD2_A_DEVICE_MINOR] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_device_minor_range),
	[DRBD2_A_DEVICE_FORCE] = { .type = NLA_FLAG, },
};

/* DRBD2_CMD_RESOURCE_SET_ROLE - do */
static const struct nla_policy drbd2_resource_set_role_nl_policy[DRBD2_A_RESOURCE_FORCE + 1] = {
	[DRBD2_A_RESOURCE_NAME] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_RESOURCE_ROLE] = NLA_POLICY_MAX(NLA_U32, 2),
	[DRBD2_A_RESOURCE_FORCE] = { .type = NLA_FLAG, },
};

/* DRBD2_CMD_DEVICE_OUTDATE - do */
static const struct nla_policy drbd2_device_outdate_nl_policy[DRBD2_A_DEVICE_MINOR + 1] = {
	[DRBD2_A_DEVICE_MINOR] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_device_minor_range),
};

/* DRBD2_CMD_DEVICE_NEW_CURRENT_UUID - do */
static const struct nla_policy drbd2_device_new_current_uuid_nl_policy[DRBD2_A_DEVICE_CLEAR_BITMAP + 1] = {
	[DRBD2_A_DEVICE_MINOR] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_device_minor_range),
	[DRBD2_A_DEVICE_CLEAR_BITMAP] = { .type = NLA_FLAG, },
};

/* DRBD2_CMD_DEVICE_RESIZE - do */
static const struct nla_policy drbd2_device_resize_nl_policy[DRBD2_A_DEVICE_FORCE + 1] = {
	[DRBD2_A_DEVICE_MINOR] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_device_minor_range),
	[DRBD2_A_DEVICE_SIZE] = { .type = NLA_U64, },
	[DRBD2_A_DEVICE_FORCE] = { .type = NLA_FLAG, },
};

/* DRBD2_CMD_CONNECTION_CONNECT - do */
static const struct nla_policy drbd2_connection_connect_nl_policy[DRBD2_A_CONNECTION_PEER_NODE_ID + 1] = {
	[DRBD2_A_CONNECTION_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_CONNECTION_PEER_NODE_ID] = NLA_POLICY_MAX(NLA_U32, DRBD2_NODE_ID_MAX),
};

/* DRBD2_CMD_CONNECTION_DISCONNECT - do */
static const struct nla_policy drbd2_connection_disconnect_nl_policy[DRBD2_A_CONNECTION_PEER_NODE_ID + 1] = {
	[DRBD2_A_CONNECTION_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_CONNECTION_PEER_NODE_ID] = NLA_POLICY_MAX(NLA_U32, DRBD2_NODE_ID_MAX),
};

/* DRBD2_CMD_PATH_GET - do */
static const struct nla_policy drbd2_path_get_do_nl_policy[DRBD2_A_PATH_PEER_ADDR + 1] = {
	[DRBD2_A_PATH_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_PATH_PEER_NODE_ID] = NLA_POLICY_MAX(NLA_U32, DRBD2_NODE_ID_MAX),
	[DRBD2_A_PATH_MY_ADDR] = NLA_POLICY_MIN_LEN(16),
	[DRBD2_A_PATH_PEER_ADDR] = NLA_POLICY_MIN_LEN(16),
};

/* DRBD2_CMD_PATH_GET - dump */
static const struct nla_policy drbd2_path_get_dump_nl_policy[DRBD2_A_PATH_PEER_NODE_ID + 1] = {
	[DRBD2_A_PATH_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_PATH_PEER_NODE_ID] = NLA_POLICY_MAX(NLA_U32, DRBD2_NODE_ID_MAX),
};

/* DRBD2_CMD_PATH_NEW - do */
static const struct nla_policy drbd2_path_new_nl_policy[DRBD2_A_PATH_PEER_ADDR + 1] = {
	[DRBD2_A_PATH_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_PATH_PEER_NODE_ID] = NLA_POLICY_MAX(NLA_U32, DRBD2_NODE_ID_MAX),
	[DRBD2_A_PATH_MY_ADDR] = NLA_POLICY_MIN_LEN(16),
	[DRBD2_A_PATH_PEER_ADDR] = NLA_POLICY_MIN_LEN(16),
};

/* DRBD2_CMD_PATH_DEL - do */
static const struct nla_policy drbd2_path_del_nl_policy[DRBD2_A_PATH_PEER_ADDR + 1] = {
	[DRBD2_A_PATH_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_PATH_PEER_NODE_ID] = NLA_POLICY_MAX(NLA_U32, DRBD2_NODE_ID_MAX),
	[DRBD2_A_PATH_MY_ADDR] = NLA_POLICY_MIN_LEN(16),
	[DRBD2_A_PATH_PEER_ADDR] = NLA_POLICY_MIN_LEN(16),
};

/* DRBD2_CMD_PEER_DEVICE_GET - do */
static const struct nla_policy drbd2_peer_device_get_do_nl_policy[DRBD2_A_PEER_DEVICE_VOLUME + 1] = {
	[DRBD2_A_PEER_DEVICE_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_PEER_DEVICE_PEER_NODE_ID] = NLA_POLICY_MAX(NLA_U32, DRBD2_NODE_ID_MAX),
	[DRBD2_A_PEER_DEVICE_VOLUME] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_peer_device_volume_range),
};

/* DRBD2_CMD_PEER_DEVICE_GET - dump */
static const struct nla_policy drbd2_peer_device_get_dump_nl_policy[DRBD2_A_PEER_DEVICE_RESOURCE + 1] = {
	[DRBD2_A_PEER_DEVICE_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
};

/* DRBD2_CMD_PEER_DEVICE_SET_OPTIONS - do */
static const struct nla_policy drbd2_peer_device_set_options_nl_policy[DRBD2_A_PEER_DEVICE_OPTIONS + 1] = {
	[DRBD2_A_PEER_DEVICE_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_PEER_DEVICE_PEER_NODE_ID] = NLA_POLICY_MAX(NLA_U32, DRBD2_NODE_ID_MAX),
	[DRBD2_A_PEER_DEVICE_VOLUME] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_peer_device_volume_range),
	[DRBD2_A_PEER_DEVICE_OPTIONS] = NLA_POLICY_NESTED(drbd2_peer_device_options_nl_policy),
};

/* DRBD2_CMD_RESOURCE_SET_OPTIONS - do */
static const struct nla_policy drbd2_resource_set_options_nl_policy[DRBD2_A_RESOURCE_OPTIONS + 1] = {
	[DRBD2_A_RESOURCE_NAME] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_RESOURCE_OPTIONS] = NLA_POLICY_NESTED(drbd2_resource_options_nl_policy),
};

/* DRBD2_CMD_DEVICE_SET_DISK_OPTIONS - do */
static const struct nla_policy drbd2_device_set_disk_options_nl_policy[DRBD2_A_DEVICE_DISK_OPTIONS + 1] = {
	[DRBD2_A_DEVICE_MINOR] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_device_minor_range),
	[DRBD2_A_DEVICE_DISK_OPTIONS] = NLA_POLICY_NESTED(drbd2_disk_options_nl_policy),
};

/* DRBD2_CMD_CONNECTION_SET_OPTIONS - do */
static const struct nla_policy drbd2_connection_set_options_nl_policy[DRBD2_A_CONNECTION_NET_OPTIONS + 1] = {
	[DRBD2_A_CONNECTION_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_CONNECTION_PEER_NODE_ID] = NLA_POLICY_MAX(NLA_U32, DRBD2_NODE_ID_MAX),
	[DRBD2_A_CONNECTION_NET_OPTIONS] = NLA_POLICY_NESTED(drbd2_net_options_nl_policy),
};

/* DRBD2_CMD_DEVICE_INVALIDATE - do */
static const struct nla_policy drbd2_device_invalidate_nl_policy[DRBD2_A_DEVICE_RESET_BITMAP + 1] = {
	[DRBD2_A_DEVICE_MINOR] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_device_minor_range),
	[DRBD2_A_DEVICE_SYNC_FROM_PEER_NODE_ID] = NLA_POLICY_MAX(NLA_U32, DRBD2_NODE_ID_MAX),
	[DRBD2_A_DEVICE_RESET_BITMAP] = NLA_POLICY_MAX(NLA_U32, 1),
};

/* DRBD2_CMD_PEER_DEVICE_INVALIDATE - do */
static const struct nla_policy drbd2_peer_device_invalidate_nl_policy[DRBD2_A_PEER_DEVICE_RESET_BITMAP + 1] = {
	[DRBD2_A_PEER_DEVICE_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_PEER_DEVICE_PEER_NODE_ID] = NLA_POLICY_MAX(NLA_U32, DRBD2_NODE_ID_MAX),
	[DRBD2_A_PEER_DEVICE_VOLUME] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_peer_device_volume_range),
	[DRBD2_A_PEER_DEVICE_RESET_BITMAP] = NLA_POLICY_MAX(NLA_U32, 1),
};

/* DRBD2_CMD_PEER_DEVICE_VERIFY - do */
static const struct nla_policy drbd2_peer_device_verify_nl_policy[DRBD2_A_PEER_DEVICE_STOP_SECTOR + 1] = {
	[DRBD2_A_PEER_DEVICE_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_PEER_DEVICE_PEER_NODE_ID] = NLA_POLICY_MAX(NLA_U32, DRBD2_NODE_ID_MAX),
	[DRBD2_A_PEER_DEVICE_VOLUME] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_peer_device_volume_range),
	[DRBD2_A_PEER_DEVICE_START_SECTOR] = { .type = NLA_U64, },
	[DRBD2_A_PEER_DEVICE_STOP_SECTOR] = { .type = NLA_U64, },
};

/* DRBD2_CMD_PEER_DEVICE_PAUSE_SYNC - do */
static const struct nla_policy drbd2_peer_device_pause_sync_nl_policy[DRBD2_A_PEER_DEVICE_VOLUME + 1] = {
	[DRBD2_A_PEER_DEVICE_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_PEER_DEVICE_PEER_NODE_ID] = NLA_POLICY_MAX(NLA_U32, DRBD2_NODE_ID_MAX),
	[DRBD2_A_PEER_DEVICE_VOLUME] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_peer_device_volume_range),
};

/* DRBD2_CMD_PEER_DEVICE_RESUME_SYNC - do */
static const struct nla_policy drbd2_peer_device_resume_sync_nl_policy[DRBD2_A_PEER_DEVICE_VOLUME + 1] = {
	[DRBD2_A_PEER_DEVICE_RESOURCE] = { .type = NLA_NUL_STRING, .len = DRBD2_NAME_MAX_LEN, },
	[DRBD2_A_PEER_DEVICE_PEER_NODE_ID] = NLA_POLICY_MAX(NLA_U32, DRBD2_NODE_ID_MAX),
	[DRBD2_A_PEER_DEVICE_VOLUME] = NLA_POLICY_FULL_RANGE(NLA_U32, &drbd2_a_peer_device_volume_range),
};

/* Ops table for drbd2 */
const struct genl_split_ops drbd2_nl_ops[35] = {
	{
		.cmd		= DRBD2_CMD_RESOURCE_GET,
		.doit		= drbd2_nl_resource_get_doit,
		.policy		= drbd2_resource_get_nl_policy,
		.maxattr	= DRBD2_A_RESOURCE_NAME,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd	= DRBD2_CMD_RESOURCE_GET,
		.dumpit	= drbd2_nl_resource_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= DRBD2_CMD_RESOURCE_NEW,
		.doit		= drbd2_nl_resource_new_doit,
		.policy		= drbd2_resource_new_nl_policy,
		.maxattr	= DRBD2_A_RESOURCE_OPTIONS,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_RESOURCE_DEL,
		.doit		= drbd2_nl_resource_del_doit,
		.policy		= drbd2_resource_del_nl_policy,
		.maxattr	= DRBD2_A_RESOURCE_NAME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_DEVICE_GET,
		.doit		= drbd2_nl_device_get_doit,
		.policy		= drbd2_device_get_do_nl_policy,
		.maxattr	= DRBD2_A_DEVICE_MINOR,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_DEVICE_GET,
		.dumpit		= drbd2_nl_device_get_dumpit,
		.policy		= drbd2_device_get_dump_nl_policy,
		.maxattr	= DRBD2_A_DEVICE_RESOURCE,
		.flags		= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= DRBD2_CMD_DEVICE_NEW,
		.doit		= drbd2_nl_device_new_doit,
		.policy		= drbd2_device_new_nl_policy,
		.maxattr	= DRBD2_A_DEVICE_RESOURCE,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_DEVICE_DEL,
		.doit		= drbd2_nl_device_del_doit,
		.policy		= drbd2_device_del_nl_policy,
		.maxattr	= DRBD2_A_DEVICE_MINOR,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_CONNECTION_GET,
		.doit		= drbd2_nl_connection_get_doit,
		.policy		= drbd2_connection_get_do_nl_policy,
		.maxattr	= DRBD2_A_CONNECTION_PEER_NODE_ID,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_CONNECTION_GET,
		.dumpit		= drbd2_nl_connection_get_dumpit,
		.policy		= drbd2_connection_get_dump_nl_policy,
		.maxattr	= DRBD2_A_CONNECTION_RESOURCE,
		.flags		= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= DRBD2_CMD_CONNECTION_NEW,
		.doit		= drbd2_nl_connection_new_doit,
		.policy		= drbd2_connection_new_nl_policy,
		.maxattr	= DRBD2_A_CONNECTION_NET_OPTIONS,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_CONNECTION_DEL,
		.doit		= drbd2_nl_connection_del_doit,
		.policy		= drbd2_connection_del_nl_policy,
		.maxattr	= DRBD2_A_CONNECTION_PEER_NODE_ID,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_DEVICE_ATTACH,
		.doit		= drbd2_nl_device_attach_doit,
		.policy		= drbd2_device_attach_nl_policy,
		.maxattr	= DRBD2_A_DEVICE_DISK_OPTIONS,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_DEVICE_DETACH,
		.doit		= drbd2_nl_device_detach_doit,
		.policy		= drbd2_device_detach_nl_policy,
		.maxattr	= DRBD2_A_DEVICE_FORCE,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_RESOURCE_SET_ROLE,
		.doit		= drbd2_nl_resource_set_role_doit,
		.policy		= drbd2_resource_set_role_nl_policy,
		.maxattr	= DRBD2_A_RESOURCE_FORCE,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_DEVICE_OUTDATE,
		.doit		= drbd2_nl_device_outdate_doit,
		.policy		= drbd2_device_outdate_nl_policy,
		.maxattr	= DRBD2_A_DEVICE_MINOR,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_DEVICE_NEW_CURRENT_UUID,
		.doit		= drbd2_nl_device_new_current_uuid_doit,
		.policy		= drbd2_device_new_current_uuid_nl_policy,
		.maxattr	= DRBD2_A_DEVICE_CLEAR_BITMAP,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_DEVICE_RESIZE,
		.doit		= drbd2_nl_device_resize_doit,
		.policy		= drbd2_device_resize_nl_policy,
		.maxattr	= DRBD2_A_DEVICE_FORCE,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_CONNECTION_CONNECT,
		.doit		= drbd2_nl_connection_connect_doit,
		.policy		= drbd2_connection_connect_nl_policy,
		.maxattr	= DRBD2_A_CONNECTION_PEER_NODE_ID,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_CONNECTION_DISCONNECT,
		.doit		= drbd2_nl_connection_disconnect_doit,
		.policy		= drbd2_connection_disconnect_nl_policy,
		.maxattr	= DRBD2_A_CONNECTION_PEER_NODE_ID,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_PATH_GET,
		.doit		= drbd2_nl_path_get_doit,
		.policy		= drbd2_path_get_do_nl_policy,
		.maxattr	= DRBD2_A_PATH_PEER_ADDR,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_PATH_GET,
		.dumpit		= drbd2_nl_path_get_dumpit,
		.policy		= drbd2_path_get_dump_nl_policy,
		.maxattr	= DRBD2_A_PATH_PEER_NODE_ID,
		.flags		= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= DRBD2_CMD_PATH_NEW,
		.doit		= drbd2_nl_path_new_doit,
		.policy		= drbd2_path_new_nl_policy,
		.maxattr	= DRBD2_A_PATH_PEER_ADDR,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_PATH_DEL,
		.doit		= drbd2_nl_path_del_doit,
		.policy		= drbd2_path_del_nl_policy,
		.maxattr	= DRBD2_A_PATH_PEER_ADDR,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_PEER_DEVICE_GET,
		.doit		= drbd2_nl_peer_device_get_doit,
		.policy		= drbd2_peer_device_get_do_nl_policy,
		.maxattr	= DRBD2_A_PEER_DEVICE_VOLUME,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_PEER_DEVICE_GET,
		.dumpit		= drbd2_nl_peer_device_get_dumpit,
		.policy		= drbd2_peer_device_get_dump_nl_policy,
		.maxattr	= DRBD2_A_PEER_DEVICE_RESOURCE,
		.flags		= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= DRBD2_CMD_PEER_DEVICE_SET_OPTIONS,
		.doit		= drbd2_nl_peer_device_set_options_doit,
		.policy		= drbd2_peer_device_set_options_nl_policy,
		.maxattr	= DRBD2_A_PEER_DEVICE_OPTIONS,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_RESOURCE_SET_OPTIONS,
		.doit		= drbd2_nl_resource_set_options_doit,
		.policy		= drbd2_resource_set_options_nl_policy,
		.maxattr	= DRBD2_A_RESOURCE_OPTIONS,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_DEVICE_SET_DISK_OPTIONS,
		.doit		= drbd2_nl_device_set_disk_options_doit,
		.policy		= drbd2_device_set_disk_options_nl_policy,
		.maxattr	= DRBD2_A_DEVICE_DISK_OPTIONS,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_CONNECTION_SET_OPTIONS,
		.doit		= drbd2_nl_connection_set_options_doit,
		.policy		= drbd2_connection_set_options_nl_policy,
		.maxattr	= DRBD2_A_CONNECTION_NET_OPTIONS,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_DEVICE_INVALIDATE,
		.doit		= drbd2_nl_device_invalidate_doit,
		.policy		= drbd2_device_invalidate_nl_policy,
		.maxattr	= DRBD2_A_DEVICE_RESET_BITMAP,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_PEER_DEVICE_INVALIDATE,
		.doit		= drbd2_nl_peer_device_invalidate_doit,
		.policy		= drbd2_peer_device_invalidate_nl_policy,
		.maxattr	= DRBD2_A_PEER_DEVICE_RESET_BITMAP,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_PEER_DEVICE_VERIFY,
		.doit		= drbd2_nl_peer_device_verify_doit,
		.policy		= drbd2_peer_device_verify_nl_policy,
		.maxattr	= DRBD2_A_PEER_DEVICE_STOP_SECTOR,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_PEER_DEVICE_PAUSE_SYNC,
		.doit		= drbd2_nl_peer_device_pause_sync_doit,
		.policy		= drbd2_peer_device_pause_sync_nl_policy,
		.maxattr	= DRBD2_A_PEER_DEVICE_VOLUME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= DRBD2_CMD_PEER_DEVICE_RESUME_SYNC,
		.doit		= drbd2_nl_peer_device_resume_sync_doit,
		.policy		= drbd2_peer_device_resume_sync_nl_policy,
		.maxattr	= DRBD2_A_PEER_DEVICE_VOLUME,
		.flags		= GENL_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
};

static const struct genl_multicast_group drbd2_nl_mcgrps[] = {
	[DRBD2_NLGRP_EVENTS] = { "events", },
};

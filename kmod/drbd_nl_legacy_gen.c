// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	genl-v8/drbd.yaml */
/* YNL-GEN kernel source */
/* To regenerate run: tools/net/ynl/ynl-regen.sh */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "drbd_nl_legacy_gen.h"

#include <uapi/linux/drbd_legacy.h>

/* Common nested types */
const struct nla_policy drbd_detach_parms_nl_policy[DRBD_A_DETACH_PARMS_FORCE_DETACH + 1] = {
	[DRBD_A_DETACH_PARMS_FORCE_DETACH] = { .type = NLA_U8, },
};

const struct nla_policy drbd_disconnect_parms_nl_policy[DRBD_A_DISCONNECT_PARMS_FORCE_DISCONNECT + 1] = {
	[DRBD_A_DISCONNECT_PARMS_FORCE_DISCONNECT] = { .type = NLA_U8, },
};

const struct nla_policy drbd_disk_conf_nl_policy[DRBD_A_DISK_CONF_DISABLE_WRITE_SAME + 1] = {
	[DRBD_A_DISK_CONF_BACKING_DEV] = { .type = NLA_NUL_STRING, .len = 127, },
	[DRBD_A_DISK_CONF_META_DEV] = { .type = NLA_NUL_STRING, .len = 127, },
	[DRBD_A_DISK_CONF_META_DEV_IDX] = { .type = NLA_S32, },
	[DRBD_A_DISK_CONF_DISK_SIZE] = { .type = NLA_U64, },
	[DRBD_A_DISK_CONF_MAX_BIO_BVECS] = { .type = NLA_U32, },
	[DRBD_A_DISK_CONF_ON_IO_ERROR] = NLA_POLICY_MAX(NLA_U32, 2),
	[DRBD_A_DISK_CONF_FENCING] = NLA_POLICY_MAX(NLA_U32, 2),
	[DRBD_A_DISK_CONF_RESYNC_RATE] = { .type = NLA_U32, },
	[DRBD_A_DISK_CONF_RESYNC_AFTER] = { .type = NLA_S32, },
	[DRBD_A_DISK_CONF_AL_EXTENTS] = { .type = NLA_U32, },
	[DRBD_A_DISK_CONF_C_PLAN_AHEAD] = { .type = NLA_U32, },
	[DRBD_A_DISK_CONF_C_DELAY_TARGET] = { .type = NLA_U32, },
	[DRBD_A_DISK_CONF_C_FILL_TARGET] = { .type = NLA_U32, },
	[DRBD_A_DISK_CONF_C_MAX_RATE] = { .type = NLA_U32, },
	[DRBD_A_DISK_CONF_C_MIN_RATE] = { .type = NLA_U32, },
	[DRBD_A_DISK_CONF_DISK_BARRIER] = { .type = NLA_U8, },
	[DRBD_A_DISK_CONF_DISK_FLUSHES] = { .type = NLA_U8, },
	[DRBD_A_DISK_CONF_DISK_DRAIN] = { .type = NLA_U8, },
	[DRBD_A_DISK_CONF_MD_FLUSHES] = { .type = NLA_U8, },
	[DRBD_A_DISK_CONF_DISK_TIMEOUT] = { .type = NLA_U32, },
	[DRBD_A_DISK_CONF_READ_BALANCING] = NLA_POLICY_MAX(NLA_U32, 10),
	[DRBD_A_DISK_CONF_AL_UPDATES] = { .type = NLA_U8, },
	[DRBD_A_DISK_CONF_DISCARD_ZEROES_IF_ALIGNED] = { .type = NLA_U8, },
	[DRBD_A_DISK_CONF_RS_DISCARD_GRANULARITY] = { .type = NLA_U32, },
	[DRBD_A_DISK_CONF_DISABLE_WRITE_SAME] = { .type = NLA_U8, },
};

const struct nla_policy drbd_drbd_cfg_context_nl_policy[DRBD_A_DRBD_CFG_CONTEXT_CTX_PEER_ADDR + 1] = {
	[DRBD_A_DRBD_CFG_CONTEXT_CTX_VOLUME] = { .type = NLA_U32, },
	[DRBD_A_DRBD_CFG_CONTEXT_CTX_RESOURCE_NAME] = { .type = NLA_NUL_STRING, .len = 127, },
	[DRBD_A_DRBD_CFG_CONTEXT_CTX_MY_ADDR] = NLA_POLICY_MAX_LEN(128),
	[DRBD_A_DRBD_CFG_CONTEXT_CTX_PEER_ADDR] = NLA_POLICY_MAX_LEN(128),
};

const struct nla_policy drbd_net_conf_nl_policy[DRBD_A_NET_CONF_SOCK_CHECK_TIMEO + 1] = {
	[DRBD_A_NET_CONF_SHARED_SECRET] = { .type = NLA_NUL_STRING, .len = 63, },
	[DRBD_A_NET_CONF_CRAM_HMAC_ALG] = { .type = NLA_NUL_STRING, .len = 63, },
	[DRBD_A_NET_CONF_INTEGRITY_ALG] = { .type = NLA_NUL_STRING, .len = 63, },
	[DRBD_A_NET_CONF_VERIFY_ALG] = { .type = NLA_NUL_STRING, .len = 63, },
	[DRBD_A_NET_CONF_CSUMS_ALG] = { .type = NLA_NUL_STRING, .len = 63, },
	[DRBD_A_NET_CONF_WIRE_PROTOCOL] = NLA_POLICY_RANGE(NLA_U32, 1, 3),
	[DRBD_A_NET_CONF_CONNECT_INT] = { .type = NLA_U32, },
	[DRBD_A_NET_CONF_TIMEOUT] = { .type = NLA_U32, },
	[DRBD_A_NET_CONF_PING_INT] = { .type = NLA_U32, },
	[DRBD_A_NET_CONF_PING_TIMEO] = { .type = NLA_U32, },
	[DRBD_A_NET_CONF_SNDBUF_SIZE] = { .type = NLA_U32, },
	[DRBD_A_NET_CONF_RCVBUF_SIZE] = { .type = NLA_U32, },
	[DRBD_A_NET_CONF_KO_COUNT] = { .type = NLA_U32, },
	[DRBD_A_NET_CONF_MAX_BUFFERS] = { .type = NLA_U32, },
	[DRBD_A_NET_CONF_MAX_EPOCH_SIZE] = { .type = NLA_U32, },
	[DRBD_A_NET_CONF_UNPLUG_WATERMARK] = { .type = NLA_U32, },
	[DRBD_A_NET_CONF_AFTER_SB_0P] = NLA_POLICY_MAX(NLA_U32, 10),
	[DRBD_A_NET_CONF_AFTER_SB_1P] = NLA_POLICY_MAX(NLA_U32, 10),
	[DRBD_A_NET_CONF_AFTER_SB_2P] = NLA_POLICY_MAX(NLA_U32, 10),
	[DRBD_A_NET_CONF_RR_CONFLICT] = NLA_POLICY_MAX(NLA_U32, 10),
	[DRBD_A_NET_CONF_ON_CONGESTION] = NLA_POLICY_MAX(NLA_U32, 2),
	[DRBD_A_NET_CONF_CONG_FILL] = { .type = NLA_U32, },
	[DRBD_A_NET_CONF_CONG_EXTENTS] = { .type = NLA_U32, },
	[DRBD_A_NET_CONF_TWO_PRIMARIES] = { .type = NLA_U8, },
	[DRBD_A_NET_CONF_DISCARD_MY_DATA] = { .type = NLA_U8, },
	[DRBD_A_NET_CONF_TCP_CORK] = { .type = NLA_U8, },
	[DRBD_A_NET_CONF_ALWAYS_ASBP] = { .type = NLA_U8, },
	[DRBD_A_NET_CONF_TENTATIVE] = { .type = NLA_U8, },
	[DRBD_A_NET_CONF_USE_RLE] = { .type = NLA_U8, },
	[DRBD_A_NET_CONF_CSUMS_AFTER_CRASH_ONLY] = { .type = NLA_U8, },
	[DRBD_A_NET_CONF_SOCK_CHECK_TIMEO] = { .type = NLA_U32, },
};

const struct nla_policy drbd_new_c_uuid_parms_nl_policy[DRBD_A_NEW_C_UUID_PARMS_CLEAR_BM + 1] = {
	[DRBD_A_NEW_C_UUID_PARMS_CLEAR_BM] = { .type = NLA_U8, },
};

const struct nla_policy drbd_res_opts_nl_policy[DRBD_A_RES_OPTS_ON_NO_DATA + 1] = {
	[DRBD_A_RES_OPTS_CPU_MASK] = { .type = NLA_NUL_STRING, .len = 31, },
	[DRBD_A_RES_OPTS_ON_NO_DATA] = NLA_POLICY_MAX(NLA_U32, 1),
};

const struct nla_policy drbd_resize_parms_nl_policy[DRBD_A_RESIZE_PARMS_AL_STRIPE_SIZE + 1] = {
	[DRBD_A_RESIZE_PARMS_RESIZE_SIZE] = { .type = NLA_U64, },
	[DRBD_A_RESIZE_PARMS_RESIZE_FORCE] = { .type = NLA_U8, },
	[DRBD_A_RESIZE_PARMS_NO_RESYNC] = { .type = NLA_U8, },
	[DRBD_A_RESIZE_PARMS_AL_STRIPES] = { .type = NLA_U32, },
	[DRBD_A_RESIZE_PARMS_AL_STRIPE_SIZE] = { .type = NLA_U32, },
};

const struct nla_policy drbd_set_role_parms_nl_policy[DRBD_A_SET_ROLE_PARMS_ASSUME_UPTODATE + 1] = {
	[DRBD_A_SET_ROLE_PARMS_ASSUME_UPTODATE] = { .type = NLA_U8, },
};

const struct nla_policy drbd_start_ov_parms_nl_policy[DRBD_A_START_OV_PARMS_OV_STOP_SECTOR + 1] = {
	[DRBD_A_START_OV_PARMS_OV_START_SECTOR] = { .type = NLA_U64, },
	[DRBD_A_START_OV_PARMS_OV_STOP_SECTOR] = { .type = NLA_U64, },
};

/* Global operation policy for drbd */
const struct nla_policy drbd_nl_policy[DRBD_NLA_DETACH_PARMS + 1] = {
	[DRBD_NLA_CFG_CONTEXT] = NLA_POLICY_NESTED(drbd_drbd_cfg_context_nl_policy),
	[DRBD_NLA_DISK_CONF] = NLA_POLICY_NESTED(drbd_disk_conf_nl_policy),
	[DRBD_NLA_RESOURCE_OPTS] = NLA_POLICY_NESTED(drbd_res_opts_nl_policy),
	[DRBD_NLA_NET_CONF] = NLA_POLICY_NESTED(drbd_net_conf_nl_policy),
	[DRBD_NLA_SET_ROLE_PARMS] = NLA_POLICY_NESTED(drbd_set_role_parms_nl_policy),
	[DRBD_NLA_RESIZE_PARMS] = NLA_POLICY_NESTED(drbd_resize_parms_nl_policy),
	[DRBD_NLA_START_OV_PARMS] = NLA_POLICY_NESTED(drbd_start_ov_parms_nl_policy),
	[DRBD_NLA_NEW_C_UUID_PARMS] = NLA_POLICY_NESTED(drbd_new_c_uuid_parms_nl_policy),
	[DRBD_NLA_DISCONNECT_PARMS] = NLA_POLICY_NESTED(drbd_disconnect_parms_nl_policy),
	[DRBD_NLA_DETACH_PARMS] = NLA_POLICY_NESTED(drbd_detach_parms_nl_policy),
};

/* Ops table for drbd */
const struct genl_small_ops drbd_nl_ops[31] = {
	{
		.cmd		= DRBD_ADM_GET_STATUS,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_get_status_doit,
		.dumpit		= drbd_nl_get_status_dumpit,
	},
	{
		.cmd		= DRBD_ADM_NEW_MINOR,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_new_minor_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_DEL_MINOR,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_del_minor_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_NEW_RESOURCE,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_new_resource_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_DEL_RESOURCE,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_del_resource_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_RESOURCE_OPTS,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_resource_opts_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_CONNECT,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_connect_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_DISCONNECT,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_disconnect_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_ATTACH,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_attach_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_RESIZE,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_resize_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_PRIMARY,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_primary_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_SECONDARY,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_secondary_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_NEW_C_UUID,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_new_c_uuid_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_START_OV,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_start_ov_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_DETACH,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_detach_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_INVALIDATE,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_invalidate_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_INVAL_PEER,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_inval_peer_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_PAUSE_SYNC,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_pause_sync_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_RESUME_SYNC,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_resume_sync_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_SUSPEND_IO,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_suspend_io_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_RESUME_IO,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_resume_io_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_OUTDATE,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_outdate_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_GET_TIMEOUT_TYPE,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_get_timeout_type_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_DOWN,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_down_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_CHG_DISK_OPTS,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_chg_disk_opts_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_CHG_NET_OPTS,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.doit		= drbd_nl_chg_net_opts_doit,
		.flags		= GENL_ADMIN_PERM,
	},
	{
		.cmd		= DRBD_ADM_GET_RESOURCES,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.dumpit		= drbd_nl_get_resources_dumpit,
	},
	{
		.cmd		= DRBD_ADM_GET_DEVICES,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.dumpit		= drbd_nl_get_devices_dumpit,
	},
	{
		.cmd		= DRBD_ADM_GET_CONNECTIONS,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.dumpit		= drbd_nl_get_connections_dumpit,
	},
	{
		.cmd		= DRBD_ADM_GET_PEER_DEVICES,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.dumpit		= drbd_nl_get_peer_devices_dumpit,
	},
	{
		.cmd		= DRBD_ADM_GET_INITIAL_STATE,
		.validate	= GENL_DONT_VALIDATE_STRICT | GENL_DONT_VALIDATE_DUMP,
		.dumpit		= drbd_nl_get_initial_state_dumpit,
	},
};

static const struct genl_multicast_group drbd_nl_mcgrps[] = {
	[DRBD_NLGRP_EVENTS] = { "events", },
};

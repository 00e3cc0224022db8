// SPDX-License-Identifier: GPL-2.0
/*
 * Legacy drbd family: ATTACH (disk-conf nest) and DETACH, on the core's
 * drbd_device_attach() / drbd_device_detach(), with the in-tree driver's
 * ret_codes. Like in-tree, attach failures carry no info text (drbdsetup
 * prints the ret_code's text); the core logs the exact reason. Only
 * backing-dev, meta-dev, meta-dev-idx and disk-size of the disk-conf are
 * used; the other disk options are accepted and not kept yet.
 */
#include <net/genetlink.h>

#include "drbd_nl_legacy.h"

static int drbd_legacy_attach_ret_code(enum drbd_reason reason)
{
	switch (reason) {
	case DRBD_R_DISK_CONFIGURED:
		return ERR_DISK_CONFIGURED;
	case DRBD_R_OPEN_DISK:
		return ERR_OPEN_DISK;
	case DRBD_R_OPEN_MD_DISK:
		return ERR_OPEN_MD_DISK;
	case DRBD_R_MD_IDX_INVALID:
		return ERR_MD_IDX_INVALID;
	case DRBD_R_MD_IO:
		return ERR_IO_MD_DISK;
	case DRBD_R_MD_INVALID:
	case DRBD_R_MD_NODE_ID:
		return ERR_MD_INVALID;
	case DRBD_R_MD_UNCLEAN:
		return ERR_MD_UNCLEAN;
	case DRBD_R_DISK_TOO_SMALL:
		return ERR_DISK_TOO_SMALL;
	case DRBD_R_MD_DISK_TOO_SMALL:
		return ERR_MD_DISK_TOO_SMALL;
	case DRBD_R_IMPLICIT_SHRINK:
		return ERR_IMPLICIT_SHRINK;
	default:
		return drbd_legacy_reason_ret_code(reason);
	}
}

/**
 * drbd_nl_attach_doit - ATTACH: attach a backing disk to a minor
 * @skb: the request
 * @info: the request's attributes
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_attach_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[DRBD_A_DISK_CONF_MAX + 1];
	struct drbd_attach_config cfg = { };
	struct drbd_attach_result res;
	struct drbd_legacy_objs objs;
	struct drbd_legacy_req req;
	enum drbd_reason reason;
	int ret;

	ret = drbd_legacy_begin(&req, info);
	if (ret)
		return ret;
	drbd_cfg_lock();
	ret = drbd_legacy_lookup(&req, DRBD_LEGACY_NEED_MINOR, &objs);
	if (ret == NO_ERROR && objs.device->ldev)
		ret = ERR_DISK_CONFIGURED;
	drbd_cfg_unlock();
	if (ret != NO_ERROR)
		return drbd_legacy_finish(&req, ret, objs.text);

	if (!info->attrs[DRBD_NLA_DISK_CONF])
		return drbd_legacy_finish(&req, ERR_MANDATORY_TAG,
					  "required attribute missing");
	ret = drbd_legacy_parse_nest(tb, DRBD_A_DISK_CONF_MAX,
				     info->attrs[DRBD_NLA_DISK_CONF],
				     drbd_disk_conf_nl_policy);
	if (ret)
		return drbd_legacy_finish(&req, ERR_MANDATORY_TAG,
					  ret == -EOPNOTSUPP ?
					  "unknown mandatory attribute" :
					  "invalid attribute value");
	if (!tb[DRBD_A_DISK_CONF_BACKING_DEV] || !tb[DRBD_A_DISK_CONF_META_DEV] ||
	    !tb[DRBD_A_DISK_CONF_META_DEV_IDX])
		return drbd_legacy_finish(&req, ERR_MANDATORY_TAG,
					  "required attribute missing");
	cfg.backing_dev = nla_data(tb[DRBD_A_DISK_CONF_BACKING_DEV]);
	cfg.meta_dev = nla_data(tb[DRBD_A_DISK_CONF_META_DEV]);
	cfg.meta_idx = nla_get_s32(tb[DRBD_A_DISK_CONF_META_DEV_IDX]);
	if (tb[DRBD_A_DISK_CONF_DISK_SIZE])
		cfg.disk_size = nla_get_u64(tb[DRBD_A_DISK_CONF_DISK_SIZE]);
	if (cfg.meta_idx < DRBD_MD_IDX_FLEX_INTERNAL)
		return drbd_legacy_finish(&req, ERR_MD_IDX_INVALID, NULL);

	reason = drbd_device_attach(req.minor, &cfg, &res);
	return drbd_legacy_finish(&req, drbd_legacy_attach_ret_code(reason),
				  NULL);
}

/**
 * drbd_nl_detach_doit - DETACH: detach the backing disk of a minor
 * @skb: the request
 * @info: the request's attributes
 *
 * A diskless minor answers SS_NOTHING_TO_DO, a detached one SS_SUCCESS
 * (state-change codes, as in-tree). force-detach makes no difference: the
 * detach never waits for a peer.
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_detach_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[DRBD_A_DETACH_PARMS_MAX + 1];
	struct drbd_attach_result res;
	struct drbd_legacy_objs objs;
	struct drbd_legacy_req req;
	enum drbd_reason reason;
	int ret;

	ret = drbd_legacy_begin(&req, info);
	if (ret)
		return ret;
	drbd_cfg_lock();
	ret = drbd_legacy_lookup(&req, DRBD_LEGACY_NEED_MINOR, &objs);
	drbd_cfg_unlock();
	if (ret != NO_ERROR)
		return drbd_legacy_finish(&req, ret, objs.text);
	if (info->attrs[DRBD_NLA_DETACH_PARMS]) {
		ret = drbd_legacy_parse_nest(tb, DRBD_A_DETACH_PARMS_MAX,
					     info->attrs[DRBD_NLA_DETACH_PARMS],
					     drbd_detach_parms_nl_policy);
		if (ret)
			return drbd_legacy_finish(&req, ERR_MANDATORY_TAG,
						  ret == -EOPNOTSUPP ?
						  "unknown mandatory attribute" :
						  "invalid attribute value");
	}
	reason = drbd_device_detach(req.minor, &res);
	if (reason == DRBD_R_NO_DISK)
		return drbd_legacy_finish(&req, SS_NOTHING_TO_DO, NULL);
	if (reason)
		return drbd_legacy_finish(&req, drbd_legacy_reason_ret_code(reason),
					  NULL);
	return drbd_legacy_finish(&req, SS_SUCCESS, NULL);
}

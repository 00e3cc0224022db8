// SPDX-License-Identifier: GPL-2.0
/*
 * Legacy drbd family: ATTACH (disk-conf nest), CHG_DISK_OPTS, RESIZE and
 * DETACH, on the core's drbd_device_attach(), drbd_device_set_disk_options(),
 * drbd_device_resize_locked() and drbd_device_detach(), with the in-tree
 * driver's ret_codes. Like in-tree,
 * attach failures carry no info text (drbdsetup prints the ret_code's
 * text); the core logs the exact reason. Every disk option is kept (the
 * core's struct drbd_disk_options) and returned in the disk-conf.
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
	case DRBD_R_RESYNC_AFTER:
		return ERR_RESYNC_AFTER;
	case DRBD_R_RESYNC_AFTER_CYCLE:
		return ERR_RESYNC_AFTER_CYCLE;
	case DRBD_R_NO_DISK:
		return ERR_NO_DISK;
	default:
		return drbd_legacy_reason_ret_code(reason);
	}
}

/* the disk-conf fields 8.4 refuses to change (DRBD_F_INVARIANT) */
static const int drbd_legacy_disk_invariants[] = {
	DRBD_A_DISK_CONF_BACKING_DEV, DRBD_A_DISK_CONF_META_DEV,
	DRBD_A_DISK_CONF_META_DEV_IDX, DRBD_A_DISK_CONF_DISK_SIZE,
	DRBD_A_DISK_CONF_MAX_BIO_BVECS,
};

/* the disk options of a disk-conf over @o */
static void drbd_legacy_disk_opts_from(struct nlattr **tb,
				       struct drbd_disk_options *o)
{
	static const struct { u16 type; size_t off; } u32s[] = {
		{ DRBD_A_DISK_CONF_MAX_BIO_BVECS,
		  offsetof(struct drbd_disk_options, max_bio_bvecs) },
		{ DRBD_A_DISK_CONF_ON_IO_ERROR,
		  offsetof(struct drbd_disk_options, on_io_error) },
		{ DRBD_A_DISK_CONF_FENCING,
		  offsetof(struct drbd_disk_options, fencing) },
		{ DRBD_A_DISK_CONF_RESYNC_RATE,
		  offsetof(struct drbd_disk_options, resync_rate) },
		{ DRBD_A_DISK_CONF_RESYNC_AFTER,
		  offsetof(struct drbd_disk_options, resync_after) },
		{ DRBD_A_DISK_CONF_AL_EXTENTS,
		  offsetof(struct drbd_disk_options, al_extents) },
		{ DRBD_A_DISK_CONF_C_PLAN_AHEAD,
		  offsetof(struct drbd_disk_options, c_plan_ahead) },
		{ DRBD_A_DISK_CONF_C_DELAY_TARGET,
		  offsetof(struct drbd_disk_options, c_delay_target) },
		{ DRBD_A_DISK_CONF_C_FILL_TARGET,
		  offsetof(struct drbd_disk_options, c_fill_target) },
		{ DRBD_A_DISK_CONF_C_MAX_RATE,
		  offsetof(struct drbd_disk_options, c_max_rate) },
		{ DRBD_A_DISK_CONF_C_MIN_RATE,
		  offsetof(struct drbd_disk_options, c_min_rate) },
		{ DRBD_A_DISK_CONF_DISK_TIMEOUT,
		  offsetof(struct drbd_disk_options, disk_timeout) },
		{ DRBD_A_DISK_CONF_READ_BALANCING,
		  offsetof(struct drbd_disk_options, read_balancing) },
		{ DRBD_A_DISK_CONF_RS_DISCARD_GRANULARITY,
		  offsetof(struct drbd_disk_options, rs_discard_granularity) },
	};
	static const struct { u16 type; size_t off; } flags[] = {
		{ DRBD_A_DISK_CONF_DISK_BARRIER,
		  offsetof(struct drbd_disk_options, disk_barrier) },
		{ DRBD_A_DISK_CONF_DISK_FLUSHES,
		  offsetof(struct drbd_disk_options, disk_flushes) },
		{ DRBD_A_DISK_CONF_DISK_DRAIN,
		  offsetof(struct drbd_disk_options, disk_drain) },
		{ DRBD_A_DISK_CONF_MD_FLUSHES,
		  offsetof(struct drbd_disk_options, md_flushes) },
		{ DRBD_A_DISK_CONF_AL_UPDATES,
		  offsetof(struct drbd_disk_options, al_updates) },
		{ DRBD_A_DISK_CONF_DISCARD_ZEROES_IF_ALIGNED,
		  offsetof(struct drbd_disk_options, discard_zeroes_if_aligned) },
		{ DRBD_A_DISK_CONF_DISABLE_WRITE_SAME,
		  offsetof(struct drbd_disk_options, disable_write_same) },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(u32s); i++)
		if (tb[u32s[i].type])
			*(u32 *)((char *)o + u32s[i].off) =
				nla_get_u32(tb[u32s[i].type]);
	for (i = 0; i < ARRAY_SIZE(flags); i++)
		if (tb[flags[i].type])
			*(bool *)((char *)o + flags[i].off) =
				!!nla_get_u8(tb[flags[i].type]);
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
	struct drbd_disk_options opts;
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
	drbd_disk_options_defaults(&opts);
	drbd_legacy_disk_opts_from(tb, &opts);
	cfg.options = &opts;
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
 * A diskless minor answers SS_NOTHING_TO_DO, a detached one SS_SUCCESS, a
 * Primary SS_NO_UP_TO_DATE_DISK unless force-detach is set (state-change
 * codes, as in-tree; the detach never waits for a peer).
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_detach_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[DRBD_A_DETACH_PARMS_MAX + 1] = { };
	struct drbd_attach_result res;
	struct drbd_legacy_objs objs;
	struct drbd_legacy_req req;
	enum drbd_reason reason;
	bool force = false;
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
	if (tb[DRBD_A_DETACH_PARMS_FORCE_DETACH])
		force = nla_get_u8(tb[DRBD_A_DETACH_PARMS_FORCE_DETACH]);
	reason = drbd_device_detach(req.minor, force, &res);
	if (reason == DRBD_R_NO_DISK)
		return drbd_legacy_finish(&req, SS_NOTHING_TO_DO, NULL);
	if (reason == DRBD_R_NO_UP_TO_DATE)
		return drbd_legacy_finish(&req, SS_NO_UP_TO_DATE_DISK, NULL);
	if (reason)
		return drbd_legacy_finish(&req, drbd_legacy_reason_ret_code(reason),
					  NULL);
	return drbd_legacy_finish(&req, SS_SUCCESS, NULL);
}

/**
 * drbd_nl_chg_disk_opts_doit - CHG_DISK_OPTS: change the disk options
 * @skb: the request
 * @info: the request's attributes (disk-conf without the invariant fields)
 *
 * Fields not in the request keep their value, or get their default with
 * the set-defaults flag.
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_chg_disk_opts_doit(struct sk_buff *skb, struct genl_info *info)
{
	const struct nlattr *nest = info->attrs[DRBD_NLA_DISK_CONF];
	struct nlattr *tb[DRBD_A_DISK_CONF_MAX + 1] = { };
	struct drbd_disk_options opts;
	struct drbd_legacy_objs objs;
	struct drbd_legacy_req req;
	unsigned int i;
	int ret;

	ret = drbd_legacy_begin(&req, info);
	if (ret)
		return ret;
	drbd_cfg_lock();
	ret = drbd_legacy_lookup(&req, DRBD_LEGACY_NEED_MINOR, &objs);
	if (ret != NO_ERROR)
		goto out;
	if (!objs.device->ldev) {
		ret = ERR_NO_DISK;
		goto out;
	}
	if (nest) {
		ret = drbd_legacy_parse_nest(tb, DRBD_A_DISK_CONF_MAX, nest,
					     drbd_disk_conf_nl_policy);
		if (ret) {
			objs.text = ret == -EOPNOTSUPP ?
				    "unknown mandatory attribute" :
				    "invalid attribute value";
			ret = ERR_MANDATORY_TAG;
			goto out;
		}
		for (i = 0; i < ARRAY_SIZE(drbd_legacy_disk_invariants); i++) {
			if (tb[drbd_legacy_disk_invariants[i]]) {
				objs.text = "can not change invariant setting";
				ret = ERR_MANDATORY_TAG;
				goto out;
			}
		}
	}
	opts = objs.device->ldev->options;
	if (req.flags & DRBD_GENL_F_SET_DEFAULTS) {
		u32 bvecs = opts.max_bio_bvecs;

		drbd_disk_options_defaults(&opts);
		opts.max_bio_bvecs = bvecs;
	}
	drbd_legacy_disk_opts_from(tb, &opts);
	ret = drbd_legacy_attach_ret_code(drbd_device_set_disk_options(objs.device,
									&opts));
out:
	drbd_cfg_unlock();
	return drbd_legacy_finish(&req, ret, objs.text);
}

static int drbd_legacy_resize_ret_code(enum drbd_reason reason)
{
	switch (reason) {
	case DRBD_R_NEED_PEER:
		return ERR_NEED_APV_93;
	case DRBD_R_AL_TOO_BIG:
		return ERR_MD_LAYOUT_TOO_BIG;
	case DRBD_R_AL_TOO_SMALL:
		return ERR_MD_LAYOUT_TOO_SMALL;
	case DRBD_R_AL_NEEDS_PEER:
		return ERR_MD_LAYOUT_CONNECTED;
	case DRBD_R_MD_LAYOUT_NO_FIT:
		return ERR_MD_LAYOUT_NO_FIT;
	default:
		return drbd_legacy_attach_ret_code(reason);
	}
}

/**
 * drbd_nl_resize_doit - RESIZE: change the size of an attached minor
 * @skb: the request
 * @info: the request's attributes (resize-parms)
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_resize_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[DRBD_A_RESIZE_PARMS_MAX + 1];
	struct drbd_resize_config cfg = { };
	struct drbd_legacy_objs objs;
	struct drbd_legacy_req req;
	struct drbd_backing_dev *ldev;
	enum drbd_reason reason;
	int ret;

	ret = drbd_legacy_begin(&req, info);
	if (ret)
		return ret;
	drbd_cfg_lock();
	ret = drbd_legacy_lookup(&req, DRBD_LEGACY_NEED_MINOR, &objs);
	if (ret != NO_ERROR)
		goto out;
	ldev = objs.device->ldev;
	if (!ldev) {
		ret = ERR_NO_DISK;
		goto out;
	}
	ret = drbd_legacy_parse_parms(&req, DRBD_NLA_RESIZE_PARMS, tb,
				      DRBD_A_RESIZE_PARMS_MAX,
				      drbd_resize_parms_nl_policy, &objs.text);
	if (ret != NO_ERROR)
		goto out;
	cfg.al_stripes = ldev->md.al_stripes;
	cfg.al_stripe_size_kb = ldev->md.al_stripe_size_4k * 4;
	if (tb[DRBD_A_RESIZE_PARMS_RESIZE_SIZE])
		cfg.size = nla_get_u64(tb[DRBD_A_RESIZE_PARMS_RESIZE_SIZE]);
	if (tb[DRBD_A_RESIZE_PARMS_RESIZE_FORCE])
		cfg.force = nla_get_u8(tb[DRBD_A_RESIZE_PARMS_RESIZE_FORCE]);
	if (tb[DRBD_A_RESIZE_PARMS_NO_RESYNC])
		cfg.no_resync = nla_get_u8(tb[DRBD_A_RESIZE_PARMS_NO_RESYNC]);
	if (tb[DRBD_A_RESIZE_PARMS_AL_STRIPES])
		cfg.al_stripes = nla_get_u32(tb[DRBD_A_RESIZE_PARMS_AL_STRIPES]);
	if (tb[DRBD_A_RESIZE_PARMS_AL_STRIPE_SIZE])
		cfg.al_stripe_size_kb = nla_get_u32(tb[DRBD_A_RESIZE_PARMS_AL_STRIPE_SIZE]);
	reason = drbd_device_resize_locked(objs.device, &cfg);
	ret = drbd_legacy_resize_ret_code(reason);
	if (reason == DRBD_R_NOT_SUPPORTED)
		objs.text = drbd_reason_text(reason);
out:
	drbd_cfg_unlock();
	return drbd_legacy_finish(&req, ret, objs.text);
}

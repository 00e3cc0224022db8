// SPDX-License-Identifier: GPL-2.0
/*
 * Legacy drbd family: new-minor, del-minor.
 */
#include <net/genetlink.h>

#include "drbd_nl_legacy.h"

/* the volume numbers 8.4 accepts (DRBD_VOLUME_MAX of its drbd_limits.h) */
#define DRBD_LEGACY_VOLUME_MAX	65535U

/*
 * The checks of new-minor before anything is created: a ret_code, and in
 * @create whether the device is still to be created.
 */
static int drbd_legacy_new_minor_check(struct drbd_legacy_req *req,
				       const char **text, bool *create)
{
	struct drbd_legacy_objs objs;
	int ret;

	*create = false;
	drbd_cfg_lock();
	ret = drbd_legacy_lookup(req, DRBD_LEGACY_NEED_RESOURCE, &objs);
	drbd_cfg_unlock();
	*text = objs.text;
	if (ret != NO_ERROR)
		return ret;
	if (req->minor > MINORMASK) {
		*text = "requested minor out of range";
		return ERR_INVALID_REQUEST;
	}
	if (req->volume > DRBD_LEGACY_VOLUME_MAX) {
		*text = "requested volume id out of range";
		return ERR_INVALID_REQUEST;
	}
	if (objs.device)	/* the same minor as the same volume */
		return (req->info->nlhdr->nlmsg_flags & NLM_F_EXCL) ?
		       ERR_MINOR_OR_VOLUME_EXISTS : NO_ERROR;
	*create = true;
	return NO_ERROR;
}

/**
 * drbd_nl_new_minor_doit - NEW_MINOR: create a device (idempotent)
 * @skb: the request
 * @info: the request's attributes
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_new_minor_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct drbd_legacy_req req;
	enum drbd_reason reason;
	const char *text = NULL;
	bool create;
	int ret;

	ret = drbd_legacy_begin(&req, info);
	if (ret)
		return ret;
	ret = drbd_legacy_new_minor_check(&req, &text, &create);
	if (!create)
		return drbd_legacy_finish(&req, ret, text);

	reason = drbd_device_create(req.resource_name, req.volume, req.minor,
				    NULL);
	if (reason == DRBD_R_RES_UNKNOWN)
		text = "unknown resource";
	return drbd_legacy_finish(&req, drbd_legacy_reason_ret_code(reason),
				  text);
}

/**
 * drbd_nl_del_minor_doit - DEL_MINOR: delete a device
 * @skb: the request
 * @info: the request's attributes
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_del_minor_doit(struct sk_buff *skb, struct genl_info *info)
{
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

	reason = drbd_device_delete(req.minor);
	if (reason == DRBD_R_MINOR_UNKNOWN)
		objs.text = "unknown minor";
	return drbd_legacy_finish(&req, drbd_legacy_reason_ret_code(reason),
				  objs.text);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Legacy drbd family: GET_STATUS, do (one minor) and dump (every minor,
 * optionally of one resource; a resource without volumes appears as one
 * entry with minor ~0 and only its cfg-context), and GET_TIMEOUT_TYPE.
 */
#include <net/genetlink.h>

#include "drbd_nl_legacy.h"

/**
 * drbd_nl_get_status_doit - GET_STATUS do: the state of one minor
 * @skb: the request
 * @info: the request's attributes
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_get_status_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct drbd_legacy_objs objs;
	struct drbd_legacy_req req;
	int ret;

	ret = drbd_legacy_begin(&req, info);
	if (ret)
		return ret;
	drbd_cfg_lock();
	ret = drbd_legacy_lookup(&req, DRBD_LEGACY_NEED_MINOR, &objs);
	if (ret == NO_ERROR &&
	    drbd_legacy_put_status(req.reply, objs.device, SIB_GET_STATUS_REPLY,
				   NULL)) {
		ret = ERR_NOMEM;
		objs.text = "reply too large";
	}
	drbd_cfg_unlock();
	return drbd_legacy_finish(&req, ret, objs.text);
}

static int drbd_legacy_put_timeout_parms(struct sk_buff *skb, u32 type)
{
	struct nlattr *nest;

	nest = nla_nest_start(skb, DRBD_NLA_TIMEOUT_PARMS);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(skb, DRBD_A_TIMEOUT_PARMS_TIMEOUT_TYPE, type)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * drbd_nl_get_timeout_type_doit - GET_TIMEOUT_TYPE: which wait timeout applies
 * @skb: the request
 * @info: the request's attributes
 *
 * Without a disk and a peer there is neither a degraded nor an outdated
 * peer: always the default timeout (UT_DEFAULT).
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_get_timeout_type_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct drbd_legacy_objs objs;
	struct drbd_legacy_req req;
	int ret;

	ret = drbd_legacy_begin(&req, info);
	if (ret)
		return ret;
	drbd_cfg_lock();
	ret = drbd_legacy_lookup(&req, DRBD_LEGACY_NEED_MINOR, &objs);
	drbd_cfg_unlock();
	if (ret == NO_ERROR &&
	    drbd_legacy_put_timeout_parms(req.reply, UT_DEFAULT)) {
		ret = ERR_NOMEM;
		objs.text = "reply too large";
	}
	return drbd_legacy_finish(&req, ret, objs.text);
}

static void *drbd_legacy_status_hdr(struct sk_buff *skb,
				    struct netlink_callback *cb, u32 minor)
{
	struct drbd_genlmsghdr *dh;

	dh = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			 &drbd_legacy_family, NLM_F_MULTI, DRBD_ADM_GET_STATUS);
	if (!dh)
		return NULL;
	dh->minor = minor;
	dh->ret_code = NO_ERROR;
	genl_dump_check_consistent(cb, dh);
	return dh;
}

static int drbd_legacy_status_device(struct sk_buff *skb,
				     struct netlink_callback *cb,
				     const struct drbd_device *device)
{
	void *dh = drbd_legacy_status_hdr(skb, cb, device->minor);

	if (!dh)
		return -EMSGSIZE;
	if (drbd_legacy_put_status(skb, device, SIB_GET_STATUS_REPLY, NULL)) {
		genlmsg_cancel(skb, dh);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, dh);
	return 0;
}

/* the entry of a resource without volumes */
static int drbd_legacy_status_no_volumes(struct sk_buff *skb,
					 struct netlink_callback *cb,
					 const struct drbd_resource *resource)
{
	void *dh = drbd_legacy_status_hdr(skb, cb, DRBD_LEGACY_NO_MINOR);

	if (!dh)
		return -EMSGSIZE;
	if (drbd_legacy_put_context(skb, resource, NULL)) {
		genlmsg_cancel(skb, dh);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, dh);
	return 0;
}

/* the entries of one resource from volume *@vol_pos on */
static int drbd_legacy_status_resource(struct sk_buff *skb,
				       struct netlink_callback *cb,
				       struct drbd_resource *resource,
				       unsigned long *vol_pos)
{
	struct drbd_device *device;
	unsigned long vnr;
	int err;

	if (xa_empty(&resource->volumes))
		return drbd_legacy_status_no_volumes(skb, cb, resource);
	xa_for_each_start(&resource->volumes, vnr, device, *vol_pos) {
		err = drbd_legacy_status_device(skb, cb, device);
		if (err)
			return err;
		*vol_pos = vnr + 1;
	}
	return 0;
}

/**
 * drbd_nl_get_status_dumpit - GET_STATUS dump
 * @skb: the buffer for this part of the dump
 * @cb: the dump's state; the cursor lives in cb->ctx
 *
 * Return: the length of this part, 0 when done, or a negative errno
 *         (-ENODEV for an unknown or empty resource name, -EINVAL for a
 *         cfg-context without one, as the in-tree driver).
 */
int drbd_nl_get_status_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct drbd_legacy_dump_ctx *ctx = drbd_legacy_dump_ctx(cb);
	struct drbd_resource *resource;
	unsigned long pos;
	int err = 0;

	drbd_cfg_lock();
	cb->seq = drbd_cfg_generation();
	if (!ctx->started) {
		err = drbd_legacy_dump_filter(cb, &resource);
		if (err)
			goto out;
		ctx->started = true;
		if (resource) {
			ctx->filtered = true;
			ctx->filter_id = resource->id;
			ctx->pos = resource->id;
		}
	}
	for (pos = ctx->pos; (resource = drbd_resource_next(&pos)); ) {
		if (ctx->filtered && resource->id != ctx->filter_id)
			break;
		err = drbd_legacy_status_resource(skb, cb, resource,
						  &ctx->sub_pos);
		if (err)
			break;
		ctx->pos = pos;
		ctx->sub_pos = 0;
	}
out:
	drbd_cfg_unlock();
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ?: skb->len;
}

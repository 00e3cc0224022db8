// SPDX-License-Identifier: GPL-2.0
/*
 * drbd2 family: device-get (do and dump), device-new, device-del.
 */
#include <linux/string.h>
#include <net/genetlink.h>
#include <net/netlink.h>

#include "drbd2.h"

static_assert(DRBD2_MINOR_MAX == DRBD_MINOR_MAX);
static_assert(DRBD2_VOLUME_MAX == DRBD_VOLUME_MAX);

/**
 * drbd2_device_put - put a device's attributes into a message
 * @msg: the message
 * @device: the device
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd2_device_put(struct sk_buff *msg, const struct drbd_device *device)
{
	if (nla_put_u32(msg, DRBD2_A_DEVICE_MINOR, device->minor) ||
	    nla_put_u32(msg, DRBD2_A_DEVICE_VOLUME, device->volume) ||
	    nla_put_string(msg, DRBD2_A_DEVICE_RESOURCE, device->resource->name))
		return -EMSGSIZE;
	return 0;
}

/* the request attribute a failure of a device operation is about */
static const struct nlattr *drbd2_device_bad_attr(struct genl_info *info,
						  enum drbd_reason reason)
{
	switch (reason) {
	case DRBD_R_RES_UNKNOWN:
		return info->attrs[DRBD2_A_DEVICE_RESOURCE];
	case DRBD_R_VOLUME_INVALID:
	case DRBD_R_VOLUME_EXISTS:
		return info->attrs[DRBD2_A_DEVICE_VOLUME];
	case DRBD_R_MINOR_INVALID:
	case DRBD_R_MINOR_EXISTS:
	case DRBD_R_MINOR_UNKNOWN:
	case DRBD_R_DEVICE_OPEN:
		return info->attrs[DRBD2_A_DEVICE_MINOR];
	default:
		return NULL;
	}
}

/**
 * drbd2_nl_device_get_doit - DEVICE_GET do: one device by minor
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_device_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct drbd_event obj = { };
	int err;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_DEVICE_MINOR))
		return -EINVAL;

	drbd_cfg_lock();
	obj.device = drbd_device_lookup(nla_get_u32(info->attrs[DRBD2_A_DEVICE_MINOR]));
	if (obj.device) {
		obj.resource = obj.device->resource;
		err = drbd2_reply(info, &obj, false);
	} else {
		err = drbd2_report(info->extack, DRBD_R_MINOR_UNKNOWN,
				   info->attrs[DRBD2_A_DEVICE_MINOR]);
	}
	drbd_cfg_unlock();
	return err;
}

/**
 * drbd2_nl_device_get_dumpit - DEVICE_GET dump: all devices, or one resource's
 * @skb: the buffer for this part of the dump
 * @cb: the dump's state; the cursor lives in cb->ctx
 *
 * Return: the length of this part, 0 when done, or a negative errno.
 */
int drbd2_nl_device_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	const struct nlattr *filter = drbd_genl_dump_attrs(cb)[DRBD2_A_DEVICE_RESOURCE];
	struct drbd2_dump_ctx *ctx = drbd2_dump_ctx(cb);
	struct drbd_event obj = { };
	unsigned long pos;
	int err = 0;

	drbd_cfg_lock();
	cb->seq = drbd_cfg_generation();
	for (pos = ctx->pos; (obj.device = drbd_device_next(&pos)); ctx->pos = pos) {
		obj.resource = obj.device->resource;
		if (filter && strcmp(obj.resource->name, nla_data(filter)))
			continue;
		err = drbd2_dump_one(skb, cb, &obj);
		if (err)
			break;
	}
	drbd_cfg_unlock();

	/* a full buffer ends this part of the dump; the cursor says where */
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ?: skb->len;
}

/**
 * drbd2_nl_device_new_doit - DEVICE_NEW: create a device and /dev/drbd<minor>
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Replies with the new device's minor, volume and resource.
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_device_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct drbd_event obj = { };
	enum drbd_reason reason;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_DEVICE_RESOURCE) ||
	    GENL_REQ_ATTR_CHECK(info, DRBD2_A_DEVICE_VOLUME) ||
	    GENL_REQ_ATTR_CHECK(info, DRBD2_A_DEVICE_MINOR))
		return -EINVAL;

	reason = drbd_device_create(nla_data(info->attrs[DRBD2_A_DEVICE_RESOURCE]),
				    nla_get_u32(info->attrs[DRBD2_A_DEVICE_VOLUME]),
				    nla_get_u32(info->attrs[DRBD2_A_DEVICE_MINOR]),
				    &obj.device);
	if (reason)
		return drbd2_report(info->extack, reason,
				    drbd2_device_bad_attr(info, reason));
	obj.resource = obj.device->resource;
	err = drbd2_reply(info, &obj, true);
	drbd_device_put(obj.device);
	return err;
}

/**
 * drbd2_nl_device_del_doit - DEVICE_DEL: delete a device and its block device
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_device_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	enum drbd_reason reason;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_DEVICE_MINOR))
		return -EINVAL;
	reason = drbd_device_delete(nla_get_u32(info->attrs[DRBD2_A_DEVICE_MINOR]));
	if (reason)
		return drbd2_report(info->extack, reason,
				    drbd2_device_bad_attr(info, reason));
	return 0;
}

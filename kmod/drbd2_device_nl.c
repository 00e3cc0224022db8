// SPDX-License-Identifier: GPL-2.0
/*
 * drbd2 family: device-get (do and dump), device-new, device-del,
 * device-attach, device-detach, device-outdate, device-new-current-uuid,
 * device-resize, device-invalidate.
 */
#include <linux/string.h>
#include <net/genetlink.h>
#include <net/netlink.h>

#include "drbd2.h"

static_assert(DRBD2_MINOR_MAX == DRBD_MINOR_MAX);
static_assert(DRBD2_VOLUME_MAX == DRBD_VOLUME_MAX);
static_assert(DRBD2_META_IDX_MAX == DRBD_MD_IDX_MAX);
static_assert((int)DRBD2_DISK_STATE_DISKLESS == (int)DRBD_DISK_DISKLESS);
static_assert((int)DRBD2_DISK_STATE_INCONSISTENT == (int)DRBD_DISK_INCONSISTENT);
static_assert((int)DRBD2_DISK_STATE_OUTDATED == (int)DRBD_DISK_OUTDATED);
static_assert((int)DRBD2_DISK_STATE_CONSISTENT == (int)DRBD_DISK_CONSISTENT);
static_assert((int)DRBD2_DISK_STATE_UP_TO_DATE == (int)DRBD_DISK_UP_TO_DATE);

/* the backing disk's attributes of an attached device */
static int drbd2_ldev_put(struct sk_buff *msg,
			  const struct drbd_backing_dev *ldev)
{
	const struct drbd_md *md = &ldev->md;
	const u64 *hist = md->version == 8 ? md->v08_uuid : md->history_uuids;
	int n = md->version == 8 ? 3 : DRBD_MD_HISTORY_MAX;
	int i;

	if (nla_put_string(msg, DRBD2_A_DEVICE_BACKING_DEV, ldev->backing_path) ||
	    nla_put_string(msg, DRBD2_A_DEVICE_META_DEV, ldev->meta_path) ||
	    nla_put_s32(msg, DRBD2_A_DEVICE_META_IDX, ldev->meta_idx) ||
	    nla_put_u32(msg, DRBD2_A_DEVICE_MD_VERSION, md->version) ||
	    nla_put_u64_64bit(msg, DRBD2_A_DEVICE_CURRENT_UUID,
			      md->current_uuid, DRBD2_A_DEVICE_PAD))
		return -EMSGSIZE;
	for (i = 0; i < n; i++)
		if (nla_put_u64_64bit(msg, DRBD2_A_DEVICE_HISTORY_UUID, hist[i],
				      DRBD2_A_DEVICE_PAD))
			return -EMSGSIZE;
	if (nla_put_u32(msg, DRBD2_A_DEVICE_MD_FLAGS, md->flags) ||
	    drbd2_disk_options_put(msg, DRBD2_A_DEVICE_DISK_OPTIONS,
				   &ldev->options, ldev->disk_size))
		return -EMSGSIZE;
	return 0;
}

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
	    nla_put_string(msg, DRBD2_A_DEVICE_RESOURCE, device->resource->name) ||
	    nla_put_u32(msg, DRBD2_A_DEVICE_DISK_STATE, device->disk_state) ||
	    nla_put_u64_64bit(msg, DRBD2_A_DEVICE_SIZE,
			      device->disk ? get_capacity(device->disk) : 0,
			      DRBD2_A_DEVICE_PAD) ||
	    nla_put_u32(msg, DRBD2_A_DEVICE_PEER_OUTDATED, device->peer_outdated))
		return -EMSGSIZE;
	if (device->ldev)
		return drbd2_ldev_put(msg, device->ldev);
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
	case DRBD_R_DISK_CONFIGURED:
	case DRBD_R_NO_DISK:
		return info->attrs[DRBD2_A_DEVICE_MINOR];
	case DRBD_R_OPEN_DISK:
	case DRBD_R_DISK_TOO_SMALL:
	case DRBD_R_IMPLICIT_SHRINK:
		return info->attrs[DRBD2_A_DEVICE_BACKING_DEV];
	case DRBD_R_OPEN_MD_DISK:
	case DRBD_R_MD_DISK_TOO_SMALL:
	case DRBD_R_MD_IO:
	case DRBD_R_MD_INVALID:
	case DRBD_R_MD_UNCLEAN:
	case DRBD_R_MD_NODE_ID:
		return info->attrs[DRBD2_A_DEVICE_META_DEV] ?:
		       info->attrs[DRBD2_A_DEVICE_BACKING_DEV];
	case DRBD_R_MD_IDX_INVALID:
		return info->attrs[DRBD2_A_DEVICE_META_IDX];
	case DRBD_R_CONNECTION_UNKNOWN:
	case DRBD_R_NOT_CONNECTED:
		return info->attrs[DRBD2_A_DEVICE_SYNC_FROM_PEER_NODE_ID];
	case DRBD_R_NEED_PEER:
		return info->attrs[DRBD2_A_DEVICE_RESET_BITMAP];
	case DRBD_R_NO_UP_TO_DATE:
	case DRBD_R_LOWER_THAN_OUTDATED:
	case DRBD_R_PRIMARY:
	case DRBD_R_NOT_SUPPORTED:
		return info->attrs[DRBD2_A_DEVICE_MINOR];
	case DRBD_R_MD_LAYOUT_NO_FIT:
		return info->attrs[DRBD2_A_DEVICE_SIZE];
	case DRBD_R_RESYNC_AFTER:
	case DRBD_R_RESYNC_AFTER_CYCLE:
		return info->attrs[DRBD2_A_DEVICE_DISK_OPTIONS];
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

/**
 * drbd2_nl_device_attach_doit - DEVICE_ATTACH: attach a backing disk
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Replies with the device. A failure's extack message says exactly what
 * was wrong (which check of the meta data failed, ...).
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_device_attach_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct drbd_attach_config cfg = { .meta_idx = DRBD_MD_IDX_INTERNAL };
	struct nlattr *tb[DRBD2_A_DISK_OPTIONS_MAX + 1];
	struct drbd_disk_options opts;
	struct nlattr **attrs = info->attrs;
	struct drbd_attach_result res;
	struct drbd_event obj = { };
	enum drbd_reason reason;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_DEVICE_MINOR) ||
	    GENL_REQ_ATTR_CHECK(info, DRBD2_A_DEVICE_BACKING_DEV))
		return -EINVAL;
	cfg.backing_dev = nla_data(attrs[DRBD2_A_DEVICE_BACKING_DEV]);
	if (!*cfg.backing_dev) {
		NL_SET_ERR_MSG_ATTR(info->extack, attrs[DRBD2_A_DEVICE_BACKING_DEV],
				    "empty backing device path");
		return -EINVAL;
	}
	if (attrs[DRBD2_A_DEVICE_META_DEV])
		cfg.meta_dev = nla_data(attrs[DRBD2_A_DEVICE_META_DEV]);
	if (attrs[DRBD2_A_DEVICE_META_IDX])
		cfg.meta_idx = nla_get_s32(attrs[DRBD2_A_DEVICE_META_IDX]);
	if (cfg.meta_idx < DRBD_MD_IDX_FLEX_INTERNAL) {
		NL_SET_ERR_MSG_ATTR(info->extack, attrs[DRBD2_A_DEVICE_META_IDX],
				    "meta-idx below -3 (flex-internal)");
		return -EINVAL;
	}
	drbd_disk_options_defaults(&opts);
	err = drbd2_disk_options_parse(attrs[DRBD2_A_DEVICE_DISK_OPTIONS], &opts,
				       &cfg.disk_size, tb, info->extack);
	if (err)
		return err;
	cfg.options = &opts;

	reason = drbd_device_attach(nla_get_u32(attrs[DRBD2_A_DEVICE_MINOR]),
				    &cfg, &res);
	if (reason) {
		err = drbd2_report(info->extack, reason,
				   tb[DRBD2_A_DISK_OPTIONS_RESYNC_AFTER] &&
				   (reason == DRBD_R_RESYNC_AFTER ||
				    reason == DRBD_R_RESYNC_AFTER_CYCLE) ?
				   tb[DRBD2_A_DISK_OPTIONS_RESYNC_AFTER] :
				   drbd2_device_bad_attr(info, reason));
		if (res.text)
			drbd_extack_set_msg(info->extack, res.text);
		/* a failed open: its own errno (ENOENT, EBUSY, ...) */
		return res.err ?: err;
	}

	drbd_cfg_lock();
	obj.device = drbd_device_lookup(nla_get_u32(attrs[DRBD2_A_DEVICE_MINOR]));
	if (!obj.device) {
		/* deleted meanwhile: the attach itself succeeded */
		drbd_cfg_unlock();
		return 0;
	}
	obj.resource = obj.device->resource;
	err = drbd2_reply(info, &obj, false);
	drbd_cfg_unlock();
	return err;
}

/**
 * drbd2_nl_device_detach_doit - DEVICE_DETACH: detach the backing disk
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_device_detach_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct drbd_attach_result res;
	enum drbd_reason reason;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_DEVICE_MINOR))
		return -EINVAL;
	reason = drbd_device_detach(nla_get_u32(info->attrs[DRBD2_A_DEVICE_MINOR]),
				    nla_get_flag(info->attrs[DRBD2_A_DEVICE_FORCE]),
				    &res);
	if (reason)
		return drbd2_report(info->extack, reason,
				    drbd2_device_bad_attr(info, reason));
	return 0;
}

/* a core operation on one device under the lock, replying with the device */
static int drbd2_device_op(struct genl_info *info,
			   enum drbd_reason (*op)(struct drbd_device *device,
						  struct genl_info *info))
{
	struct drbd_event obj = { };
	enum drbd_reason reason;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_DEVICE_MINOR))
		return -EINVAL;
	drbd_cfg_lock();
	obj.device = drbd_device_lookup(nla_get_u32(info->attrs[DRBD2_A_DEVICE_MINOR]));
	reason = obj.device ? op(obj.device, info) : DRBD_R_MINOR_UNKNOWN;
	if (reason) {
		err = drbd2_report(info->extack, reason,
				   drbd2_device_bad_attr(info, reason));
	} else {
		obj.resource = obj.device->resource;
		err = drbd2_reply(info, &obj, false);
	}
	drbd_cfg_unlock();
	return err;
}

static enum drbd_reason drbd2_outdate(struct drbd_device *device,
				      struct genl_info *info)
{
	bool changed;

	return drbd_device_outdate_locked(device, &changed);
}

/**
 * drbd2_nl_device_outdate_doit - DEVICE_OUTDATE: mark the data outdated
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_device_outdate_doit(struct sk_buff *skb, struct genl_info *info)
{
	return drbd2_device_op(info, drbd2_outdate);
}

static enum drbd_reason drbd2_new_current_uuid(struct drbd_device *device,
					       struct genl_info *info)
{
	return drbd_device_new_current_uuid_locked(device,
		nla_get_flag(info->attrs[DRBD2_A_DEVICE_CLEAR_BITMAP]));
}

/**
 * drbd2_nl_device_new_current_uuid_doit - DEVICE_NEW_CURRENT_UUID
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_device_new_current_uuid_doit(struct sk_buff *skb,
					  struct genl_info *info)
{
	return drbd2_device_op(info, drbd2_new_current_uuid);
}

static enum drbd_reason drbd2_resize(struct drbd_device *device,
				     struct genl_info *info)
{
	struct drbd_resize_config cfg = { };

	if (device->ldev) {
		cfg.al_stripes = device->ldev->md.al_stripes;
		cfg.al_stripe_size_kb = device->ldev->md.al_stripe_size_4k * 4;
	}
	if (info->attrs[DRBD2_A_DEVICE_SIZE])
		cfg.size = nla_get_u64(info->attrs[DRBD2_A_DEVICE_SIZE]);
	cfg.force = nla_get_flag(info->attrs[DRBD2_A_DEVICE_FORCE]);
	return drbd_device_resize_locked(device, &cfg);
}

static enum drbd_reason drbd2_invalidate(struct drbd_device *device,
					 struct genl_info *info)
{
	struct nlattr *peer = info->attrs[DRBD2_A_DEVICE_SYNC_FROM_PEER_NODE_ID];
	struct nlattr *reset = info->attrs[DRBD2_A_DEVICE_RESET_BITMAP];

	return drbd_device_invalidate_locked(device,
					     peer ? (s32)nla_get_u32(peer) : -1,
					     !reset || nla_get_u32(reset));
}

/**
 * drbd2_nl_device_invalidate_doit - DEVICE_INVALIDATE: discard local data
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_device_invalidate_doit(struct sk_buff *skb, struct genl_info *info)
{
	return drbd2_device_op(info, drbd2_invalidate);
}

/**
 * drbd2_nl_device_resize_doit - DEVICE_RESIZE: resize an attached device
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_device_resize_doit(struct sk_buff *skb, struct genl_info *info)
{
	return drbd2_device_op(info, drbd2_resize);
}

/**
 * drbd2_nl_device_set_disk_options_doit - DEVICE_SET_DISK_OPTIONS
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Options not in the request keep their values; the whole new set is
 * checked before it replaces the old one. The size is fixed at attach.
 * Replies with the device.
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_device_set_disk_options_doit(struct sk_buff *skb,
					  struct genl_info *info)
{
	const struct nlattr *nest = info->attrs[DRBD2_A_DEVICE_DISK_OPTIONS];
	struct nlattr *tb[DRBD2_A_DISK_OPTIONS_MAX + 1];
	struct drbd_disk_options opts;
	struct drbd_event obj = { };
	enum drbd_reason reason;
	u64 size;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_DEVICE_MINOR) ||
	    GENL_REQ_ATTR_CHECK(info, DRBD2_A_DEVICE_DISK_OPTIONS))
		return -EINVAL;

	drbd_cfg_lock();
	obj.device = drbd_device_lookup(nla_get_u32(info->attrs[DRBD2_A_DEVICE_MINOR]));
	if (!obj.device || !obj.device->ldev) {
		reason = obj.device ? DRBD_R_NO_DISK : DRBD_R_MINOR_UNKNOWN;
		err = drbd2_report(info->extack, reason,
				   info->attrs[DRBD2_A_DEVICE_MINOR]);
		goto out;
	}
	obj.resource = obj.device->resource;
	opts = obj.device->ldev->options;
	size = obj.device->ldev->disk_size;
	err = drbd2_disk_options_parse(nest, &opts, &size, tb, info->extack);
	if (err)
		goto out;
	if (size != obj.device->ldev->disk_size) {
		NL_SET_ERR_MSG_ATTR(info->extack, tb[DRBD2_A_DISK_OPTIONS_SIZE],
				    "size is set at attach only (see device-resize)");
		err = -EINVAL;
		goto out;
	}
	reason = drbd_device_set_disk_options(obj.device, &opts);
	if (reason)
		err = drbd2_report(info->extack, reason,
				   tb[DRBD2_A_DISK_OPTIONS_RESYNC_AFTER] ?: nest);
	else
		err = drbd2_reply(info, &obj, false);
out:
	drbd_cfg_unlock();
	return err;
}

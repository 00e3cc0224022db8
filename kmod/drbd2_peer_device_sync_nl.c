// SPDX-License-Identifier: GPL-2.0
/*
 * drbd2 family: the resync and online-verify ops of a peer device:
 * peer-device-invalidate, peer-device-verify, peer-device-pause-sync,
 * peer-device-resume-sync. Each parses, calls one core operation and
 * replies with the peer device.
 */
#include <linux/limits.h>
#include <net/genetlink.h>
#include <net/netlink.h>

#include "drbd2.h"

/* the attribute a failure of a peer-device sync op is about */
static const struct nlattr *drbd2_sync_bad_attr(struct genl_info *info,
						enum drbd_reason reason)
{
	switch (reason) {
	case DRBD_R_OPTION_RANGE:
		return info->attrs[DRBD2_A_PEER_DEVICE_STOP_SECTOR];
	default:
		return info->attrs[DRBD2_A_PEER_DEVICE_PEER_NODE_ID];
	}
}

/* a core operation on one peer device under the lock, replying with it */
static int drbd2_peer_device_op(struct genl_info *info,
				enum drbd_reason (*op)(struct drbd_peer_device *pd,
						       struct genl_info *info))
{
	struct drbd_event obj = { };
	enum drbd_reason reason;
	int err;

	drbd_cfg_lock();
	err = drbd2_peer_device_find(info, &obj);
	if (err)
		goto out;
	reason = op(obj.peer_device, info);
	if (reason)
		err = drbd2_report(info->extack, reason,
				   drbd2_sync_bad_attr(info, reason));
	else
		err = drbd2_reply(info, &obj, false);
out:
	drbd_cfg_unlock();
	return err;
}

static enum drbd_reason drbd2_invalidate_remote(struct drbd_peer_device *pd,
						struct genl_info *info)
{
	struct nlattr *reset = info->attrs[DRBD2_A_PEER_DEVICE_RESET_BITMAP];

	return drbd_peer_device_invalidate_locked(pd, !reset || nla_get_u32(reset));
}

/**
 * drbd2_nl_peer_device_invalidate_doit - PEER_DEVICE_INVALIDATE: full sync
 *                                        towards the peer
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_peer_device_invalidate_doit(struct sk_buff *skb,
					 struct genl_info *info)
{
	return drbd2_peer_device_op(info, drbd2_invalidate_remote);
}

static enum drbd_reason drbd2_verify(struct drbd_peer_device *pd,
				     struct genl_info *info)
{
	struct nlattr *start = info->attrs[DRBD2_A_PEER_DEVICE_START_SECTOR];
	struct nlattr *stop = info->attrs[DRBD2_A_PEER_DEVICE_STOP_SECTOR];

	return drbd_peer_device_verify_locked(pd, start ? nla_get_u64(start) : 0,
					      stop ? nla_get_u64(stop) : U64_MAX);
}

/**
 * drbd2_nl_peer_device_verify_doit - PEER_DEVICE_VERIFY: start online verify
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_peer_device_verify_doit(struct sk_buff *skb, struct genl_info *info)
{
	return drbd2_peer_device_op(info, drbd2_verify);
}

static enum drbd_reason drbd2_pause_sync(struct drbd_peer_device *pd,
					 struct genl_info *info)
{
	return drbd_peer_device_pause_sync_locked(pd, true);
}

static enum drbd_reason drbd2_resume_sync(struct drbd_peer_device *pd,
					  struct genl_info *info)
{
	return drbd_peer_device_pause_sync_locked(pd, false);
}

/**
 * drbd2_nl_peer_device_pause_sync_doit - PEER_DEVICE_PAUSE_SYNC
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_peer_device_pause_sync_doit(struct sk_buff *skb,
					 struct genl_info *info)
{
	return drbd2_peer_device_op(info, drbd2_pause_sync);
}

/**
 * drbd2_nl_peer_device_resume_sync_doit - PEER_DEVICE_RESUME_SYNC
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_peer_device_resume_sync_doit(struct sk_buff *skb,
					  struct genl_info *info)
{
	return drbd2_peer_device_op(info, drbd2_resume_sync);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * drbd2 family: peer-device-get (do and dump), peer-device-set-options.
 */
#include <linux/string.h>
#include <net/genetlink.h>
#include <net/netlink.h>

#include "drbd2.h"

static_assert((int)DRBD2_DISK_STATE_UP_TO_DATE == (int)DRBD_DISK_UP_TO_DATE);
static_assert((int)DRBD2_REPL_STATE_OFF == (int)DRBD_REPL_OFF);

/* drbd2's number of a peer's disk state (UNKNOWN is after the local ones) */
static u32 drbd2_peer_disk_state(enum drbd_dstate state)
{
	if (state <= DRBD_DISK_UP_TO_DATE)
		return state;
	return DRBD2_DISK_STATE_UNKNOWN;
}

static int drbd2_peer_device_options_put(struct sk_buff *msg,
					 const struct drbd_peer_device_options *o)
{
	struct nlattr *nest;

	nest = nla_nest_start(msg, DRBD2_A_PEER_DEVICE_OPTIONS);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u32(msg, DRBD2_A_PEER_DEVICE_OPTIONS_RESYNC_RATE,
			o->resync_rate) ||
	    nla_put_u32(msg, DRBD2_A_PEER_DEVICE_OPTIONS_C_PLAN_AHEAD,
			o->c_plan_ahead) ||
	    nla_put_u32(msg, DRBD2_A_PEER_DEVICE_OPTIONS_C_DELAY_TARGET,
			o->c_delay_target) ||
	    nla_put_u32(msg, DRBD2_A_PEER_DEVICE_OPTIONS_C_FILL_TARGET,
			o->c_fill_target) ||
	    nla_put_u32(msg, DRBD2_A_PEER_DEVICE_OPTIONS_C_MAX_RATE,
			o->c_max_rate) ||
	    nla_put_u32(msg, DRBD2_A_PEER_DEVICE_OPTIONS_C_MIN_RATE,
			o->c_min_rate) ||
	    nla_put_u32(msg, DRBD2_A_PEER_DEVICE_OPTIONS_BITMAP, o->bitmap)) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

/**
 * drbd2_peer_device_put - put a peer device's attributes into a message
 * @msg: the message
 * @pd: the peer device
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd2_peer_device_put(struct sk_buff *msg, const struct drbd_peer_device *pd)
{
	const struct drbd_connection *connection = pd->connection;

	if (nla_put_string(msg, DRBD2_A_PEER_DEVICE_RESOURCE,
			   connection->resource->name) ||
	    nla_put_u32(msg, DRBD2_A_PEER_DEVICE_PEER_NODE_ID,
			connection->peer_node_id) ||
	    nla_put_u32(msg, DRBD2_A_PEER_DEVICE_VOLUME, pd->device->volume) ||
	    nla_put_u32(msg, DRBD2_A_PEER_DEVICE_MINOR, pd->device->minor) ||
	    nla_put_u32(msg, DRBD2_A_PEER_DEVICE_PEER_DISK_STATE,
			drbd2_peer_disk_state(pd->peer_disk)) ||
	    nla_put_u32(msg, DRBD2_A_PEER_DEVICE_REPL_STATE, pd->repl_state) ||
	    nla_put_u32(msg, DRBD2_A_PEER_DEVICE_RESYNC_SUSP_USER,
			pd->resync_susp_user) ||
	    nla_put_u32(msg, DRBD2_A_PEER_DEVICE_RESYNC_SUSP_PEER,
			pd->resync_susp_peer) ||
	    nla_put_u32(msg, DRBD2_A_PEER_DEVICE_RESYNC_SUSP_DEPENDENCY,
			pd->resync_susp_dependency) ||
	    drbd2_peer_device_options_put(msg, &pd->options) ||
	    nla_put_u64_64bit(msg, DRBD2_A_PEER_DEVICE_OUT_OF_SYNC,
			      pd->out_of_sync_kib, DRBD2_A_PEER_DEVICE_PAD) ||
	    nla_put_u32(msg, DRBD2_A_PEER_DEVICE_PENDING, pd->pending) ||
	    nla_put_u32(msg, DRBD2_A_PEER_DEVICE_UNACKED, pd->unacked) ||
	    nla_put_u64_64bit(msg, DRBD2_A_PEER_DEVICE_RECEIVED,
			      pd->received_kib, DRBD2_A_PEER_DEVICE_PAD) ||
	    nla_put_u64_64bit(msg, DRBD2_A_PEER_DEVICE_SENT, pd->sent_kib,
			      DRBD2_A_PEER_DEVICE_PAD))
		return -EMSGSIZE;
	return 0;
}

/**
 * drbd2_peer_device_find - the peer device a request names
 * @info: the request (resource, peer-node-id, volume)
 * @obj: receives the peer device, its device, connection and resource
 *
 * Context: control-path mutex held.
 * Return: 0, or a negative errno with an extack naming the attribute.
 */
int drbd2_peer_device_find(struct genl_info *info, struct drbd_event *obj)
{
	struct nlattr **attrs = info->attrs;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_PEER_DEVICE_RESOURCE) ||
	    GENL_REQ_ATTR_CHECK(info, DRBD2_A_PEER_DEVICE_PEER_NODE_ID) ||
	    GENL_REQ_ATTR_CHECK(info, DRBD2_A_PEER_DEVICE_VOLUME))
		return -EINVAL;
	obj->resource = drbd_resource_lookup(nla_data(attrs[DRBD2_A_PEER_DEVICE_RESOURCE]));
	if (!obj->resource)
		return drbd2_report(info->extack, DRBD_R_RES_UNKNOWN,
				    attrs[DRBD2_A_PEER_DEVICE_RESOURCE]);
	obj->connection = xa_load(&obj->resource->connections,
				  nla_get_u32(attrs[DRBD2_A_PEER_DEVICE_PEER_NODE_ID]));
	if (!obj->connection)
		return drbd2_report(info->extack, DRBD_R_CONNECTION_UNKNOWN,
				    attrs[DRBD2_A_PEER_DEVICE_PEER_NODE_ID]);
	obj->peer_device =
		drbd_peer_device_lookup(obj->connection,
					nla_get_u32(attrs[DRBD2_A_PEER_DEVICE_VOLUME]));
	if (!obj->peer_device)
		return drbd2_report(info->extack, DRBD_R_PEER_DEVICE_UNKNOWN,
				    attrs[DRBD2_A_PEER_DEVICE_VOLUME]);
	obj->device = obj->peer_device->device;
	return 0;
}

/**
 * drbd2_nl_peer_device_get_doit - PEER_DEVICE_GET do: one peer device
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_peer_device_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct drbd_event obj = { };
	int err;

	drbd_cfg_lock();
	err = drbd2_peer_device_find(info, &obj);
	if (!err)
		err = drbd2_reply(info, &obj, false);
	drbd_cfg_unlock();
	return err;
}

/**
 * struct drbd2_pd_dump_ctx - cursor of a peer-device dump (in cb->ctx)
 * @res_pos: resource table index of the connection to continue with
 * @peer_pos: its peer node id
 * @vol_pos: the next volume within it
 */
struct drbd2_pd_dump_ctx {
	unsigned long res_pos;
	unsigned long peer_pos;
	unsigned long vol_pos;
};

static_assert(sizeof(struct drbd2_pd_dump_ctx) <=
	      sizeof_field(struct netlink_callback, ctx));

/**
 * drbd2_nl_peer_device_get_dumpit - PEER_DEVICE_GET dump: all peer devices,
 *                                   or one resource's
 * @skb: the buffer for this part of the dump
 * @cb: the dump's state; the cursor lives in cb->ctx
 *
 * Return: the length of this part, 0 when done, or a negative errno.
 */
int drbd2_nl_peer_device_get_dumpit(struct sk_buff *skb,
				    struct netlink_callback *cb)
{
	const struct nlattr *filter =
		drbd_genl_dump_attrs(cb)[DRBD2_A_PEER_DEVICE_RESOURCE];
	struct drbd2_pd_dump_ctx *ctx = (struct drbd2_pd_dump_ctx *)cb->ctx;
	unsigned long next_res, next_peer, vol;
	struct drbd_event obj = { };
	int err = 0;

	drbd_cfg_lock();
	cb->seq = drbd_cfg_generation();
	for (;;) {
		next_res = ctx->res_pos;
		next_peer = ctx->peer_pos;
		obj.connection = drbd_connection_next(&next_res, &next_peer);
		if (!obj.connection)
			break;
		obj.resource = obj.connection->resource;
		if (obj.resource->id != ctx->res_pos ||
		    obj.connection->peer_node_id != ctx->peer_pos)
			ctx->vol_pos = 0;	/* a connection not started yet */
		ctx->res_pos = obj.resource->id;
		ctx->peer_pos = obj.connection->peer_node_id;
		if (!filter || !strcmp(obj.resource->name, nla_data(filter))) {
			vol = ctx->vol_pos;
			while ((obj.peer_device = xa_find(&obj.connection->peer_devices,
							  &vol, ULONG_MAX,
							  XA_PRESENT))) {
				obj.device = obj.peer_device->device;
				err = drbd2_dump_one(skb, cb, &obj);
				if (err)
					break;
				ctx->vol_pos = ++vol;
			}
			if (err)
				break;
		}
		ctx->res_pos = next_res;
		ctx->peer_pos = next_peer;
		ctx->vol_pos = 0;
	}
	drbd_cfg_unlock();

	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ?: skb->len;
}

/**
 * drbd2_nl_peer_device_set_options_doit - PEER_DEVICE_SET_OPTIONS
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Options not in the request keep their values. Replies with the peer
 * device.
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_peer_device_set_options_doit(struct sk_buff *skb,
					  struct genl_info *info)
{
	static const u8 attr_of[] = {
		DRBD2_A_PEER_DEVICE_OPTIONS_RESYNC_RATE,
		DRBD2_A_PEER_DEVICE_OPTIONS_C_PLAN_AHEAD,
		DRBD2_A_PEER_DEVICE_OPTIONS_C_DELAY_TARGET,
		DRBD2_A_PEER_DEVICE_OPTIONS_C_FILL_TARGET,
		DRBD2_A_PEER_DEVICE_OPTIONS_C_MAX_RATE,
		DRBD2_A_PEER_DEVICE_OPTIONS_C_MIN_RATE,
	};
	struct nlattr *tb[DRBD2_A_PEER_DEVICE_OPTIONS_MAX + 1];
	struct drbd_peer_device_options opts;
	struct drbd_event obj = { };
	enum drbd_reason reason;
	u32 *fields[ARRAY_SIZE(attr_of)];
	unsigned int i;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_PEER_DEVICE_OPTIONS))
		return -EINVAL;
	err = nla_parse_nested(tb, DRBD2_A_PEER_DEVICE_OPTIONS_MAX,
			       info->attrs[DRBD2_A_PEER_DEVICE_OPTIONS],
			       drbd2_peer_device_options_nl_policy, info->extack);
	if (err)
		return err;

	drbd_cfg_lock();
	err = drbd2_peer_device_find(info, &obj);
	if (err)
		goto out;
	opts = obj.peer_device->options;
	fields[0] = &opts.resync_rate;
	fields[1] = &opts.c_plan_ahead;
	fields[2] = &opts.c_delay_target;
	fields[3] = &opts.c_fill_target;
	fields[4] = &opts.c_max_rate;
	fields[5] = &opts.c_min_rate;
	for (i = 0; i < ARRAY_SIZE(attr_of); i++)
		if (tb[attr_of[i]])
			*fields[i] = nla_get_u32(tb[attr_of[i]]);
	if (tb[DRBD2_A_PEER_DEVICE_OPTIONS_BITMAP])
		opts.bitmap = nla_get_u32(tb[DRBD2_A_PEER_DEVICE_OPTIONS_BITMAP]);
	reason = drbd_peer_device_set_options_locked(obj.peer_device, &opts);
	if (reason)
		err = drbd2_report(info->extack, reason,
				   info->attrs[DRBD2_A_PEER_DEVICE_OPTIONS]);
	else
		err = drbd2_reply(info, &obj, false);
out:
	drbd_cfg_unlock();
	return err;
}

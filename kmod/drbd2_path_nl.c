// SPDX-License-Identifier: GPL-2.0
/*
 * drbd2 family: path-get (do and dump), path-new, path-del.
 */
#include <linux/string.h>
#include <net/genetlink.h>
#include <net/netlink.h>

#include "drbd2.h"

/**
 * drbd2_path_put - put a path's attributes into a message
 * @msg: the message
 * @path: the path
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd2_path_put(struct sk_buff *msg, const struct drbd_path *path)
{
	const struct drbd_connection *connection = path->connection;

	if (nla_put_string(msg, DRBD2_A_PATH_RESOURCE,
			   connection->resource->name) ||
	    nla_put_u32(msg, DRBD2_A_PATH_PEER_NODE_ID,
			connection->peer_node_id) ||
	    nla_put(msg, DRBD2_A_PATH_MY_ADDR, path->my_addr.len,
		    path->my_addr.addr) ||
	    nla_put(msg, DRBD2_A_PATH_PEER_ADDR, path->peer_addr.len,
		    path->peer_addr.addr))
		return -EMSGSIZE;
	return 0;
}

/* ctx->sub_pos of a path dump: peer node id, paths of it already dumped */
#define DRBD2_PATH_CURSOR_SHIFT	16
#define DRBD2_PATH_CURSOR_MASK	((1UL << DRBD2_PATH_CURSOR_SHIFT) - 1)

/* copy an address attribute; too long for any socket address: invalid */
static bool drbd2_addr_from(struct drbd_addr *addr, const struct nlattr *nla)
{
	if (nla_len(nla) > DRBD_ADDR_MAX)
		return false;
	addr->len = nla_len(nla);
	memcpy(addr->addr, nla_data(nla), addr->len);
	return true;
}

/**
 * struct drbd2_path_req - what a path request names
 * @my_addr: the local address
 * @peer_addr: the peer's address
 * @connection: the connection, once looked up
 */
struct drbd2_path_req {
	struct drbd_addr my_addr;
	struct drbd_addr peer_addr;
	struct drbd_connection *connection;
};

/*
 * Parse the identity of a path and look its connection up.
 * Context: control-path mutex held.
 */
static int drbd2_path_req_parse(struct genl_info *info,
				struct drbd2_path_req *req)
{
	struct nlattr **attrs = info->attrs;
	struct drbd_resource *resource;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_PATH_RESOURCE) ||
	    GENL_REQ_ATTR_CHECK(info, DRBD2_A_PATH_PEER_NODE_ID) ||
	    GENL_REQ_ATTR_CHECK(info, DRBD2_A_PATH_MY_ADDR) ||
	    GENL_REQ_ATTR_CHECK(info, DRBD2_A_PATH_PEER_ADDR))
		return -EINVAL;
	if (!drbd2_addr_from(&req->my_addr, attrs[DRBD2_A_PATH_MY_ADDR]))
		return drbd2_report(info->extack, DRBD_R_ADDR_INVALID,
				    attrs[DRBD2_A_PATH_MY_ADDR]);
	if (!drbd2_addr_from(&req->peer_addr, attrs[DRBD2_A_PATH_PEER_ADDR]))
		return drbd2_report(info->extack, DRBD_R_ADDR_INVALID,
				    attrs[DRBD2_A_PATH_PEER_ADDR]);
	resource = drbd_resource_lookup(nla_data(attrs[DRBD2_A_PATH_RESOURCE]));
	if (!resource)
		return drbd2_report(info->extack, DRBD_R_RES_UNKNOWN,
				    attrs[DRBD2_A_PATH_RESOURCE]);
	req->connection = xa_load(&resource->connections,
				  nla_get_u32(attrs[DRBD2_A_PATH_PEER_NODE_ID]));
	if (!req->connection)
		return drbd2_report(info->extack, DRBD_R_CONNECTION_UNKNOWN,
				    attrs[DRBD2_A_PATH_PEER_NODE_ID]);
	return 0;
}

/* the request attribute a failure of a path operation is about */
static const struct nlattr *drbd2_path_bad_attr(struct genl_info *info,
						const struct drbd2_path_req *req,
						enum drbd_reason reason)
{
	const struct drbd_addr *my_addr = &req->my_addr;

	switch (reason) {
	case DRBD_R_ADDR_INVALID:
		/* the first one that is wrong on its own, else the peer's */
		if (drbd_path_addrs_check(my_addr, my_addr))
			return info->attrs[DRBD2_A_PATH_MY_ADDR];
		return info->attrs[DRBD2_A_PATH_PEER_ADDR];
	case DRBD_R_PATHS_FULL:
		return info->attrs[DRBD2_A_PATH_PEER_NODE_ID];
	default:
		return info->attrs[DRBD2_A_PATH_MY_ADDR];
	}
}

/**
 * drbd2_nl_path_get_doit - PATH_GET do: one path
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_path_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct drbd2_path_req req = { };
	struct drbd_event obj = { };
	int err;

	drbd_cfg_lock();
	err = drbd2_path_req_parse(info, &req);
	if (err)
		goto out;
	obj.path = drbd_path_lookup(req.connection, &req.my_addr,
				    &req.peer_addr);
	if (!obj.path) {
		err = drbd2_report(info->extack, DRBD_R_PATH_UNKNOWN,
				   info->attrs[DRBD2_A_PATH_MY_ADDR]);
		goto out;
	}
	obj.connection = req.connection;
	obj.resource = req.connection->resource;
	err = drbd2_reply(info, &obj, false);
out:
	drbd_cfg_unlock();
	return err;
}

/**
 * drbd2_nl_path_get_dumpit - PATH_GET dump: all paths, or one resource's,
 *                            or one connection's
 * @skb: the buffer for this part of the dump
 * @cb: the dump's state; the cursor lives in cb->ctx (the connection's
 *      resource and peer node id cursors, and the number of the
 *      connection's paths already dumped above DRBD2_PATH_CURSOR_SHIFT)
 *
 * Return: the length of this part, 0 when done, or a negative errno.
 */
int drbd2_nl_path_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr **attrs = drbd_genl_dump_attrs(cb);
	const struct nlattr *filter = attrs[DRBD2_A_PATH_RESOURCE];
	const struct nlattr *peer = attrs[DRBD2_A_PATH_PEER_NODE_ID];
	struct drbd2_dump_ctx *ctx = drbd2_dump_ctx(cb);
	unsigned long res_pos, peer_pos, next_res, next_peer;
	struct drbd_event obj = { };
	unsigned int skip;
	int err = 0;

	drbd_cfg_lock();
	cb->seq = drbd_cfg_generation();
	res_pos = ctx->pos;
	peer_pos = ctx->sub_pos & DRBD2_PATH_CURSOR_MASK;
	skip = ctx->sub_pos >> DRBD2_PATH_CURSOR_SHIFT;
	for (;;) {
		unsigned int i = 0;

		next_res = res_pos;
		next_peer = peer_pos;
		obj.connection = drbd_connection_next(&next_res, &next_peer);
		if (!obj.connection)
			break;
		if (obj.connection->resource->id != res_pos ||
		    obj.connection->peer_node_id != peer_pos)
			skip = 0;	/* a connection not started yet */
		obj.resource = obj.connection->resource;
		if ((!filter || !strcmp(obj.resource->name, nla_data(filter))) &&
		    (!peer || nla_get_u32(peer) == obj.connection->peer_node_id)) {
			list_for_each_entry(obj.path, &obj.connection->paths,
					    list) {
				if (i++ < skip)
					continue;
				err = drbd2_dump_one(skb, cb, &obj);
				if (err)
					break;
				skip = i;
				ctx->pos = obj.resource->id;
				ctx->sub_pos = obj.connection->peer_node_id |
					       skip << DRBD2_PATH_CURSOR_SHIFT;
			}
			if (err)
				break;
		}
		res_pos = next_res;
		peer_pos = next_peer;
		skip = 0;
		ctx->pos = res_pos;
		ctx->sub_pos = peer_pos;
	}
	drbd_cfg_unlock();

	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ?: skb->len;
}

/**
 * drbd2_nl_path_new_doit - PATH_NEW: add a path to a connection
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Replies with the new path's identity.
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_path_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct drbd2_path_req req = { };
	struct drbd_event obj = { };
	enum drbd_reason reason;
	int err;

	drbd_cfg_lock();
	err = drbd2_path_req_parse(info, &req);
	if (err)
		goto out;
	reason = drbd_path_create_locked(req.connection, &req.my_addr,
					 &req.peer_addr, &obj.path);
	if (reason) {
		err = drbd2_report(info->extack, reason,
				   drbd2_path_bad_attr(info, &req, reason));
		goto out;
	}
	obj.connection = req.connection;
	obj.resource = req.connection->resource;
	err = drbd2_reply(info, &obj, true);
out:
	drbd_cfg_unlock();
	return err;
}

/**
 * drbd2_nl_path_del_doit - PATH_DEL: remove a path from a connection
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_path_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct drbd2_path_req req = { };
	enum drbd_reason reason = DRBD_R_PATH_UNKNOWN;
	struct drbd_path *path;
	int err;

	drbd_cfg_lock();
	err = drbd2_path_req_parse(info, &req);
	if (err)
		goto out;
	path = drbd_path_lookup(req.connection, &req.my_addr, &req.peer_addr);
	if (path)
		reason = drbd_path_delete_locked(path);
	if (reason)
		err = drbd2_report(info->extack, reason,
				   drbd2_path_bad_attr(info, &req, reason));
out:
	drbd_cfg_unlock();
	return err;
}

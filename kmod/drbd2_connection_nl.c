// SPDX-License-Identifier: GPL-2.0
/*
 * drbd2 family: connection-get (do and dump), connection-new,
 * connection-del, connection-connect, connection-disconnect.
 */
#include <linux/string.h>
#include <net/genetlink.h>
#include <net/netlink.h>

#include "drbd2.h"

static_assert((int)DRBD2_PROTOCOL_A == (int)DRBD_PROTOCOL_A);
static_assert((int)DRBD2_PROTOCOL_B == (int)DRBD_PROTOCOL_B);
static_assert((int)DRBD2_PROTOCOL_C == (int)DRBD_PROTOCOL_C);
static_assert((int)DRBD2_CONNECTION_STATE_STANDALONE == (int)DRBD_CONN_STANDALONE);
static_assert((int)DRBD2_CONNECTION_STATE_DISCONNECTING ==
	      (int)DRBD_CONN_DISCONNECTING);
static_assert((int)DRBD2_CONNECTION_STATE_UNCONNECTED == (int)DRBD_CONN_UNCONNECTED);
static_assert((int)DRBD2_CONNECTION_STATE_CONNECTING == (int)DRBD_CONN_CONNECTING);

/**
 * drbd2_connection_put - put a connection's attributes into a message
 * @msg: the message
 * @connection: the connection
 * @identity_only: put only resource and peer node id
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd2_connection_put(struct sk_buff *msg,
			 const struct drbd_connection *connection,
			 bool identity_only)
{
	if (nla_put_string(msg, DRBD2_A_CONNECTION_RESOURCE,
			   connection->resource->name) ||
	    nla_put_u32(msg, DRBD2_A_CONNECTION_PEER_NODE_ID,
			connection->peer_node_id))
		return -EMSGSIZE;
	if (identity_only)
		return 0;
	if (nla_put_string(msg, DRBD2_A_CONNECTION_NAME, connection->name) ||
	    drbd2_net_options_put(msg, DRBD2_A_CONNECTION_NET_OPTIONS,
				  &connection->net) ||
	    nla_put_u32(msg, DRBD2_A_CONNECTION_CSTATE, connection->cstate))
		return -EMSGSIZE;
	return 0;
}

/* the request attribute a failure of a connection operation is about */
static const struct nlattr *drbd2_connection_bad_attr(struct genl_info *info,
						      enum drbd_reason reason)
{
	switch (reason) {
	case DRBD_R_RES_UNKNOWN:
		return info->attrs[DRBD2_A_CONNECTION_RESOURCE];
	case DRBD_R_PEER_NAME_INVALID:
		return info->attrs[DRBD2_A_CONNECTION_NAME];
	case DRBD_R_PROTOCOL_INVALID:
		return info->attrs[DRBD2_A_CONNECTION_NET_OPTIONS];
	case DRBD_R_PEER_NODE_ID_INVALID:
	case DRBD_R_CONNECTION_EXISTS:
	case DRBD_R_CONNECTION_UNKNOWN:
	case DRBD_R_NO_PATH:
		return info->attrs[DRBD2_A_CONNECTION_PEER_NODE_ID];
	default:
		return NULL;
	}
}

/**
 * drbd2_nl_connection_get_doit - CONNECTION_GET do: one connection
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_connection_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **attrs = info->attrs;
	struct drbd_event obj = { };
	enum drbd_reason reason;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_CONNECTION_RESOURCE) ||
	    GENL_REQ_ATTR_CHECK(info, DRBD2_A_CONNECTION_PEER_NODE_ID))
		return -EINVAL;

	drbd_cfg_lock();
	obj.resource = drbd_resource_lookup(nla_data(attrs[DRBD2_A_CONNECTION_RESOURCE]));
	obj.connection = obj.resource ?
		drbd_connection_lookup(obj.resource->name,
				       nla_get_u32(attrs[DRBD2_A_CONNECTION_PEER_NODE_ID])) :
		NULL;
	if (obj.connection) {
		err = drbd2_reply(info, &obj, false);
	} else {
		reason = obj.resource ? DRBD_R_CONNECTION_UNKNOWN : DRBD_R_RES_UNKNOWN;
		err = drbd2_report(info->extack, reason,
				   drbd2_connection_bad_attr(info, reason));
	}
	drbd_cfg_unlock();
	return err;
}

/**
 * drbd2_nl_connection_get_dumpit - CONNECTION_GET dump: all connections, or
 *                                  one resource's
 * @skb: the buffer for this part of the dump
 * @cb: the dump's state; the cursor lives in cb->ctx
 *
 * Return: the length of this part, 0 when done, or a negative errno.
 */
int drbd2_nl_connection_get_dumpit(struct sk_buff *skb,
				   struct netlink_callback *cb)
{
	const struct nlattr *filter =
		drbd_genl_dump_attrs(cb)[DRBD2_A_CONNECTION_RESOURCE];
	struct drbd2_dump_ctx *ctx = drbd2_dump_ctx(cb);
	unsigned long res_pos, peer_pos;
	struct drbd_event obj = { };
	int err = 0;

	drbd_cfg_lock();
	cb->seq = drbd_cfg_generation();
	res_pos = ctx->pos;
	peer_pos = ctx->sub_pos;
	while ((obj.connection = drbd_connection_next(&res_pos, &peer_pos))) {
		obj.resource = obj.connection->resource;
		if (!filter || !strcmp(obj.resource->name, nla_data(filter))) {
			err = drbd2_dump_one(skb, cb, &obj);
			if (err)
				break;
		}
		ctx->pos = res_pos;
		ctx->sub_pos = peer_pos;
	}
	drbd_cfg_unlock();

	/* a full buffer ends this part of the dump; the cursor says where */
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ?: skb->len;
}

/**
 * drbd2_nl_connection_new_doit - CONNECTION_NEW: create a connection
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Replies with the new connection's resource and peer node id.
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_connection_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[DRBD2_A_NET_OPTIONS_MAX + 1];
	struct drbd_connection_config cfg = { };
	struct nlattr **attrs = info->attrs;
	struct drbd_event obj = { };
	enum drbd_reason reason;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_CONNECTION_RESOURCE) ||
	    GENL_REQ_ATTR_CHECK(info, DRBD2_A_CONNECTION_PEER_NODE_ID) ||
	    GENL_REQ_ATTR_CHECK(info, DRBD2_A_CONNECTION_NAME))
		return -EINVAL;
	cfg.resource = nla_data(attrs[DRBD2_A_CONNECTION_RESOURCE]);
	cfg.peer_node_id = nla_get_u32(attrs[DRBD2_A_CONNECTION_PEER_NODE_ID]);
	cfg.name = nla_data(attrs[DRBD2_A_CONNECTION_NAME]);
	drbd_net_options_defaults(&cfg.net);
	err = drbd2_net_options_parse(attrs[DRBD2_A_CONNECTION_NET_OPTIONS],
				      &cfg.net, tb, info->extack);
	if (err)
		return err;

	reason = drbd_connection_create(&cfg, &obj.connection);
	if (reason)
		return drbd2_report(info->extack, reason,
				    drbd2_connection_bad_attr(info, reason) ?:
				    drbd2_net_options_bad_attr(reason, tb,
							       attrs[DRBD2_A_CONNECTION_NET_OPTIONS]));
	obj.resource = obj.connection->resource;
	err = drbd2_reply(info, &obj, true);
	drbd_connection_put(obj.connection);
	return err;
}

/**
 * drbd2_nl_connection_del_doit - CONNECTION_DEL: delete a connection
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_connection_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	enum drbd_reason reason;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_CONNECTION_RESOURCE) ||
	    GENL_REQ_ATTR_CHECK(info, DRBD2_A_CONNECTION_PEER_NODE_ID))
		return -EINVAL;
	reason = drbd_connection_delete(nla_data(info->attrs[DRBD2_A_CONNECTION_RESOURCE]),
					nla_get_u32(info->attrs[DRBD2_A_CONNECTION_PEER_NODE_ID]));
	if (reason)
		return drbd2_report(info->extack, reason,
				    drbd2_connection_bad_attr(info, reason));
	return 0;
}

/* connect or disconnect the connection a request names, reply with it */
static int drbd2_connection_cstate_request(struct genl_info *info, bool connect)
{
	struct nlattr **attrs = info->attrs;
	struct drbd_event obj = { };
	enum drbd_reason reason;
	int err = 0;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_CONNECTION_RESOURCE) ||
	    GENL_REQ_ATTR_CHECK(info, DRBD2_A_CONNECTION_PEER_NODE_ID))
		return -EINVAL;

	drbd_cfg_lock();
	obj.resource = drbd_resource_lookup(nla_data(attrs[DRBD2_A_CONNECTION_RESOURCE]));
	obj.connection = obj.resource ?
		drbd_connection_lookup(obj.resource->name,
				       nla_get_u32(attrs[DRBD2_A_CONNECTION_PEER_NODE_ID])) :
		NULL;
	if (!obj.connection) {
		reason = obj.resource ? DRBD_R_CONNECTION_UNKNOWN : DRBD_R_RES_UNKNOWN;
		goto report;
	}
	if (connect) {
		reason = drbd_connection_connect_locked(obj.connection);
		if (reason)
			goto report;
	} else if (obj.connection->legacy84) {
		/* 8.4 has no StandAlone connection: it goes, as there */
		drbd_connection_disconnect84_locked(obj.connection);
		obj.connection = NULL;
	} else {
		drbd_connection_disconnect_locked(obj.connection);
	}
	if (obj.connection)
		err = drbd2_reply(info, &obj, false);
	drbd_cfg_unlock();
	return err;

report:
	err = drbd2_report(info->extack, reason,
			   drbd2_connection_bad_attr(info, reason));
	drbd_cfg_unlock();
	return err;
}

/**
 * drbd2_nl_connection_connect_doit - CONNECTION_CONNECT: connect
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_connection_connect_doit(struct sk_buff *skb,
				     struct genl_info *info)
{
	return drbd2_connection_cstate_request(info, true);
}

/**
 * drbd2_nl_connection_disconnect_doit - CONNECTION_DISCONNECT: disconnect
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_connection_disconnect_doit(struct sk_buff *skb,
					struct genl_info *info)
{
	return drbd2_connection_cstate_request(info, false);
}

/**
 * drbd2_nl_connection_set_options_doit - CONNECTION_SET_OPTIONS
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Options not in the request keep their values; the whole new set passes
 * the net-option checks before it replaces the old one. Replies with the
 * connection.
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_connection_set_options_doit(struct sk_buff *skb,
					 struct genl_info *info)
{
	const struct nlattr *nest = info->attrs[DRBD2_A_CONNECTION_NET_OPTIONS];
	struct nlattr *tb[DRBD2_A_NET_OPTIONS_MAX + 1];
	struct nlattr **attrs = info->attrs;
	struct drbd_event obj = { };
	struct drbd_net_options *net;
	enum drbd_reason reason;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_CONNECTION_RESOURCE) ||
	    GENL_REQ_ATTR_CHECK(info, DRBD2_A_CONNECTION_PEER_NODE_ID) ||
	    GENL_REQ_ATTR_CHECK(info, DRBD2_A_CONNECTION_NET_OPTIONS))
		return -EINVAL;
	net = kzalloc_obj(*net, GFP_KERNEL);
	if (!net)
		return -ENOMEM;

	drbd_cfg_lock();
	obj.resource = drbd_resource_lookup(nla_data(attrs[DRBD2_A_CONNECTION_RESOURCE]));
	obj.connection = obj.resource ?
		drbd_connection_lookup(obj.resource->name,
				       nla_get_u32(attrs[DRBD2_A_CONNECTION_PEER_NODE_ID])) :
		NULL;
	if (!obj.connection) {
		reason = obj.resource ? DRBD_R_CONNECTION_UNKNOWN : DRBD_R_RES_UNKNOWN;
		err = drbd2_report(info->extack, reason,
				   drbd2_connection_bad_attr(info, reason));
		goto out;
	}
	*net = obj.connection->net;
	err = drbd2_net_options_parse(nest, net, tb, info->extack);
	if (err)
		goto out;
	reason = drbd_connection_set_options_locked(obj.connection, net);
	if (reason)
		err = drbd2_report(info->extack, reason,
				   drbd2_net_options_bad_attr(reason, tb, nest));
	else
		err = drbd2_reply(info, &obj, false);
out:
	drbd_cfg_unlock();
	kfree(net);
	return err;
}

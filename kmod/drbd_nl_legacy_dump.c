// SPDX-License-Identifier: GPL-2.0
/*
 * Legacy drbd family: the object dumps of "drbdsetup status" (GET_RESOURCES,
 * GET_DEVICES, GET_CONNECTIONS, GET_PEER_DEVICES) and the resource filter
 * of dump requests. Dump requests are not validated by the core (the spec's
 * dont-validate), so the filter is parsed here.
 */
#include <linux/capability.h>
#include <net/genetlink.h>

#include "drbd_nl_legacy.h"

/**
 * drbd_legacy_dump_filter - the resource a dump request names
 * @cb: the dump
 * @resource: receives the resource, or NULL if the request names none
 *
 * Context: control-path mutex held.
 * Return: 0; -ENODEV if the named resource does not exist or the name is
 *         empty; -EINVAL for a cfg-context without a name; another negative
 *         errno for a malformed cfg-context.
 */
int drbd_legacy_dump_filter(struct netlink_callback *cb,
			    struct drbd_resource **resource)
{
	struct nlattr *tb[DRBD_A_DRBD_CFG_CONTEXT_MAX + 1];
	const struct nlattr *nest;
	const char *name;
	int err;

	*resource = NULL;
	nest = nlmsg_find_attr(cb->nlh, GENL_HDRLEN + drbd_legacy_family.hdrsize,
			       DRBD_NLA_CFG_CONTEXT);
	if (!nest)
		return 0;
	err = drbd_legacy_parse_nest(tb, DRBD_A_DRBD_CFG_CONTEXT_MAX, nest,
				     drbd_drbd_cfg_context_nl_policy);
	if (err)
		return err;
	if (!tb[DRBD_A_DRBD_CFG_CONTEXT_CTX_RESOURCE_NAME])
		return -EINVAL;
	name = nla_data(tb[DRBD_A_DRBD_CFG_CONTEXT_CTX_RESOURCE_NAME]);
	if (!name[0])
		return -ENODEV;
	*resource = drbd_resource_lookup(name);
	return *resource ? 0 : -ENODEV;
}

static void *drbd_legacy_dump_hdr(struct sk_buff *skb,
				  struct netlink_callback *cb, u8 cmd,
				  u32 minor, int ret_code)
{
	struct drbd_genlmsghdr *dh;

	dh = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			 &drbd_legacy_family, NLM_F_MULTI, cmd);
	if (!dh)
		return NULL;
	dh->minor = minor;
	dh->ret_code = ret_code;
	genl_dump_check_consistent(cb, dh);
	return dh;
}

/*
 * First call of a filtered object dump: an unknown resource is answered
 * with one entry carrying ERR_RES_NOT_KNOWN, and the dump ends there (the
 * 6.1 in-tree driver repeats that entry without end).
 * Return: 0 to go on, 1 when the dump is complete, or a negative errno.
 */
static int drbd_legacy_dump_start(struct sk_buff *skb,
				  struct netlink_callback *cb, u8 cmd)
{
	struct drbd_legacy_dump_ctx *ctx = drbd_legacy_dump_ctx(cb);
	struct drbd_resource *resource;
	void *dh;
	int err;

	if (ctx->done)
		return 1;
	if (ctx->started)
		return 0;
	err = drbd_legacy_dump_filter(cb, &resource);
	if (err && err != -ENODEV)
		return err;
	ctx->started = true;
	if (resource) {
		ctx->filtered = true;
		ctx->filter_id = resource->id;
		return 0;
	}
	if (!err)
		return 0;
	dh = drbd_legacy_dump_hdr(skb, cb, cmd, DRBD_LEGACY_NO_MINOR,
				  ERR_RES_NOT_KNOWN);
	if (!dh)
		return -EMSGSIZE;
	genlmsg_end(skb, dh);
	ctx->done = true;
	return 1;
}

/* the resource a filtered dump is about, if it still exists */
static struct drbd_resource *
drbd_legacy_dump_resource(struct netlink_callback *cb)
{
	unsigned long pos = drbd_legacy_dump_ctx(cb)->filter_id;
	struct drbd_resource *resource = drbd_resource_next(&pos);

	if (resource && resource->id == drbd_legacy_dump_ctx(cb)->filter_id)
		return resource;
	return NULL;
}

static int drbd_legacy_dump_end(struct sk_buff *skb, int err)
{
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ?: skb->len;
}

static int drbd_legacy_resource_entry(struct sk_buff *skb,
				      struct netlink_callback *cb,
				      const struct drbd_resource *resource)
{
	void *dh = drbd_legacy_dump_hdr(skb, cb, DRBD_ADM_GET_RESOURCES,
					DRBD_LEGACY_NO_MINOR, NO_ERROR);

	if (!dh)
		return -EMSGSIZE;
	if (drbd_legacy_put_context(skb, resource, NULL) ||
	    drbd_legacy_put_res_opts(skb, &resource->options) ||
	    drbd_legacy_put_resource_state(skb, resource, true)) {
		genlmsg_cancel(skb, dh);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, dh);
	return 0;
}

/**
 * drbd_nl_get_resources_dumpit - GET_RESOURCES dump: every resource
 * @skb: the buffer for this part of the dump
 * @cb: the dump's state
 *
 * Like the in-tree driver, the dump ignores a resource filter (the tools
 * filter themselves).
 *
 * Return: the length of this part, 0 when done, or a negative errno.
 */
int drbd_nl_get_resources_dumpit(struct sk_buff *skb,
				 struct netlink_callback *cb)
{
	struct drbd_legacy_dump_ctx *ctx = drbd_legacy_dump_ctx(cb);
	struct drbd_resource *resource;
	unsigned long pos;
	int err = 0;

	drbd_cfg_lock();
	cb->seq = drbd_cfg_generation();
	for (pos = ctx->pos; (resource = drbd_resource_next(&pos)); ctx->pos = pos) {
		err = drbd_legacy_resource_entry(skb, cb, resource);
		if (err)
			break;
	}
	drbd_cfg_unlock();
	return drbd_legacy_dump_end(skb, err);
}

static int drbd_legacy_device_entry(struct sk_buff *skb,
				    struct netlink_callback *cb,
				    const struct drbd_device *device)
{
	void *dh = drbd_legacy_dump_hdr(skb, cb, DRBD_ADM_GET_DEVICES,
					device->minor, NO_ERROR);

	if (!dh)
		return -EMSGSIZE;
	if (drbd_legacy_put_context(skb, device->resource, device) ||
	    drbd_legacy_put_device_state(skb, device, true,
					 device->disk_state)) {
		genlmsg_cancel(skb, dh);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, dh);
	return 0;
}

/**
 * drbd_nl_get_devices_dumpit - GET_DEVICES dump
 * @skb: the buffer for this part of the dump
 * @cb: the dump's state
 *
 * All devices in minor order, or those of one resource in volume order.
 *
 * Return: the length of this part, 0 when done, or a negative errno.
 */
int drbd_nl_get_devices_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct drbd_legacy_dump_ctx *ctx = drbd_legacy_dump_ctx(cb);
	struct drbd_resource *resource;
	struct drbd_device *device;
	unsigned long pos;
	int err;

	drbd_cfg_lock();
	cb->seq = drbd_cfg_generation();
	err = drbd_legacy_dump_start(skb, cb, DRBD_ADM_GET_DEVICES);
	if (err) {
		err = err < 0 ? err : 0;
		goto out;
	}
	if (!ctx->filtered) {
		for (pos = ctx->pos; (device = drbd_device_next(&pos)); ctx->pos = pos) {
			err = drbd_legacy_device_entry(skb, cb, device);
			if (err)
				break;
		}
		goto out;
	}
	resource = drbd_legacy_dump_resource(cb);
	if (!resource)
		goto out;
	xa_for_each_start(&resource->volumes, pos, device, ctx->pos) {
		err = drbd_legacy_device_entry(skb, cb, device);
		if (err)
			break;
		ctx->pos = pos + 1;
	}
out:
	drbd_cfg_unlock();
	return drbd_legacy_dump_end(skb, err);
}

static int drbd_legacy_connection_entry(struct sk_buff *skb,
					struct netlink_callback *cb,
					const struct drbd_connection *connection)
{
	void *dh = drbd_legacy_dump_hdr(skb, cb, DRBD_ADM_GET_CONNECTIONS,
					DRBD_LEGACY_NO_MINOR, NO_ERROR);
	struct nlattr *nest;

	if (!dh)
		return -EMSGSIZE;
	if (drbd_legacy_put_context_conn(skb, connection->resource, connection,
					 NULL) ||
	    drbd_legacy_put_net_conf(skb, &connection->net,
				     !capable(CAP_SYS_ADMIN)))
		goto cancel;
	nest = nla_nest_start(skb, DRBD_NLA_CONNECTION_INFO);
	if (!nest ||
	    nla_put_u32(skb, DRBD_A_CONNECTION_INFO_CONN_CONNECTION_STATE,
			drbd_legacy_conn_state(connection->cstate)) ||
	    nla_put_u32(skb, DRBD_A_CONNECTION_INFO_CONN_ROLE, R_UNKNOWN))
		goto cancel;
	nla_nest_end(skb, nest);
	nest = nla_nest_start(skb, DRBD_NLA_CONNECTION_STATISTICS);
	if (!nest ||
	    nla_put_u8(skb, DRBD_A_CONNECTION_STATISTICS_CONN_CONGESTED, 0))
		goto cancel;
	nla_nest_end(skb, nest);
	genlmsg_end(skb, dh);
	return 0;

cancel:
	genlmsg_cancel(skb, dh);
	return -EMSGSIZE;
}

/**
 * drbd_nl_get_connections_dumpit - GET_CONNECTIONS dump
 * @skb: the buffer for this part of the dump
 * @cb: the dump's state
 *
 * The 8.4 connection of every resource that has one (or of the filter's
 * resource): cfg-context with the addresses, net-conf, connection-info
 * and -statistics.
 *
 * Return: the length of this part, 0 when done, or a negative errno.
 */
int drbd_nl_get_connections_dumpit(struct sk_buff *skb,
				   struct netlink_callback *cb)
{
	struct drbd_legacy_dump_ctx *ctx = drbd_legacy_dump_ctx(cb);
	struct drbd_connection *connection;
	struct drbd_resource *resource;
	unsigned long pos;
	int err;

	drbd_cfg_lock();
	cb->seq = drbd_cfg_generation();
	err = drbd_legacy_dump_start(skb, cb, DRBD_ADM_GET_CONNECTIONS);
	if (err) {
		err = err < 0 ? err : 0;
		goto out;
	}
	if (ctx->filtered) {
		resource = drbd_legacy_dump_resource(cb);
		connection = resource ? drbd_resource_connection84(resource) : NULL;
		if (connection && !ctx->pos) {
			err = drbd_legacy_connection_entry(skb, cb, connection);
			if (!err)
				ctx->pos = 1;
		}
		goto out;
	}
	for (pos = ctx->pos; (resource = drbd_resource_next(&pos)); ctx->pos = pos) {
		connection = drbd_resource_connection84(resource);
		if (!connection)
			continue;
		err = drbd_legacy_connection_entry(skb, cb, connection);
		if (err)
			break;
	}
out:
	drbd_cfg_unlock();
	return drbd_legacy_dump_end(skb, err);
}

static int drbd_legacy_peer_device_entry(struct sk_buff *skb,
					 struct netlink_callback *cb,
					 const struct drbd_device *device,
					 const struct drbd_connection *connection)
{
	void *dh = drbd_legacy_dump_hdr(skb, cb, DRBD_ADM_GET_PEER_DEVICES,
					device->minor, NO_ERROR);

	if (!dh)
		return -EMSGSIZE;
	if (drbd_legacy_put_context_conn(skb, device->resource, connection,
					 device) ||
	    drbd_legacy_put_peer_device_state(skb, device,
					      device->peer_outdated)) {
		genlmsg_cancel(skb, dh);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, dh);
	return 0;
}

/**
 * drbd_nl_get_peer_devices_dumpit - GET_PEER_DEVICES dump
 * @skb: the buffer for this part of the dump
 * @cb: the dump's state
 *
 * One peer device per device whose resource has an 8.4 connection, in
 * minor order (or the filter's resource's, in volume order).
 *
 * Return: the length of this part, 0 when done, or a negative errno.
 */
int drbd_nl_get_peer_devices_dumpit(struct sk_buff *skb,
				    struct netlink_callback *cb)
{
	struct drbd_legacy_dump_ctx *ctx = drbd_legacy_dump_ctx(cb);
	struct drbd_connection *connection;
	struct drbd_resource *resource;
	struct drbd_device *device;
	unsigned long pos;
	int err;

	drbd_cfg_lock();
	cb->seq = drbd_cfg_generation();
	err = drbd_legacy_dump_start(skb, cb, DRBD_ADM_GET_PEER_DEVICES);
	if (err) {
		err = err < 0 ? err : 0;
		goto out;
	}
	if (!ctx->filtered) {
		for (pos = ctx->pos; (device = drbd_device_next(&pos)); ctx->pos = pos) {
			connection = drbd_resource_connection84(device->resource);
			if (!connection)
				continue;
			err = drbd_legacy_peer_device_entry(skb, cb, device,
							    connection);
			if (err)
				break;
		}
		goto out;
	}
	resource = drbd_legacy_dump_resource(cb);
	connection = resource ? drbd_resource_connection84(resource) : NULL;
	if (!connection)
		goto out;
	xa_for_each_start(&resource->volumes, pos, device, ctx->pos) {
		err = drbd_legacy_peer_device_entry(skb, cb, device, connection);
		if (err)
			break;
		ctx->pos = pos + 1;
	}
out:
	drbd_cfg_unlock();
	return drbd_legacy_dump_end(skb, err);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Legacy drbd family: finding the objects a request addresses (minor in the
 * fixed header, resource and volume in the cfg-context), with the in-tree
 * driver's ret_codes and texts; and the answer of commands that need state
 * this module does not model yet.
 */
#include <net/genetlink.h>

#include "drbd_nl_legacy.h"

/* the 8.4 connection with both addresses of the request (conn_get_by_addrs) */
static struct drbd_connection *
drbd_legacy_connection_by_addrs(const struct drbd_legacy_req *req)
{
	struct drbd_connection *connection;
	unsigned long res_pos = 0, peer_pos = 0;

	while ((connection = drbd_connection_next(&res_pos, &peer_pos))) {
		const struct drbd_path *path;

		if (!drbd_connection_is84(connection))
			continue;
		path = drbd_connection_first_path(connection);
		if (path->my_addr.len == nla_len(req->my_addr) &&
		    path->peer_addr.len == nla_len(req->peer_addr) &&
		    !memcmp(path->my_addr.addr, nla_data(req->my_addr),
			    path->my_addr.len) &&
		    !memcmp(path->peer_addr.addr, nla_data(req->peer_addr),
			    path->peer_addr.len))
			return connection;
	}
	return NULL;
}

/**
 * drbd_legacy_lookup - find and check the objects of a request
 * @req: the request
 * @scope: what the command needs
 * @objs: receives the objects (no references taken) and a failure text
 *
 * Context: control-path mutex held; the objects stay valid while it is.
 * Return: NO_ERROR or the ret_code to answer with (@objs->text explains).
 */
int drbd_legacy_lookup(const struct drbd_legacy_req *req,
		       enum drbd_legacy_scope scope,
		       struct drbd_legacy_objs *objs)
{
	struct drbd_device *device = drbd_device_lookup(req->minor);
	struct drbd_resource *resource = NULL;

	memset(objs, 0, sizeof(*objs));
	if (req->resource_name)
		resource = drbd_resource_lookup(req->resource_name);

	if (!device && (scope & DRBD_LEGACY_NEED_MINOR)) {
		objs->text = "unknown minor";
		return ERR_MINOR_INVALID;
	}
	if (!resource && (scope & DRBD_LEGACY_NEED_RESOURCE)) {
		objs->text = "unknown resource";
		return req->resource_name ? ERR_RES_NOT_KNOWN : ERR_INVALID_REQUEST;
	}
	if (scope & DRBD_LEGACY_NEED_CONNECTION) {
		if (resource) {
			objs->text = "no resource name expected";
			return ERR_INVALID_REQUEST;
		}
		if (device) {
			objs->text = "no minor number expected";
			return ERR_INVALID_REQUEST;
		}
		if (req->my_addr && req->peer_addr)
			objs->connection = drbd_legacy_connection_by_addrs(req);
		if (!objs->connection) {
			objs->text = "unknown connection";
			return ERR_INVALID_REQUEST;
		}
		objs->resource = objs->connection->resource;
		return NO_ERROR;
	}
	if (device && resource && device->resource != resource) {
		objs->text = "minor exists in different resource";
		return ERR_INVALID_REQUEST;
	}
	if (device && req->volume != DRBD_LEGACY_NO_VOLUME &&
	    req->volume != device->volume) {
		objs->text = "minor exists as different volume";
		return ERR_INVALID_REQUEST;
	}
	objs->device = device;
	objs->resource = resource ?: (device ? device->resource : NULL);
	return NO_ERROR;
}

/**
 * drbd_legacy_unsupported - answer a command this module cannot do yet
 * @skb: the request
 * @info: the request's attributes
 * @scope: what the command addresses
 *
 * Unknown objects get the in-tree answer (e.g. 127 "unknown minor"); for
 * existing ones the reply is ERR_INVALID_REQUEST with an explaining text.
 *
 * Return: 0 or a negative errno.
 */
int drbd_legacy_unsupported(struct sk_buff *skb, struct genl_info *info,
			    enum drbd_legacy_scope scope)
{
	struct drbd_legacy_objs objs;
	struct drbd_legacy_req req;
	int ret;

	ret = drbd_legacy_begin(&req, info);
	if (ret)
		return ret;
	drbd_cfg_lock();
	ret = drbd_legacy_lookup(&req, scope, &objs);
	drbd_cfg_unlock();
	if (ret != NO_ERROR)
		return drbd_legacy_finish(&req, ret, objs.text);
	return drbd_legacy_finish(&req, ERR_INVALID_REQUEST,
				  "not supported by this drbd module yet");
}

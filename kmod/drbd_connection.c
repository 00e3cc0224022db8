// SPDX-License-Identifier: GPL-2.0
/*
 * Connections of a resource to its peers: creation, deletion, lookup and
 * iteration. A connection is named by its resource and the peer's node id.
 * Paths, peer devices and the connection state machine build on this.
 */
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "drbd_compat.h"
#include "drbd_core.h"

static void drbd_connection_release(struct kref *kref)
{
	struct drbd_connection *connection =
		container_of(kref, struct drbd_connection, kref);

	drbd_resource_put(connection->resource);
	kfree(connection);
}

/**
 * drbd_connection_get - take a reference on a connection
 * @connection: the connection
 */
void drbd_connection_get(struct drbd_connection *connection)
{
	kref_get(&connection->kref);
}

/**
 * drbd_connection_put - drop a reference on a connection
 * @connection: the connection, may be NULL
 */
void drbd_connection_put(struct drbd_connection *connection)
{
	if (connection)
		kref_put(&connection->kref, drbd_connection_release);
}

/**
 * drbd_connection_lookup - find a connection by resource and peer node id
 * @resource_name: the resource's name
 * @peer_node_id: the peer's node id
 *
 * Context: control-path mutex held; the result stays valid while it is.
 * Return: the connection (no reference taken) or NULL.
 */
struct drbd_connection *drbd_connection_lookup(const char *resource_name,
					       u32 peer_node_id)
{
	struct drbd_resource *resource = drbd_resource_lookup(resource_name);

	return resource ? xa_load(&resource->connections, peer_node_id) : NULL;
}

/**
 * drbd_connection_next - iterate over all connections
 * @res_pos: resource cursor; start with 0
 * @peer_pos: peer node id cursor within the resource; start with 0
 *
 * Connections come in resource table order, then peer node id order. Both
 * cursors are advanced past the returned connection.
 *
 * Context: control-path mutex held.
 * Return: the next connection (no reference taken) or NULL.
 */
struct drbd_connection *drbd_connection_next(unsigned long *res_pos,
					     unsigned long *peer_pos)
{
	struct drbd_connection *connection;
	struct drbd_resource *resource;
	unsigned long pos;

	for (;;) {
		pos = *res_pos;
		resource = drbd_resource_next(&pos);
		if (!resource)
			return NULL;
		if (resource->id != *res_pos) {
			/* the cursor's resource is gone: start the next one */
			*res_pos = resource->id;
			*peer_pos = 0;
		}
		connection = xa_find(&resource->connections, peer_pos,
				     ULONG_MAX, XA_PRESENT);
		if (connection) {
			(*peer_pos)++;
			return connection;
		}
		/* this resource is done: the next one, from its first peer */
		*res_pos = pos;
		*peer_pos = 0;
	}
}

static enum drbd_reason
drbd_connection_check_config(const struct drbd_connection_config *cfg)
{
	size_t len;

	if (cfg->peer_node_id > DRBD_NODE_ID_MAX)
		return DRBD_R_PEER_NODE_ID_INVALID;
	len = cfg->name ? strnlen(cfg->name, DRBD_NAME_MAX + 1) : 0;
	if (len == 0 || len > DRBD_NAME_MAX)
		return DRBD_R_PEER_NAME_INVALID;
	if (cfg->net.protocol < DRBD_PROTOCOL_A || cfg->net.protocol > DRBD_PROTOCOL_C)
		return DRBD_R_PROTOCOL_INVALID;
	return DRBD_OK;
}

/**
 * drbd_connection_create - create the connection of a resource to a peer
 * @cfg: resource, peer node id, peer name, net options
 * @created: if not NULL, receives the new connection with a reference the
 *           caller must drop with drbd_connection_put()
 *
 * Announces %DRBD_EV_CONNECTION_CREATED.
 *
 * Return: %DRBD_OK or the reason of the failure.
 */
enum drbd_reason
drbd_connection_create(const struct drbd_connection_config *cfg,
		       struct drbd_connection **created)
{
	struct drbd_connection *connection;
	struct drbd_resource *resource;
	enum drbd_reason reason;

	reason = drbd_connection_check_config(cfg);
	if (reason)
		return reason;

	connection = kzalloc_obj(*connection, GFP_KERNEL);
	if (!connection)
		return DRBD_R_NOMEM;
	kref_init(&connection->kref);
	connection->peer_node_id = cfg->peer_node_id;
	strscpy(connection->name, cfg->name, sizeof(connection->name));
	connection->net = cfg->net;

	drbd_cfg_lock();
	resource = drbd_resource_lookup(cfg->resource);
	if (!resource) {
		reason = DRBD_R_RES_UNKNOWN;
		goto out_free;
	}
	if (cfg->peer_node_id == resource->node_id) {
		reason = DRBD_R_PEER_NODE_ID_INVALID;
		goto out_free;
	}
	if (xa_load(&resource->connections, cfg->peer_node_id)) {
		reason = DRBD_R_CONNECTION_EXISTS;
		goto out_free;
	}
	drbd_resource_get(resource);
	connection->resource = resource;
	if (xa_insert(&resource->connections, cfg->peer_node_id, connection,
		      GFP_KERNEL)) {
		reason = DRBD_R_NOMEM;
		goto out_put;
	}
	drbd_cfg_changed();
	drbd_notify(DRBD_EV_CONNECTION_CREATED,
		    &(struct drbd_event){ .resource = resource,
					  .connection = connection });
	if (created) {
		drbd_connection_get(connection);
		*created = connection;
	}
	drbd_cfg_unlock();
	return DRBD_OK;

out_free:
	drbd_cfg_unlock();
	kfree(connection);
	return reason;
out_put:
	drbd_cfg_unlock();
	drbd_connection_put(connection);
	return reason;
}

/**
 * drbd_connection_delete_locked - delete a connection
 * @connection: the connection
 *
 * Announces %DRBD_EV_CONNECTION_DESTROYED.
 *
 * Context: control-path mutex held; @connection is invalid afterwards
 *          unless the caller holds a reference.
 */
void drbd_connection_delete_locked(struct drbd_connection *connection)
{
	drbd_cfg_assert_held();
	xa_erase(&connection->resource->connections, connection->peer_node_id);
	drbd_cfg_changed();
	drbd_notify(DRBD_EV_CONNECTION_DESTROYED,
		    &(struct drbd_event){ .resource = connection->resource,
					  .connection = connection });
	drbd_connection_put(connection);
}

/**
 * drbd_connection_delete - delete a connection
 * @resource_name: the resource's name
 * @peer_node_id: the peer's node id
 *
 * Announces %DRBD_EV_CONNECTION_DESTROYED.
 *
 * Return: %DRBD_OK or the reason of the failure.
 */
enum drbd_reason drbd_connection_delete(const char *resource_name,
					u32 peer_node_id)
{
	struct drbd_connection *connection;
	enum drbd_reason reason = DRBD_OK;

	drbd_cfg_lock();
	if (!drbd_resource_lookup(resource_name)) {
		reason = DRBD_R_RES_UNKNOWN;
	} else {
		connection = drbd_connection_lookup(resource_name, peer_node_id);
		if (connection)
			drbd_connection_delete_locked(connection);
		else
			reason = DRBD_R_CONNECTION_UNKNOWN;
	}
	drbd_cfg_unlock();
	return reason;
}

/**
 * drbd_connections_destroy_all - delete all connections (module unload)
 */
void drbd_connections_destroy_all(void)
{
	struct drbd_connection *connection;
	unsigned long res_pos = 0, peer_pos = 0;

	drbd_cfg_lock();
	while ((connection = drbd_connection_next(&res_pos, &peer_pos)))
		drbd_connection_delete_locked(connection);
	drbd_cfg_unlock();
}

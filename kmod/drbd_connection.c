// SPDX-License-Identifier: GPL-2.0
/*
 * Connections of a resource to its peers: creation, deletion, lookup and
 * iteration. A connection is named by its resource and the peer's node id.
 * Paths (drbd_path.c) belong to a connection; connecting needs one. The
 * connection states without a data plane: StandAlone, Unconnected,
 * Connecting, Disconnecting (DRBD 9's connect and disconnect), each step a
 * state change of the resource; and the 8.4 view of a connection.
 */
#include <crypto/hash.h>
#include <linux/crypto.h>
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
	xa_destroy(&connection->peer_devices);
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
 * The net options must pass drbd_net_options_check().
 * Announces %DRBD_EV_CONNECTION_CREATED, then makes a peer device for each
 * device of the resource (%DRBD_EV_PEER_DEVICE_CREATED).
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
	INIT_LIST_HEAD(&connection->paths);
	xa_init(&connection->peer_devices);
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
	reason = drbd_net_options_check(resource, &cfg->net);
	if (reason)
		goto out_free;
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
	if (drbd_connection_peer_devices_create(connection)) {
		drbd_connection_delete_locked(connection);
		drbd_cfg_unlock();
		return DRBD_R_NOMEM;
	}
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
 * Removes its peer devices (%DRBD_EV_PEER_DEVICE_DESTROYED each) and paths
 * (%DRBD_EV_PATH_DESTROYED each), then announces
 * %DRBD_EV_CONNECTION_DESTROYED.
 *
 * Context: control-path mutex held; @connection is invalid afterwards
 *          unless the caller holds a reference.
 */
void drbd_connection_delete_locked(struct drbd_connection *connection)
{
	struct drbd_path *path;

	drbd_cfg_assert_held();
	drbd_connection_peer_devices_destroy(connection);
	while ((path = drbd_connection_first_path(connection)))
		drbd_path_destroy_locked(path);
	xa_erase(&connection->resource->connections, connection->peer_node_id);
	drbd_cfg_changed();
	drbd_notify(DRBD_EV_CONNECTION_DESTROYED,
		    &(struct drbd_event){ .resource = connection->resource,
					  .connection = connection });
	drbd_connection_put(connection);
}

/**
 * drbd_connection_delete - disconnect and delete a connection
 * @resource_name: the resource's name
 * @peer_node_id: the peer's node id
 *
 * A connection that is not StandAlone is disconnected first (DRBD 9's
 * del-peer); then its paths and the connection go
 * (%DRBD_EV_PATH_DESTROYED, %DRBD_EV_CONNECTION_DESTROYED).
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
		if (connection && connection->legacy84) {
			drbd_connection_disconnect84_locked(connection);
		} else if (connection) {
			drbd_connection_disconnect_locked(connection);
			drbd_connection_delete_locked(connection);
		} else {
			reason = DRBD_R_CONNECTION_UNKNOWN;
		}
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

/**
 * drbd_net_options_defaults - the 8.4 defaults of every net option
 * @net: receives them
 */
void drbd_net_options_defaults(struct drbd_net_options *net)
{
	static const u32 defaults[DRBD_NET_U32_COUNT] = {
		[DRBD_NET_CONNECT_INT]		= 10,
		[DRBD_NET_TIMEOUT]		= 60,
		[DRBD_NET_PING_INT]		= 10,
		[DRBD_NET_PING_TIMEO]		= 5,
		[DRBD_NET_KO_COUNT]		= 7,
		[DRBD_NET_MAX_BUFFERS]		= 2048,
		[DRBD_NET_MAX_EPOCH_SIZE]	= 2048,
		[DRBD_NET_UNPLUG_WATERMARK]	= 2048 / 16,
		[DRBD_NET_CONG_EXTENTS]		= 1237,
	};

	memset(net, 0, sizeof(*net));
	net->protocol = DRBD_PROTOCOL_C;
	memcpy(net->u32s, defaults, sizeof(net->u32s));
	net->tcp_cork = true;
	net->use_rle = true;
	net->fencing = DRBD_FENCING_DONT_CARE;
	net->allow_remote_read = true;
}

/**
 * drbd_connection_is84 - whether the 8.4 view shows a connection
 * @connection: the connection
 *
 * 8.4 knows one connection per resource, with exactly one pair of
 * addresses, which exists from connect to disconnect: one made by the
 * legacy connect, or a drbd2 connection with one path while it is not
 * StandAlone (a StandAlone connection does not exist in 8.4).
 *
 * Context: control-path mutex held.
 * Return: true if it does.
 */
bool drbd_connection_is84(const struct drbd_connection *connection)
{
	return connection->legacy84 ||
	       (connection->n_paths == 1 &&
		connection->cstate != DRBD_CONN_STANDALONE);
}

/**
 * drbd_resource_connection84 - the 8.4 connection of a resource
 * @resource: the resource
 *
 * The first connection drbd_connection_is84() accepts; other connections
 * are not part of the 8.4 view.
 *
 * Context: control-path mutex held.
 * Return: the connection (no reference taken) or NULL.
 */
struct drbd_connection *drbd_resource_connection84(struct drbd_resource *resource)
{
	struct drbd_connection *connection;
	unsigned long index;

	xa_for_each(&resource->connections, index, connection)
		if (drbd_connection_is84(connection))
			return connection;
	return NULL;
}

/**
 * drbd_resource_cstate - the state of a resource's 8.4 connection
 * @resource: the resource
 *
 * Context: control-path mutex held.
 * Return: its state, StandAlone without one.
 */
enum drbd_conn_state drbd_resource_cstate(const struct drbd_resource *resource)
{
	struct drbd_connection *connection;

	connection = drbd_resource_connection84((struct drbd_resource *)resource);
	return connection ? connection->cstate : DRBD_CONN_STANDALONE;
}

static bool drbd_hash_available(const char *name, bool hmac)
{
	char buf[CRYPTO_MAX_ALG_NAME];

	if (!name[0])
		return true;
	if (hmac) {
		snprintf(buf, sizeof(buf), "hmac(%s)", name);
		name = buf;
	}
	return crypto_has_shash(name, 0, 0);
}

/**
 * drbd_net_options_check - the 8.4 checks of net options
 * @resource: the resource of the connection they are for
 * @net: the options
 *
 * In-tree _check_net_options() for a connection without a peer, then the
 * hashes (in-tree alloc_crypto(): csums, verify, integrity, cram-hmac).
 *
 * Context: control-path mutex held.
 * Return: %DRBD_OK or the reason.
 */
enum drbd_reason drbd_net_options_check(struct drbd_resource *resource,
					const struct drbd_net_options *net)
{
	struct drbd_device *device;
	unsigned long vnr;

	if (net->allow_two_primaries && net->protocol != DRBD_PROTOCOL_C)
		return DRBD_R_NOT_PROTO_C;
	xa_for_each(&resource->volumes, vnr, device) {
		if (device->ldev && net->protocol == DRBD_PROTOCOL_A &&
		    device->ldev->options.fencing ==
		    DRBD_FENCING_RESOURCE_AND_STONITH)
			return DRBD_R_STONITH_PROTO_A;
		if (resource->role == DRBD_ROLE_PRIMARY && net->discard_my_data)
			return DRBD_R_DISCARD_PRIMARY;
	}
	if (net->u32s[DRBD_NET_ON_CONGESTION] != DRBD_ON_CONGESTION_BLOCK &&
	    net->protocol != DRBD_PROTOCOL_A)
		return DRBD_R_CONG_NOT_PROTO_A;
	if (!drbd_hash_available(net->csums_alg, false))
		return DRBD_R_CSUMS_ALG;
	if (!drbd_hash_available(net->verify_alg, false))
		return DRBD_R_VERIFY_ALG;
	if (!drbd_hash_available(net->integrity_alg, false))
		return DRBD_R_INTEGRITY_ALG;
	if (!drbd_hash_available(net->cram_hmac_alg, true))
		return DRBD_R_AUTH_ALG;
	return DRBD_OK;
}

/**
 * drbd_connection_set_options_locked - replace the net options of a connection
 * @connection: the connection
 * @net: the new options (all of them)
 *
 * The options must pass drbd_net_options_check(); nothing changes
 * otherwise. Announces %DRBD_EV_CONNECTION_CHANGED.
 *
 * Context: control-path mutex held.
 * Return: %DRBD_OK or the reason of the failure.
 */
enum drbd_reason
drbd_connection_set_options_locked(struct drbd_connection *connection,
				   const struct drbd_net_options *net)
{
	enum drbd_reason reason;

	drbd_cfg_assert_held();
	reason = drbd_net_options_check(connection->resource, net);
	if (reason)
		return reason;
	connection->net = *net;
	drbd_cfg_changed();
	drbd_notify(DRBD_EV_CONNECTION_CHANGED,
		    &(struct drbd_event){ .resource = connection->resource,
					  .connection = connection });
	return DRBD_OK;
}

/* one step of the connection state, announced as a state change */
static void drbd_connection_set_cstate(struct drbd_connection *connection,
				       enum drbd_conn_state cstate)
{
	struct drbd_state_change *sc;

	sc = drbd_state_change_begin(connection->resource);
	connection->cstate = cstate;
	drbd_state_change_end(sc);
}

/**
 * drbd_resource_connect84_locked - configure the 8.4 connection and connect
 * @resource: the resource
 * @my_addr: the local address
 * @peer_addr: the peer's address
 * @net: the net options
 *
 * As the in-tree 8.4 connect: neither address may be used by another
 * connection, the resource must not have an 8.4 connection already, the
 * options must pass drbd_net_options_check(). Creates the connection
 * (%DRBD_EV_CONNECTION_CREATED; peer node id: the lowest free one, name
 * "peer") with one path of the two addresses (%DRBD_EV_PATH_CREATED; the
 * addresses are taken as they come, as in 8.4) and takes it from StandAlone to Unconnected to Connecting, each
 * a state change. There is no data plane yet: it stays Connecting.
 *
 * Context: control-path mutex held.
 * Return: %DRBD_OK or the reason.
 */
enum drbd_reason
drbd_resource_connect84_locked(struct drbd_resource *resource,
			       const struct drbd_addr *my_addr,
			       const struct drbd_addr *peer_addr,
			       const struct drbd_net_options *net)
{
	struct drbd_connection *connection;
	unsigned long res_pos = 0, peer_pos = 0;
	struct drbd_path *path;
	enum drbd_reason reason;
	u32 id;

	drbd_cfg_assert_held();
	/* in-tree, an empty address equals that of an unconfigured connection */
	if (!my_addr->len)
		return DRBD_R_LOCAL_ADDR;
	if (!peer_addr->len)
		return DRBD_R_PEER_ADDR;
	while ((connection = drbd_connection_next(&res_pos, &peer_pos))) {
		list_for_each_entry(path, &connection->paths, list) {
			if (drbd_addr_equal(&path->my_addr, my_addr))
				return DRBD_R_LOCAL_ADDR;
			if (drbd_addr_equal(&path->peer_addr, peer_addr))
				return DRBD_R_PEER_ADDR;
		}
	}
	if (drbd_resource_connection84(resource))
		return DRBD_R_NET_CONFIGURED;
	reason = drbd_net_options_check(resource, net);
	if (reason)
		return reason;
	for (id = 0; id <= DRBD_NODE_ID_MAX; id++)
		if (id != resource->node_id &&
		    !xa_load(&resource->connections, id))
			break;
	if (id > DRBD_NODE_ID_MAX)
		return DRBD_R_PEER_NODE_ID_INVALID;

	connection = kzalloc_obj(*connection, GFP_KERNEL);
	if (!connection)
		return DRBD_R_NOMEM;
	path = kzalloc_obj(*path, GFP_KERNEL);
	if (!path) {
		kfree(connection);
		return DRBD_R_NOMEM;
	}
	kref_init(&connection->kref);
	INIT_LIST_HEAD(&connection->paths);
	xa_init(&connection->peer_devices);
	connection->peer_node_id = id;
	strscpy(connection->name, "peer", sizeof(connection->name));
	connection->net = *net;
	connection->net.shared_secret[DRBD_NET_STR_MAX - 1] = 0;
	connection->cstate = DRBD_CONN_STANDALONE;
	connection->legacy84 = true;
	path->connection = connection;
	path->my_addr = *my_addr;
	path->peer_addr = *peer_addr;
	drbd_resource_get(resource);
	connection->resource = resource;
	if (xa_insert(&resource->connections, id, connection, GFP_KERNEL)) {
		kfree(path);
		drbd_connection_put(connection);
		return DRBD_R_NOMEM;
	}
	/* the 8.4 address checks are stricter than the path's own */
	list_add_tail(&path->list, &connection->paths);
	connection->n_paths = 1;
	drbd_cfg_changed();
	drbd_notify(DRBD_EV_CONNECTION_CREATED,
		    &(struct drbd_event){ .resource = resource,
					  .connection = connection });
	if (drbd_connection_peer_devices_create(connection)) {
		drbd_connection_delete_locked(connection);
		return DRBD_R_NOMEM;
	}
	drbd_notify(DRBD_EV_PATH_CREATED,
		    &(struct drbd_event){ .resource = resource,
					  .connection = connection,
					  .path = path });
	drbd_connection_set_cstate(connection, DRBD_CONN_UNCONNECTED);
	drbd_connection_set_cstate(connection, DRBD_CONN_CONNECTING);
	return DRBD_OK;
}

/**
 * drbd_connection_disconnect84_locked - disconnect and remove a connection
 * @connection: the connection
 *
 * As 8.4's disconnect: to Disconnecting, to StandAlone (each a state
 * change), then the connection (its path, net options) is deleted.
 *
 * Context: control-path mutex held; @connection is invalid afterwards.
 */
void drbd_connection_disconnect84_locked(struct drbd_connection *connection)
{
	drbd_cfg_assert_held();
	if (connection->cstate != DRBD_CONN_STANDALONE) {
		drbd_connection_set_cstate(connection, DRBD_CONN_DISCONNECTING);
		drbd_connection_set_cstate(connection, DRBD_CONN_STANDALONE);
	}
	drbd_connection_delete_locked(connection);
}

/**
 * drbd_connection_connect_locked - connect a connection (DRBD 9)
 * @connection: the connection
 *
 * Needs at least one path and net options that pass
 * drbd_net_options_check(). StandAlone -> Unconnected -> Connecting, each
 * a state change; without a data plane it stays Connecting. Connecting a
 * connection that is not StandAlone changes nothing.
 *
 * Context: control-path mutex held.
 * Return: %DRBD_OK or the reason.
 */
enum drbd_reason drbd_connection_connect_locked(struct drbd_connection *connection)
{
	enum drbd_reason reason;

	drbd_cfg_assert_held();
	if (connection->cstate != DRBD_CONN_STANDALONE)
		return DRBD_OK;
	if (!connection->n_paths)
		return DRBD_R_NO_PATH;
	reason = drbd_net_options_check(connection->resource, &connection->net);
	if (reason)
		return reason;
	drbd_connection_set_cstate(connection, DRBD_CONN_UNCONNECTED);
	drbd_connection_set_cstate(connection, DRBD_CONN_CONNECTING);
	return DRBD_OK;
}

/**
 * drbd_connection_disconnect_locked - disconnect a connection (DRBD 9)
 * @connection: the connection
 *
 * -> Disconnecting -> StandAlone, each a state change; the connection and
 * its paths stay. A StandAlone connection is left alone.
 *
 * Context: control-path mutex held.
 */
void drbd_connection_disconnect_locked(struct drbd_connection *connection)
{
	drbd_cfg_assert_held();
	if (connection->cstate == DRBD_CONN_STANDALONE)
		return;
	drbd_connection_set_cstate(connection, DRBD_CONN_DISCONNECTING);
	drbd_connection_set_cstate(connection, DRBD_CONN_STANDALONE);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Paths of a connection: pairs of a local and a peer socket address
 * (IPv4 or IPv6). A pair of addresses is used by one path only, across
 * all resources.
 */
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/string.h>

#include "drbd_compat.h"
#include "drbd_core.h"

/**
 * drbd_addr_equal - whether two addresses are set and the same
 * @a: an address
 * @b: another one
 *
 * Return: true if both have the same length (not 0) and bytes.
 */
bool drbd_addr_equal(const struct drbd_addr *a, const struct drbd_addr *b)
{
	return a->len && a->len == b->len && !memcmp(a->addr, b->addr, a->len);
}

static sa_family_t drbd_addr_family(const struct drbd_addr *addr)
{
	const struct sockaddr *sa = (const struct sockaddr *)addr->addr;

	if (addr->len == sizeof(struct sockaddr_in) && sa->sa_family == AF_INET)
		return AF_INET;
	if (addr->len == sizeof(struct sockaddr_in6) && sa->sa_family == AF_INET6)
		return AF_INET6;
	return AF_UNSPEC;
}

/**
 * drbd_path_addrs_check - check the addresses of a new path
 * @my_addr: the local address
 * @peer_addr: the peer's address
 *
 * Each must be a struct sockaddr_in or struct sockaddr_in6 of exactly its
 * size with the matching family; both of the same family.
 *
 * Return: %DRBD_OK or %DRBD_R_ADDR_INVALID.
 */
enum drbd_reason drbd_path_addrs_check(const struct drbd_addr *my_addr,
				       const struct drbd_addr *peer_addr)
{
	sa_family_t family = drbd_addr_family(my_addr);

	if (family == AF_UNSPEC || family != drbd_addr_family(peer_addr))
		return DRBD_R_ADDR_INVALID;
	return DRBD_OK;
}

/**
 * drbd_connection_first_path - the first path of a connection
 * @connection: the connection
 *
 * Context: control-path mutex held.
 * Return: the path or NULL.
 */
struct drbd_path *drbd_connection_first_path(const struct drbd_connection *connection)
{
	if (list_empty(&connection->paths))
		return NULL;
	return list_first_entry(&connection->paths, struct drbd_path, list);
}

/**
 * drbd_path_lookup - a path of a connection by its addresses
 * @connection: the connection
 * @my_addr: the local address
 * @peer_addr: the peer's address
 *
 * Context: control-path mutex held.
 * Return: the path or NULL.
 */
struct drbd_path *drbd_path_lookup(struct drbd_connection *connection,
				   const struct drbd_addr *my_addr,
				   const struct drbd_addr *peer_addr)
{
	struct drbd_path *path;

	list_for_each_entry(path, &connection->paths, list)
		if (drbd_addr_equal(&path->my_addr, my_addr) &&
		    drbd_addr_equal(&path->peer_addr, peer_addr))
			return path;
	return NULL;
}

/**
 * drbd_path_find - the path with a pair of addresses, in any resource
 * @my_addr: the local address
 * @peer_addr: the peer's address
 *
 * Context: control-path mutex held.
 * Return: the path or NULL.
 */
struct drbd_path *drbd_path_find(const struct drbd_addr *my_addr,
				 const struct drbd_addr *peer_addr)
{
	struct drbd_connection *connection;
	unsigned long res_pos = 0, peer_pos = 0;
	struct drbd_path *path;

	while ((connection = drbd_connection_next(&res_pos, &peer_pos))) {
		path = drbd_path_lookup(connection, my_addr, peer_addr);
		if (path)
			return path;
	}
	return NULL;
}

/**
 * drbd_path_create_locked - add a path to a connection
 * @connection: the connection
 * @my_addr: the local address
 * @peer_addr: the peer's address
 * @created: if not NULL, receives the path (no reference: it is valid
 *           while the control-path mutex is held)
 *
 * Checks the addresses (drbd_path_addrs_check()) and that no path of any
 * resource has the same pair. Announces %DRBD_EV_PATH_CREATED.
 *
 * Context: control-path mutex held.
 * Return: %DRBD_OK or the reason.
 */
enum drbd_reason drbd_path_create_locked(struct drbd_connection *connection,
					 const struct drbd_addr *my_addr,
					 const struct drbd_addr *peer_addr,
					 struct drbd_path **created)
{
	struct drbd_path *path;
	enum drbd_reason reason;

	drbd_cfg_assert_held();
	reason = drbd_path_addrs_check(my_addr, peer_addr);
	if (reason)
		return reason;
	if (drbd_path_find(my_addr, peer_addr))
		return DRBD_R_PATH_EXISTS;
	if (connection->n_paths >= DRBD_PATHS_MAX)
		return DRBD_R_PATHS_FULL;
	path = kzalloc_obj(*path, GFP_KERNEL);
	if (!path)
		return DRBD_R_NOMEM;
	path->connection = connection;
	path->my_addr = *my_addr;
	path->peer_addr = *peer_addr;
	list_add_tail(&path->list, &connection->paths);
	connection->n_paths++;
	drbd_cfg_changed();
	drbd_notify(DRBD_EV_PATH_CREATED,
		    &(struct drbd_event){ .resource = connection->resource,
					  .connection = connection,
					  .path = path });
	if (created)
		*created = path;
	return DRBD_OK;
}

/**
 * drbd_path_destroy_locked - remove a path unconditionally
 * @path: the path; freed here
 *
 * Announces %DRBD_EV_PATH_DESTROYED.
 *
 * Context: control-path mutex held.
 */
void drbd_path_destroy_locked(struct drbd_path *path)
{
	struct drbd_connection *connection = path->connection;

	drbd_cfg_assert_held();
	list_del(&path->list);
	connection->n_paths--;
	drbd_cfg_changed();
	drbd_notify(DRBD_EV_PATH_DESTROYED,
		    &(struct drbd_event){ .resource = connection->resource,
					  .connection = connection,
					  .path = path });
	kfree(path);
}

/**
 * drbd_path_delete_locked - remove a path of a connection
 * @path: the path
 *
 * The last path of a connection that is not StandAlone stays (DRBD 9:
 * disconnect first).
 *
 * Context: control-path mutex held.
 * Return: %DRBD_OK or %DRBD_R_PATH_IN_USE.
 */
enum drbd_reason drbd_path_delete_locked(struct drbd_path *path)
{
	struct drbd_connection *connection = path->connection;

	if (connection->n_paths == 1 &&
	    connection->cstate != DRBD_CONN_STANDALONE)
		return DRBD_R_PATH_IN_USE;
	drbd_path_destroy_locked(path);
	return DRBD_OK;
}

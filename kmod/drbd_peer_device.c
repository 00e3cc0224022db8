// SPDX-License-Identifier: GPL-2.0
/*
 * Peer devices: one per (connection, device) of a resource, made with the
 * connection or the device, whichever comes second, and deleted with
 * either. Without a data plane their state is fixed (peer disk DUnknown,
 * replication Off, nothing suspended, counters 0); their options are kept.
 */
#include <linux/slab.h>
#include <linux/xarray.h>

#include "drbd_compat.h"
#include "drbd_core.h"

/**
 * drbd_peer_device_options_defaults - DRBD 9's peer-device-options defaults
 * @opts: receives them
 */
void drbd_peer_device_options_defaults(struct drbd_peer_device_options *opts)
{
	*opts = (struct drbd_peer_device_options){
		.resync_rate	= 250,
		.c_plan_ahead	= 20,
		.c_delay_target	= 10,
		.c_fill_target	= 100,
		.c_max_rate	= 102400,
		.c_min_rate	= 250,
		.bitmap		= true,
	};
}

/**
 * drbd_peer_device_options_check - DRBD 9's ranges of peer-device-options
 * @opts: the options
 *
 * Return: %DRBD_OK or %DRBD_R_OPTION_RANGE.
 */
enum drbd_reason
drbd_peer_device_options_check(const struct drbd_peer_device_options *opts)
{
	if (opts->resync_rate < 1 || opts->resync_rate > 8388608 ||
	    opts->c_plan_ahead > 300 ||
	    opts->c_delay_target < 1 || opts->c_delay_target > 100 ||
	    opts->c_fill_target > 1048576 ||
	    opts->c_max_rate > 4194304 || opts->c_min_rate > 4194304)
		return DRBD_R_OPTION_RANGE;
	return DRBD_OK;
}

static int drbd_peer_device_create(struct drbd_connection *connection,
				   struct drbd_device *device)
{
	struct drbd_peer_device *peer_device;

	peer_device = kzalloc_obj(*peer_device, GFP_KERNEL);
	if (!peer_device)
		return -ENOMEM;
	peer_device->connection = connection;
	peer_device->device = device;
	peer_device->peer_disk = DRBD_DISK_UNKNOWN;
	peer_device->repl_state = DRBD_REPL_OFF;
	drbd_peer_device_options_defaults(&peer_device->options);
	if (xa_insert(&connection->peer_devices, device->volume, peer_device,
		      GFP_KERNEL)) {
		kfree(peer_device);
		return -ENOMEM;
	}
	drbd_notify(DRBD_EV_PEER_DEVICE_CREATED,
		    &(struct drbd_event){ .resource = connection->resource,
					  .connection = connection,
					  .device = device,
					  .peer_device = peer_device });
	return 0;
}

static void drbd_peer_device_destroy(struct drbd_peer_device *peer_device)
{
	struct drbd_connection *connection = peer_device->connection;

	xa_erase(&connection->peer_devices, peer_device->device->volume);
	drbd_notify(DRBD_EV_PEER_DEVICE_DESTROYED,
		    &(struct drbd_event){ .resource = connection->resource,
					  .connection = connection,
					  .device = peer_device->device,
					  .peer_device = peer_device });
	kfree(peer_device);
}

/**
 * drbd_connection_peer_devices_create - a peer device for each device
 * @connection: a new connection, in its resource's table
 *
 * Announces %DRBD_EV_PEER_DEVICE_CREATED for each.
 *
 * Context: control-path mutex held.
 * Return: 0 or -ENOMEM (the caller deletes the connection).
 */
int drbd_connection_peer_devices_create(struct drbd_connection *connection)
{
	struct drbd_device *device;
	unsigned long vnr;

	xa_for_each(&connection->resource->volumes, vnr, device)
		if (drbd_peer_device_create(connection, device))
			return -ENOMEM;
	return 0;
}

/**
 * drbd_connection_peer_devices_destroy - delete a connection's peer devices
 * @connection: the connection
 *
 * Announces %DRBD_EV_PEER_DEVICE_DESTROYED for each.
 *
 * Context: control-path mutex held.
 */
void drbd_connection_peer_devices_destroy(struct drbd_connection *connection)
{
	struct drbd_peer_device *peer_device;
	unsigned long vnr;

	xa_for_each(&connection->peer_devices, vnr, peer_device)
		drbd_peer_device_destroy(peer_device);
}

/**
 * drbd_device_peer_devices_create - a peer device for each connection
 * @device: a new device, in its resource's table
 *
 * Announces %DRBD_EV_PEER_DEVICE_CREATED for each.
 *
 * Context: control-path mutex held.
 * Return: 0 or -ENOMEM (the caller deletes the device).
 */
int drbd_device_peer_devices_create(struct drbd_device *device)
{
	struct drbd_connection *connection;
	unsigned long peer;

	xa_for_each(&device->resource->connections, peer, connection)
		if (drbd_peer_device_create(connection, device))
			return -ENOMEM;
	return 0;
}

/**
 * drbd_device_peer_devices_destroy - delete a device's peer devices
 * @device: the device
 *
 * Announces %DRBD_EV_PEER_DEVICE_DESTROYED for each.
 *
 * Context: control-path mutex held.
 */
void drbd_device_peer_devices_destroy(struct drbd_device *device)
{
	struct drbd_connection *connection;
	struct drbd_peer_device *peer_device;
	unsigned long peer;

	xa_for_each(&device->resource->connections, peer, connection) {
		peer_device = xa_load(&connection->peer_devices, device->volume);
		if (peer_device && peer_device->device == device)
			drbd_peer_device_destroy(peer_device);
	}
}

/**
 * drbd_peer_device_lookup - the peer device of a connection and volume
 * @connection: the connection
 * @volume: the volume number
 *
 * Context: control-path mutex held.
 * Return: the peer device or NULL.
 */
struct drbd_peer_device *drbd_peer_device_lookup(struct drbd_connection *connection,
						 u32 volume)
{
	return xa_load(&connection->peer_devices, volume);
}

/**
 * drbd_peer_device_set_options_locked - change a peer device's options
 * @peer_device: the peer device
 * @opts: the new options (all of them)
 *
 * Announces %DRBD_EV_PEER_DEVICE_CHANGED.
 *
 * Context: control-path mutex held.
 * Return: %DRBD_OK or %DRBD_R_OPTION_RANGE.
 */
enum drbd_reason
drbd_peer_device_set_options_locked(struct drbd_peer_device *peer_device,
				    const struct drbd_peer_device_options *opts)
{
	enum drbd_reason reason = drbd_peer_device_options_check(opts);

	if (reason)
		return reason;
	peer_device->options = *opts;
	drbd_cfg_changed();
	drbd_notify(DRBD_EV_PEER_DEVICE_CHANGED,
		    &(struct drbd_event){ .resource = peer_device->device->resource,
					  .connection = peer_device->connection,
					  .device = peer_device->device,
					  .peer_device = peer_device });
	return DRBD_OK;
}

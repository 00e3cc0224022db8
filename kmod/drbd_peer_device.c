// SPDX-License-Identifier: GPL-2.0
/*
 * Peer devices: one per (connection, device) of a resource, made with the
 * connection or the device, whichever comes second, and deleted with
 * either. Without a data plane their state is fixed (peer disk DUnknown,
 * replication Off, counters 0) but for the user's resync pause; their
 * options are kept. Resync and online verify need an established
 * connection and are refused.
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

/**
 * drbd_peer_device_connected - whether the peer device's connection is
 *                              established
 * @peer_device: the peer device
 *
 * There is no data plane yet: a connection goes no further than
 * Connecting, so this is false for every peer device.
 *
 * Return: whether resync and online verify could start.
 */
bool drbd_peer_device_connected(const struct drbd_peer_device *peer_device)
{
	return peer_device->connection->cstate > DRBD_CONN_CONNECTING;
}

/**
 * drbd_peer_device_invalidate_locked - make the peer the target of a resync
 * @peer_device: the peer device
 * @reset_bitmap: mark all data out of sync for the peer first
 *
 * DRBD 9's invalidate-remote: needs an established connection.
 *
 * Context: control-path mutex held.
 * Return: %DRBD_R_NOT_CONNECTED (always, without a data plane).
 */
enum drbd_reason
drbd_peer_device_invalidate_locked(struct drbd_peer_device *peer_device,
				   bool reset_bitmap)
{
	drbd_cfg_assert_held();
	if (!drbd_peer_device_connected(peer_device))
		return DRBD_R_NOT_CONNECTED;
	return DRBD_R_NOT_SUPPORTED;
}

/**
 * drbd_peer_device_verify_locked - start online verify with the peer
 * @peer_device: the peer device
 * @start_sector: where to start
 * @stop_sector: where to stop (U64_MAX: the end of the device)
 *
 * DRBD 9's verify: needs an established connection.
 *
 * Context: control-path mutex held.
 * Return: %DRBD_R_OPTION_RANGE (@stop_sector below @start_sector) or
 *         %DRBD_R_NOT_CONNECTED (always, without a data plane).
 */
enum drbd_reason drbd_peer_device_verify_locked(struct drbd_peer_device *peer_device,
						u64 start_sector, u64 stop_sector)
{
	drbd_cfg_assert_held();
	if (stop_sector < start_sector)
		return DRBD_R_OPTION_RANGE;
	if (!drbd_peer_device_connected(peer_device))
		return DRBD_R_NOT_CONNECTED;
	return DRBD_R_NOT_SUPPORTED;
}

/**
 * drbd_peer_device_pause_sync_locked - set or clear the user's resync pause
 * @peer_device: the peer device
 * @pause: true to pause (pause-sync), false to resume (resume-sync)
 *
 * Announces %DRBD_EV_PEER_DEVICE_CHANGED.
 *
 * Context: control-path mutex held.
 * Return: %DRBD_OK, %DRBD_R_PAUSE_IS_SET (pausing a paused resync) or
 *         %DRBD_R_PAUSE_IS_CLEAR (resuming one that is not paused).
 */
enum drbd_reason drbd_peer_device_pause_sync_locked(struct drbd_peer_device *peer_device,
						    bool pause)
{
	drbd_cfg_assert_held();
	if (peer_device->resync_susp_user == pause)
		return pause ? DRBD_R_PAUSE_IS_SET : DRBD_R_PAUSE_IS_CLEAR;
	peer_device->resync_susp_user = pause;
	drbd_notify(DRBD_EV_PEER_DEVICE_CHANGED,
		    &(struct drbd_event){ .resource = peer_device->device->resource,
					  .connection = peer_device->connection,
					  .device = peer_device->device,
					  .peer_device = peer_device });
	return DRBD_OK;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Devices (volumes of a resource): creation, deletion, lookup, iteration.
 */
#include <linux/gfp.h>
#include <linux/slab.h>

#include "drbd_compat.h"
#include "drbd_core.h"

/* minor -> struct drbd_device; holds one reference per entry */
static DEFINE_XARRAY(drbd_minors);

static void drbd_device_release(struct kref *kref)
{
	struct drbd_device *device =
		container_of(kref, struct drbd_device, kref);

	drbd_resource_put(device->resource);
	kfree(device);
}

/**
 * drbd_device_get - take a reference on a device
 * @device: the device
 */
void drbd_device_get(struct drbd_device *device)
{
	kref_get(&device->kref);
}

/**
 * drbd_device_put - drop a reference on a device
 * @device: the device, may be NULL
 */
void drbd_device_put(struct drbd_device *device)
{
	if (device)
		kref_put(&device->kref, drbd_device_release);
}

/**
 * drbd_device_lookup - find a device by minor number
 * @minor: the minor
 *
 * Context: control-path mutex held; the result stays valid while it is.
 * Return: the device (no reference taken) or NULL.
 */
struct drbd_device *drbd_device_lookup(u32 minor)
{
	drbd_cfg_assert_held();
	return xa_load(&drbd_minors, minor);
}

/**
 * drbd_device_next - iterate over devices in minor order
 * @pos: cursor; start with 0, advanced past the returned device
 *
 * Context: control-path mutex held.
 * Return: the first device with minor >= @pos (no reference taken) or NULL.
 */
struct drbd_device *drbd_device_next(unsigned long *pos)
{
	struct drbd_device *device;

	drbd_cfg_assert_held();
	device = xa_find(&drbd_minors, pos, ULONG_MAX, XA_PRESENT);
	if (device)
		(*pos)++;
	return device;
}

static struct drbd_device *drbd_device_alloc(struct drbd_resource *resource,
					     u32 volume, u32 minor)
{
	struct drbd_device *device;

	device = kzalloc_obj(*device, GFP_KERNEL);
	if (!device)
		return NULL;
	kref_init(&device->kref);
	spin_lock_init(&device->open_lock);
	spin_lock_init(&device->io_lock);
	init_waitqueue_head(&device->io_wait);
	drbd_resource_get(resource);
	device->resource = resource;
	device->volume = volume;
	device->minor = minor;
	return device;
}

/**
 * drbd_device_create - create a device in a resource, with /dev/drbd<minor>
 * @resource_name: the resource
 * @volume: volume number, unique within the resource
 * @minor: minor number, unique system-wide
 * @created: if not NULL, receives the new device with a reference the
 *           caller must drop with drbd_device_put()
 *
 * The device starts diskless: I/O to its block device fails.
 * Announces %DRBD_EV_DEVICE_CREATED, then makes a peer device for each
 * connection of the resource (%DRBD_EV_PEER_DEVICE_CREATED).
 *
 * Return: %DRBD_OK or the reason of the failure.
 */
enum drbd_reason drbd_device_create(const char *resource_name, u32 volume,
				    u32 minor, struct drbd_device **created)
{
	struct drbd_resource *resource;
	struct drbd_device *device;
	enum drbd_reason reason;

	if (minor > DRBD_MINOR_MAX)
		return DRBD_R_MINOR_INVALID;
	if (volume > DRBD_VOLUME_MAX)
		return DRBD_R_VOLUME_INVALID;

	drbd_cfg_lock();
	resource = drbd_resource_lookup(resource_name);
	if (!resource) {
		reason = DRBD_R_RES_UNKNOWN;
		goto out_unlock;
	}
	if (xa_load(&drbd_minors, minor)) {
		reason = DRBD_R_MINOR_EXISTS;
		goto out_unlock;
	}
	if (xa_load(&resource->volumes, volume)) {
		reason = DRBD_R_VOLUME_EXISTS;
		goto out_unlock;
	}

	reason = DRBD_R_NOMEM;
	device = drbd_device_alloc(resource, volume, minor);
	if (!device)
		goto out_unlock;
	if (xa_insert(&drbd_minors, minor, device, GFP_KERNEL))
		goto out_put;
	if (xa_insert(&resource->volumes, volume, device, GFP_KERNEL))
		goto out_erase_minor;
	if (drbd_bdev_create(device)) {
		reason = DRBD_R_BDEV_FAILED;
		goto out_erase_volume;
	}

	drbd_cfg_changed();
	drbd_notify(DRBD_EV_DEVICE_CREATED,
		    &(struct drbd_event){ .resource = resource, .device = device });
	if (drbd_device_peer_devices_create(device)) {
		drbd_device_delete_locked(device);
		drbd_cfg_unlock();
		return DRBD_R_NOMEM;
	}
	if (created) {
		drbd_device_get(device);
		*created = device;
	}
	drbd_cfg_unlock();
	return DRBD_OK;

out_erase_volume:
	xa_erase(&resource->volumes, volume);
out_erase_minor:
	xa_erase(&drbd_minors, minor);
out_put:
	drbd_device_put(device);
out_unlock:
	drbd_cfg_unlock();
	return reason;
}

/* Context: control-path mutex held, drbd_bdev_begin_delete() succeeded. */
static void drbd_device_destroy(struct drbd_device *device)
{
	if (device->ldev)
		drbd_device_detach_locked(device, true);
	drbd_device_peer_devices_destroy(device);
	drbd_bdev_delete(device);
	xa_erase(&device->resource->volumes, device->volume);
	xa_erase(&drbd_minors, device->minor);
	drbd_cfg_changed();
	drbd_notify(DRBD_EV_DEVICE_DESTROYED,
		    &(struct drbd_event){ .resource = device->resource,
					  .device = device });
	drbd_device_put(device);
}

/**
 * drbd_device_delete_locked - delete a device and its block device
 * @device: the device
 *
 * Fails while the block device is open; an attached disk is detached.
 * Announces %DRBD_EV_DEVICE_DESTROYED.
 *
 * Context: control-path mutex held; @device is invalid afterwards unless
 *          the caller holds a reference.
 * Return: %DRBD_OK or the reason of the failure.
 */
enum drbd_reason drbd_device_delete_locked(struct drbd_device *device)
{
	drbd_cfg_assert_held();
	if (!drbd_bdev_begin_delete(device))
		return DRBD_R_DEVICE_OPEN;
	drbd_device_destroy(device);
	return DRBD_OK;
}

/**
 * drbd_device_delete - delete a device and its block device
 * @minor: the device's minor number
 *
 * Fails while the block device is open, a disk is attached or the
 * resource is Primary. Announces %DRBD_EV_DEVICE_DESTROYED.
 *
 * Return: %DRBD_OK or the reason of the failure.
 */
enum drbd_reason drbd_device_delete(u32 minor)
{
	struct drbd_device *device;
	enum drbd_reason reason = DRBD_OK;

	drbd_cfg_lock();
	device = drbd_device_lookup(minor);
	if (!device)
		reason = DRBD_R_MINOR_UNKNOWN;
	else if (device->ldev)
		reason = DRBD_R_DISK_CONFIGURED;
	else if (device->resource->role == DRBD_ROLE_PRIMARY)
		reason = DRBD_R_PRIMARY;
	else
		reason = drbd_device_delete_locked(device);
	drbd_cfg_unlock();
	return reason;
}

/**
 * drbd_devices_destroy_all - delete all devices (module unload)
 */
void drbd_devices_destroy_all(void)
{
	struct drbd_device *device;
	unsigned long pos = 0;

	drbd_cfg_lock();
	while ((device = drbd_device_next(&pos))) {
		/* openers pin the module, so this cannot fail on unload */
		if (WARN_ON(!drbd_bdev_begin_delete(device)))
			continue;
		drbd_device_destroy(device);
	}
	drbd_cfg_unlock();
}

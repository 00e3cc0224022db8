// SPDX-License-Identifier: GPL-2.0
/*
 * Generation identifiers (UUIDs) of an attached disk, kept in the in-core
 * superblock and written back with it.
 *
 * v08 meta data has the current, the bitmap and two history UUIDs; v09 the
 * current one, a bitmap UUID per peer slot and 32 history UUIDs. Without
 * peers the bitmap UUID of v09 is that of peer slot 0. Bit 0 of the
 * current UUID is set while the resource is Primary. The operations are
 * the in-tree 8.4 driver's (drbd_uuid_set(), drbd_uuid_new_current(),
 * drbd_adm_new_c_uuid()).
 */
#include <linux/random.h>
#include <linux/string.h>

#include "drbd_core.h"

/**
 * drbd_md_uuids_84 - the UUIDs in 8.4's order
 * @md: the superblock
 * @uuids: receives current, bitmap, history 1 and history 2
 */
void drbd_md_uuids_84(const struct drbd_md *md, u64 uuids[4])
{
	uuids[0] = md->current_uuid;
	if (md->version == 8) {
		memcpy(&uuids[1], md->v08_uuid, sizeof(md->v08_uuid));
	} else {
		uuids[1] = md->peers[0].bitmap_uuid;
		uuids[2] = md->history_uuids[0];
		uuids[3] = md->history_uuids[1];
	}
}

/**
 * drbd_md_bitmap_uuid - the bitmap UUID (v09: of peer slot 0)
 * @md: the superblock
 *
 * Return: the UUID, 0 for none.
 */
u64 drbd_md_bitmap_uuid(const struct drbd_md *md)
{
	return md->version == 8 ? md->v08_uuid[0] : md->peers[0].bitmap_uuid;
}

static void drbd_md_set_bitmap_uuid(struct drbd_md *md, u64 val)
{
	if (md->version == 8)
		md->v08_uuid[0] = val;
	else
		md->peers[0].bitmap_uuid = val;
}

/* push a UUID onto the history (the oldest one drops out) */
static void drbd_md_push_history(struct drbd_md *md, u64 val)
{
	if (md->version == 8) {
		md->v08_uuid[2] = md->v08_uuid[1];
		md->v08_uuid[1] = val;
	} else {
		memmove(&md->history_uuids[1], &md->history_uuids[0],
			sizeof(md->history_uuids) - sizeof(md->history_uuids[0]));
		md->history_uuids[0] = val;
	}
}

/**
 * drbd_uuid_set_current - set the current UUID
 * @device: the device, attached
 * @val: the UUID; bit 0 is set or cleared by the resource's role
 *
 * The exposed data's UUID follows (8.4's ed_uuid).
 *
 * Context: control-path mutex held.
 */
void drbd_uuid_set_current(struct drbd_device *device, u64 val)
{
	if (device->resource->role == DRBD_ROLE_PRIMARY)
		val |= 1;
	else
		val &= ~1ULL;
	device->ed_uuid = val;
	device->ldev->md.current_uuid = val;
}

/**
 * drbd_uuid_new_current - make a new, random current UUID
 * @device: the device, attached
 *
 * The old current UUID becomes the bitmap UUID (replacing one that was
 * set, as in 8.4).
 *
 * Context: control-path mutex held.
 */
void drbd_uuid_new_current(struct drbd_device *device)
{
	struct drbd_md *md = &device->ldev->md;
	u64 val;

	get_random_bytes(&val, sizeof(val));
	if (drbd_md_bitmap_uuid(md))
		pr_warn("drbd%u: bitmap UUID was already set: %016llX\n",
			device->minor, drbd_md_bitmap_uuid(md));
	drbd_md_set_bitmap_uuid(md, md->current_uuid);
	drbd_uuid_set_current(device, val);
	pr_info("drbd%u: new current UUID %016llX:%016llX\n", device->minor,
		md->current_uuid, drbd_md_bitmap_uuid(md));
}

/**
 * drbd_uuid_rotate_bitmap - move a set bitmap UUID into the history
 * @device: the device, attached
 *
 * Context: control-path mutex held.
 */
void drbd_uuid_rotate_bitmap(struct drbd_device *device)
{
	struct drbd_md *md = &device->ldev->md;
	u64 bm = drbd_md_bitmap_uuid(md);

	if (!bm)
		return;
	drbd_md_push_history(md, bm);
	drbd_md_set_bitmap_uuid(md, 0);
}

/**
 * drbd_device_new_current_uuid_locked - start a new data generation
 * @device: the device
 * @clear_bitmap: clear the bitmap too (there is no bitmap yet: no effect
 *                without a peer)
 *
 * A set bitmap UUID goes into the history, the current UUID becomes the
 * bitmap UUID, and a new random current UUID is made; the meta data is
 * written (in-tree drbd_adm_new_c_uuid() on an unconnected device).
 *
 * Context: control-path mutex held.
 * Return: %DRBD_OK or %DRBD_R_NO_DISK.
 */
enum drbd_reason drbd_device_new_current_uuid_locked(struct drbd_device *device,
						     bool clear_bitmap)
{
	drbd_cfg_assert_held();
	if (!device->ldev)
		return DRBD_R_NO_DISK;
	drbd_uuid_rotate_bitmap(device);
	drbd_uuid_new_current(device);
	if (drbd_ldev_sync_md(device))
		return DRBD_R_MD_IO;
	drbd_notify(DRBD_EV_DEVICE_CHANGED,
		    &(struct drbd_event){ .resource = device->resource,
					  .device = device });
	return DRBD_OK;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * The state machine of a node without connected peers: the role of a
 * resource (Primary, Secondary), the disk states of its devices, and the
 * announcement of every change.
 *
 * A change is bracketed by drbd_state_change_begin() (remembers the old
 * state of the resource and all its devices) and drbd_state_change_end()
 * (records the new state, recomputes and writes the meta-data flags of
 * the attached devices, announces %DRBD_EV_STATE_CHANGED if anything
 * changed). The checks are the in-tree 8.4 driver's for a disconnected
 * node (is_valid_state(), is_valid_soft_transition(), drbd_set_role()):
 *  - promoting needs up-to-date data on every device; with force,
 *    inconsistent, outdated or consistent data is made up-to-date (not a
 *    diskless device);
 *  - under a fencing policy (resource-only, resource-and-stonith) the
 *    peer's data must be known outdated; force marks it so ("forced into
 *    split brain"), without force the promotion is refused (8.4 would run
 *    the fence-peer helper first; helpers are not run here);
 *  - demoting fails while a block device of the resource is open;
 *  - a Primary cannot detach (without force) or outdate its data;
 *  - only consistent or up-to-date data can be outdated.
 * The role is the resource's, as in DRBD 9 (8.4 kept one per volume).
 */
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/xarray.h>

#include "drbd_core.h"

static const char *const drbd_role_names[] = {
	[DRBD_ROLE_UNKNOWN]	= "Unknown",
	[DRBD_ROLE_PRIMARY]	= "Primary",
	[DRBD_ROLE_SECONDARY]	= "Secondary",
};

/**
 * drbd_role_name - DRBD's name of a role
 * @role: the role
 *
 * Return: a static string.
 */
const char *drbd_role_name(enum drbd_res_role role)
{
	if (role < ARRAY_SIZE(drbd_role_names))
		return drbd_role_names[role];
	return "Unknown";
}

/**
 * drbd_md_flags_for - the meta-data flags that describe a state
 * @ldev: the attached disk (its current flags and crashed-primary mark)
 * @role: the resource's role
 * @disk: the disk state
 * @peer_outdated: the peer's data is known to be outdated
 *
 * In-tree _drbd_set_state(): consistent above inconsistent, was-up-to-date
 * above outdated, the primary indicator while Primary, the crashed-primary
 * mark while it holds, v08's peer-outdated flag; the connected indicator
 * and the activity-log-clean flag cleared (no peers; the disk is in use).
 *
 * Return: the flags.
 */
u32 drbd_md_flags_for(const struct drbd_backing_dev *ldev, enum drbd_res_role role,
		      enum drbd_dstate disk, bool peer_outdated)
{
	u32 mdf = ldev->md.flags & ~(DRBD_MDF_CONSISTENT | DRBD_MDF_PRIMARY_IND |
				     DRBD_MDF_WAS_UP_TO_DATE |
				     DRBD_MDF_CRASHED_PRIMARY | DRBD_MDF_AL_CLEAN);

	if (ldev->md.version == 8)
		mdf &= ~(DRBD_MDF_CONNECTED_IND | DRBD_MDF_PEER_OUT_DATED);
	if (ldev->crashed_primary)
		mdf |= DRBD_MDF_CRASHED_PRIMARY;
	if (role == DRBD_ROLE_PRIMARY)
		mdf |= DRBD_MDF_PRIMARY_IND;
	if (disk > DRBD_DISK_INCONSISTENT && disk <= DRBD_DISK_UP_TO_DATE)
		mdf |= DRBD_MDF_CONSISTENT;
	if (disk > DRBD_DISK_OUTDATED && disk <= DRBD_DISK_UP_TO_DATE)
		mdf |= DRBD_MDF_WAS_UP_TO_DATE;
	if (ldev->md.version == 8 && peer_outdated)
		mdf |= DRBD_MDF_PEER_OUT_DATED;
	return mdf;
}

/**
 * drbd_ldev_sync_md - write the superblock of an attached device
 * @device: the device, attached
 *
 * Remembers what was written (@ldev->md_disk).
 *
 * Context: control-path mutex held.
 * Return: 0 or a negative errno (logged).
 */
int drbd_ldev_sync_md(struct drbd_device *device)
{
	struct drbd_backing_dev *ldev = device->ldev;
	struct page *page;
	int err = -ENOMEM;

	page = alloc_page(GFP_KERNEL);
	if (page) {
		drbd_md_encode(&ldev->md, page_address(page));
		err = drbd_md_io(ldev->meta.bdev, ldev->md.md_offset, page, true);
		__free_page(page);
	}
	if (err)
		pr_err("drbd%u: writing the meta data failed: %d\n",
		       device->minor, err);
	else
		ldev->md_disk = ldev->md;
	return err;
}

/**
 * drbd_state_change_begin - remember the state of a resource and its devices
 * @resource: the resource
 *
 * Context: control-path mutex held until drbd_state_change_end().
 * Return: the change to pass to drbd_state_change_end(), or NULL when out
 *         of memory (the change then happens unannounced).
 */
struct drbd_state_change *drbd_state_change_begin(struct drbd_resource *resource)
{
	struct drbd_connection *connection;
	struct drbd_state_change *sc;
	struct drbd_device *device;
	unsigned long vnr, peer;
	unsigned int n = 0;

	drbd_cfg_assert_held();
	xa_for_each(&resource->volumes, vnr, device)
		n++;
	sc = kzalloc(struct_size(sc, devices, n), GFP_KERNEL);
	if (!sc)
		return NULL;
	sc->resource = resource;
	sc->role[DRBD_OLD] = resource->role;
	sc->cstate[DRBD_OLD] = drbd_resource_cstate(resource);
	xa_for_each(&resource->connections, peer, connection) {
		struct drbd_connection_state_change *c;

		if (sc->n_connections >= ARRAY_SIZE(sc->connections))
			break;
		c = &sc->connections[sc->n_connections++];
		c->connection = connection;
		c->cstate[DRBD_OLD] = connection->cstate;
	}
	xa_for_each(&resource->volumes, vnr, device) {
		struct drbd_device_state_change *d = &sc->devices[sc->n_devices++];

		d->device = device;
		d->disk[DRBD_OLD] = device->disk_state;
		d->peer_outdated[DRBD_OLD] = device->peer_outdated;
	}
	return sc;
}

static struct drbd_device_state_change *
drbd_state_change_device(struct drbd_state_change *sc,
			 const struct drbd_device *device)
{
	unsigned int i;

	for (i = 0; sc && i < sc->n_devices; i++)
		if (sc->devices[i].device == device)
			return &sc->devices[i];
	return NULL;
}

/**
 * drbd_state_change_set_old_disk - override a device's old disk state
 * @sc: the change, or NULL
 * @device: the device
 * @disk: the state to announce as the old one (a transient state)
 */
void drbd_state_change_set_old_disk(struct drbd_state_change *sc,
				    const struct drbd_device *device,
				    enum drbd_dstate disk)
{
	struct drbd_device_state_change *d = drbd_state_change_device(sc, device);

	if (d)
		d->disk[DRBD_OLD] = disk;
}

/**
 * drbd_state_change_set_new_disk - override a device's new disk state
 * @sc: the change, or NULL
 * @device: the device
 * @disk: the state to announce as the new one (a transient state)
 */
void drbd_state_change_set_new_disk(struct drbd_state_change *sc,
				    const struct drbd_device *device,
				    enum drbd_dstate disk)
{
	struct drbd_device_state_change *d = drbd_state_change_device(sc, device);

	if (d) {
		d->disk[DRBD_NEW] = disk;
		d->fixed = true;
	}
}

/**
 * drbd_state_change_end - record, persist and announce a state change
 * @sc: the change from drbd_state_change_begin(), or NULL; freed here
 *
 * The meta-data flags of every attached device of the resource are
 * recomputed from the new state; the superblock is written if anything
 * changed. Announces %DRBD_EV_STATE_CHANGED.
 *
 * Context: control-path mutex held.
 * Return: whether anything changed.
 */
bool drbd_state_change_end(struct drbd_state_change *sc)
{
	struct drbd_resource *resource;
	bool changed;
	unsigned int i;

	if (!sc)
		return true;
	resource = sc->resource;
	sc->role[DRBD_NEW] = resource->role;
	sc->cstate[DRBD_NEW] = drbd_resource_cstate(resource);
	changed = sc->role[DRBD_OLD] != sc->role[DRBD_NEW] ||
		  sc->cstate[DRBD_OLD] != sc->cstate[DRBD_NEW];
	for (i = 0; i < sc->n_connections; i++) {
		struct drbd_connection_state_change *c = &sc->connections[i];

		c->cstate[DRBD_NEW] = c->connection->cstate;
		if (c->cstate[DRBD_OLD] != c->cstate[DRBD_NEW])
			changed = true;
	}
	for (i = 0; i < sc->n_devices; i++) {
		struct drbd_device_state_change *d = &sc->devices[i];

		if (!d->fixed)
			d->disk[DRBD_NEW] = d->device->disk_state;
		d->peer_outdated[DRBD_NEW] = d->device->peer_outdated;
		if (d->disk[DRBD_OLD] != d->disk[DRBD_NEW] ||
		    d->peer_outdated[DRBD_OLD] != d->peer_outdated[DRBD_NEW])
			changed = true;
	}
	if (changed) {
		for (i = 0; i < sc->n_devices; i++) {
			struct drbd_device *device = sc->devices[i].device;
			struct drbd_backing_dev *ldev = device->ldev;

			if (!ldev || sc->devices[i].fixed)
				continue;
			ldev->md.flags = drbd_md_flags_for(ldev, resource->role,
							   device->disk_state,
							   device->peer_outdated);
			drbd_ldev_sync_md(device);
		}
		drbd_notify(DRBD_EV_STATE_CHANGED,
			    &(struct drbd_event){ .resource = resource,
						  .change = sc });
	}
	kfree(sc);
	return changed;
}

/* promote: what every device needs (in-tree is_valid_state(), drbd_set_role()) */
static enum drbd_reason drbd_promote_check(struct drbd_resource *resource,
					   bool force)
{
	struct drbd_device *device;
	unsigned long vnr;

	xa_for_each(&resource->volumes, vnr, device) {
		if (device->disk_state < DRBD_DISK_UP_TO_DATE &&
		    !(force && device->ldev &&
		      device->disk_state >= DRBD_DISK_INCONSISTENT))
			return DRBD_R_NO_UP_TO_DATE;
	}
	xa_for_each(&resource->volumes, vnr, device) {
		if (device->ldev && !force && !device->peer_outdated &&
		    device->ldev->options.fencing != DRBD_FENCING_DONT_CARE)
			return DRBD_R_PEER_NOT_OUTDATED;
	}
	return DRBD_OK;
}

static void drbd_promote(struct drbd_resource *resource, bool force)
{
	struct drbd_device *device;
	unsigned long vnr;

	resource->role = DRBD_ROLE_PRIMARY;
	xa_for_each(&resource->volumes, vnr, device) {
		struct drbd_backing_dev *ldev = device->ldev;
		bool forced = false, fenced = false;

		if (!ldev)
			continue;
		if (device->disk_state < DRBD_DISK_UP_TO_DATE) {
			forced = true;
			if (device->disk_state < DRBD_DISK_CONSISTENT)
				device->ed_uuid = ldev->md.current_uuid;
			device->disk_state = DRBD_DISK_UP_TO_DATE;
			pr_warn("drbd%u: forced to consider local data as UpToDate\n",
				device->minor);
		}
		if (ldev->options.fencing != DRBD_FENCING_DONT_CARE &&
		    !device->peer_outdated) {
			pr_warn("drbd%u: forced into split brain situation\n",
				device->minor);
			device->peer_outdated = true;
			fenced = true;
		}
		/*
		 * 8.4's after_state_ch(): losing the peer's data (DUnknown ->
		 * Outdated) while Primary and up-to-date, without a bitmap
		 * UUID, makes a new current UUID; then drbd_set_role() makes
		 * one when forced or (still) without a bitmap UUID.
		 */
		if (fenced && !drbd_md_bitmap_uuid(&ldev->md))
			drbd_uuid_new_current(device);
		if (forced || !drbd_md_bitmap_uuid(&ldev->md))
			drbd_uuid_new_current(device);
	}
}

/*
 * Bit 0 of the current UUID follows the role in core only: 8.4 writes the
 * meta data in the state change before it sets or clears the bit.
 */
static void drbd_role_mark_uuids(struct drbd_resource *resource)
{
	struct drbd_device *device;
	unsigned long vnr;

	xa_for_each(&resource->volumes, vnr, device) {
		if (!device->ldev)
			continue;
		if (resource->role == DRBD_ROLE_PRIMARY)
			device->ldev->md.current_uuid |= 1;
		else
			device->ldev->md.current_uuid &= ~1ULL;
	}
}

/**
 * drbd_set_role_locked - promote a resource to Primary or demote it
 * @resource: the resource
 * @role: %DRBD_ROLE_PRIMARY or %DRBD_ROLE_SECONDARY
 * @force: promote even without up-to-date data (inconsistent, outdated or
 *         consistent data becomes up-to-date; a new current UUID is made)
 *         and mark the peer outdated under a fencing policy
 * @changed: set to whether the role changed (false: it was already @role)
 *
 * Promoting makes a new current UUID when forced or when no bitmap UUID
 * is set (the old current one becomes the bitmap UUID); the current UUID
 * carries bit 0 while Primary. Announces %DRBD_EV_STATE_CHANGED.
 *
 * Context: control-path mutex held.
 * Return: %DRBD_OK, %DRBD_R_NO_UP_TO_DATE, %DRBD_R_PEER_NOT_OUTDATED or
 *         %DRBD_R_DEVICE_OPEN (demoting while a block device is open).
 */
enum drbd_reason drbd_set_role_locked(struct drbd_resource *resource,
				      enum drbd_res_role role, bool force,
				      bool *changed)
{
	struct drbd_state_change *sc;
	struct drbd_device *device;
	enum drbd_reason reason;
	unsigned long vnr;

	drbd_cfg_assert_held();
	*changed = false;
	if (resource->role == role)
		return DRBD_OK;
	if (role == DRBD_ROLE_PRIMARY) {
		reason = drbd_promote_check(resource, force);
		if (reason)
			return reason;
	} else {
		xa_for_each(&resource->volumes, vnr, device)
			if (READ_ONCE(device->open_count))
				return DRBD_R_DEVICE_OPEN;
	}

	sc = drbd_state_change_begin(resource);
	if (role == DRBD_ROLE_PRIMARY)
		drbd_promote(resource, force);
	else
		resource->role = DRBD_ROLE_SECONDARY;
	*changed = true;
	pr_info("%s: role %s\n", resource->name, drbd_role_name(role));
	drbd_state_change_end(sc);
	drbd_role_mark_uuids(resource);
	return DRBD_OK;
}

/**
 * drbd_device_outdate_locked - mark a device's data as outdated
 * @device: the device
 * @changed: set to whether the disk state changed (false: already outdated)
 *
 * Announces %DRBD_EV_STATE_CHANGED.
 *
 * Context: control-path mutex held.
 * Return: %DRBD_OK, %DRBD_R_NO_UP_TO_DATE (Primary) or
 *         %DRBD_R_LOWER_THAN_OUTDATED (diskless or inconsistent).
 */
enum drbd_reason drbd_device_outdate_locked(struct drbd_device *device,
					    bool *changed)
{
	struct drbd_state_change *sc;

	drbd_cfg_assert_held();
	*changed = false;
	if (device->resource->role == DRBD_ROLE_PRIMARY &&
	    device->disk_state >= DRBD_DISK_OUTDATED)
		return DRBD_R_NO_UP_TO_DATE;
	if (device->disk_state < DRBD_DISK_OUTDATED)
		return DRBD_R_LOWER_THAN_OUTDATED;
	if (device->disk_state == DRBD_DISK_OUTDATED)
		return DRBD_OK;
	sc = drbd_state_change_begin(device->resource);
	device->disk_state = DRBD_DISK_OUTDATED;
	*changed = true;
	drbd_state_change_end(sc);
	return DRBD_OK;
}

/* v09 peer-slot flag: a full sync with this peer is needed */
#define DRBD_MDF_PEER_FULL_SYNC	(1U << 3)

/* record in the meta data that all data must be resynced */
static void drbd_md_mark_full_sync(struct drbd_md *md)
{
	unsigned int i;

	if (md->version == 8) {
		md->flags |= DRBD_MDF_FULL_SYNC;
		return;
	}
	for (i = 0; i < md->max_peers && i < DRBD_MD_PEERS_MAX; i++)
		if (md->peers[i].bitmap_index >= 0)
			md->peers[i].flags |= DRBD_MDF_PEER_FULL_SYNC;
}

/**
 * drbd_device_invalidate_locked - discard the local data of a device
 * @device: the device
 * @sync_from_peer: node id of the peer to become the sync target of, or
 *                  -1 for a local invalidate
 * @reset_bitmap: mark all data out of sync (false: only what is marked,
 *                which needs a connected peer)
 *
 * DRBD 9's invalidate. Without a connected peer the disk becomes
 * Inconsistent and the meta data records that a full sync is needed (v08:
 * MDF_FULL_SYNC; v09: the full-sync flag of each peer slot in use); there
 * is no bitmap in core to set yet. A resync from a peer needs an
 * established connection, which this module cannot make yet.
 * Announces %DRBD_EV_STATE_CHANGED (disk state) and %DRBD_EV_DEVICE_CHANGED
 * (meta-data flags).
 *
 * Context: control-path mutex held.
 * Return: %DRBD_OK, %DRBD_R_NO_DISK, %DRBD_R_CONNECTION_UNKNOWN or
 *         %DRBD_R_NOT_CONNECTED (@sync_from_peer), %DRBD_R_NEED_PEER
 *         (!@reset_bitmap), %DRBD_R_NO_UP_TO_DATE (Primary) or
 *         %DRBD_R_MD_IO.
 */
enum drbd_reason drbd_device_invalidate_locked(struct drbd_device *device,
					       s32 sync_from_peer,
					       bool reset_bitmap)
{
	struct drbd_resource *resource = device->resource;
	struct drbd_connection *connection;
	struct drbd_state_change *sc;

	drbd_cfg_assert_held();
	if (!device->ldev)
		return DRBD_R_NO_DISK;
	if (sync_from_peer >= 0) {
		connection = xa_load(&resource->connections, sync_from_peer);
		if (!connection)
			return DRBD_R_CONNECTION_UNKNOWN;
		return DRBD_R_NOT_CONNECTED;
	}
	if (!reset_bitmap)
		return DRBD_R_NEED_PEER;
	if (resource->role == DRBD_ROLE_PRIMARY)
		return DRBD_R_NO_UP_TO_DATE;
	drbd_md_mark_full_sync(&device->ldev->md);
	sc = drbd_state_change_begin(resource);
	device->disk_state = DRBD_DISK_INCONSISTENT;
	if (!drbd_state_change_end(sc) && drbd_ldev_sync_md(device))
		return DRBD_R_MD_IO;
	drbd_notify(DRBD_EV_DEVICE_CHANGED,
		    &(struct drbd_event){ .resource = resource, .device = device });
	return DRBD_OK;
}

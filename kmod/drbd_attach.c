// SPDX-License-Identifier: GPL-2.0
/*
 * Attaching a backing disk to a device and detaching it.
 *
 * Attach opens the backing device and the meta-data device exclusively,
 * reads and validates the superblock (drbd_md.c), derives the disk state
 * from its flags, marks the meta data as in use and exposes the data area
 * as /dev/drbd<minor>. Nothing is written before every check passed.
 *
 * Disk state of a node without peers, from the meta-data flags (the in-tree
 * 8.4 driver's drbd_adm_attach(); DRBD 9 does the same per device):
 *   MDF_CONSISTENT clear                      -> Inconsistent
 *   MDF_CONSISTENT, MDF_WAS_UP_TO_DATE clear  -> Outdated
 *   MDF_CONSISTENT and MDF_WAS_UP_TO_DATE     -> Consistent, promoted to
 *       UpToDate if the fencing policy is "dont-care" (the default) or the
 *       peer is known to be outdated (v08 MDF_PEER_OUT_DATED)
 * Attach is announced as two state changes, Diskless -> Attaching -> the
 * disk state; detach as UpToDate (etc.) -> Failed -> Diskless, as 8.4 does.
 * A Primary detaches only with force.
 *
 * Marking in use (in-tree after_state_ch() and drbd_md_write()): the flags
 * are recomputed from the state (drbd_md_flags_for(); a primary indicator
 * found at attach becomes crashed-primary), MDF_AL_CLEAN is cleared (v08:
 * the 8.4 "unclean" magic 0x8374026c is written), MDF_AL_DISABLED follows
 * al-updates, bit 0 of the current UUID follows the role, la_size_sect is
 * the exposed size, and a v09 superblock gets this node's id. Detach sets
 * MDF_AL_CLEAN again (v08: magic 0x8374026b): no activity log is kept
 * yet, so there is nothing drbdmeta apply-al would have to replay. (The
 * in-tree 8.4 driver leaves v08 meta data unclean after detach; drbdadm
 * runs apply-al before every attach.)
 */
#include <linux/blkdev.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "drbd_compat.h"
#include "drbd_core.h"

/* holder of shared (indexed external) meta-data devices */
static const char drbd_md_holder[] = "drbd shared meta data";

#define MD_MIN_FLEX_SECT	2048U	/* 1 MiB: flexible meta data */
#define MD_128M_SECT		262144U

static const char *const drbd_disk_state_names[] = {
	[DRBD_DISK_DISKLESS]		= "Diskless",
	[DRBD_DISK_INCONSISTENT]	= "Inconsistent",
	[DRBD_DISK_OUTDATED]		= "Outdated",
	[DRBD_DISK_CONSISTENT]		= "Consistent",
	[DRBD_DISK_UP_TO_DATE]		= "UpToDate",
	[DRBD_DISK_ATTACHING]		= "Attaching",
	[DRBD_DISK_FAILED]		= "Failed",
	[DRBD_DISK_UNKNOWN]		= "DUnknown",
};

/**
 * drbd_disk_state_name - DRBD's name of a disk state
 * @state: the state
 *
 * Return: a static string.
 */
const char *drbd_disk_state_name(enum drbd_dstate state)
{
	if (state < ARRAY_SIZE(drbd_disk_state_names))
		return drbd_disk_state_names[state];
	return "Unknown";
}

static void *drbd_ldev_holder(struct drbd_device *device, int meta_idx)
{
	return meta_idx >= 0 ? (void *)drbd_md_holder : (void *)device;
}

static void drbd_ldev_free(struct drbd_device *device,
			   struct drbd_backing_dev *ldev)
{
	if (ldev->meta_opened)
		drbd_bdev_close_excl(&ldev->meta,
				     drbd_ldev_holder(device, ldev->meta_idx));
	drbd_bdev_close_excl(&ldev->backing, device);
	kfree(ldev->backing_path);
	kfree(ldev->meta_path);
	kfree(ldev);
}

static bool drbd_md_idx_internal(int idx)
{
	return idx == DRBD_MD_IDX_INTERNAL || idx == DRBD_MD_IDX_FLEX_INTERNAL;
}

/* open backing and meta-data devices (in-tree open_backing_devices()) */
static enum drbd_reason drbd_ldev_open(struct drbd_device *device,
				       const struct drbd_attach_config *cfg,
				       struct drbd_backing_dev *ldev,
				       struct drbd_attach_result *res)
{
	bool internal = drbd_md_idx_internal(cfg->meta_idx);
	const char *meta_path = cfg->meta_dev && *cfg->meta_dev ?
				cfg->meta_dev : cfg->backing_dev;
	int err;

	ldev->meta_idx = cfg->meta_idx;
	ldev->disk_size = cfg->disk_size;
	ldev->backing_path = kstrdup(cfg->backing_dev, GFP_KERNEL);
	ldev->meta_path = kstrdup(meta_path, GFP_KERNEL);
	if (!ldev->backing_path || !ldev->meta_path)
		return DRBD_R_NOMEM;

	err = drbd_bdev_open_excl(cfg->backing_dev, device, &ldev->backing);
	if (err) {
		res->err = err;
		res->text = err == -EBUSY ? "backing device is in use" :
			    "cannot open the backing device";
		return DRBD_R_OPEN_DISK;
	}
	if (internal && !strcmp(meta_path, cfg->backing_dev)) {
		ldev->meta.bdev = ldev->backing.bdev;
		return DRBD_OK;
	}
	err = drbd_bdev_open_excl(meta_path,
				  drbd_ldev_holder(device, cfg->meta_idx),
				  &ldev->meta);
	if (err) {
		res->err = err;
		res->text = err == -EBUSY ? "meta-data device is in use" :
			    "cannot open the meta-data device";
		return DRBD_R_OPEN_MD_DISK;
	}
	ldev->meta_opened = true;
	if ((ldev->meta.bdev == ldev->backing.bdev) != internal) {
		res->text = internal ?
			"internal meta data must be on the backing device" :
			"external meta data must not be on the backing device";
		return DRBD_R_MD_IDX_INVALID;
	}
	if (internal) {
		/* the backing device by another name: use the first open */
		drbd_bdev_close_excl(&ldev->meta, device);
		ldev->meta_opened = false;
		ldev->meta.bdev = ldev->backing.bdev;
	}
	return DRBD_OK;
}

/* the disk state a node without peers derives from the meta-data flags */
static enum drbd_dstate drbd_md_disk_state(const struct drbd_md *md,
					   u32 fencing, bool peer_outdated)
{
	if (!(md->flags & DRBD_MDF_CONSISTENT))
		return DRBD_DISK_INCONSISTENT;
	if (!(md->flags & DRBD_MDF_WAS_UP_TO_DATE))
		return DRBD_DISK_OUTDATED;
	if (peer_outdated || fencing == DRBD_FENCING_DONT_CARE)
		return DRBD_DISK_UP_TO_DATE;
	return DRBD_DISK_CONSISTENT;
}

/* announce a step through a transient disk state (attach, detach) */
static void drbd_announce_disk(struct drbd_device *device,
			       enum drbd_dstate old, enum drbd_dstate new)
{
	struct drbd_state_change *sc = drbd_state_change_begin(device->resource);

	drbd_state_change_set_old_disk(sc, device, old);
	drbd_state_change_set_new_disk(sc, device, new);
	drbd_state_change_end(sc);
}

static enum drbd_reason drbd_ldev_write_md(struct drbd_backing_dev *ldev,
					   struct page *page)
{
	drbd_md_encode(&ldev->md, page_address(page));
	if (drbd_md_io(ldev->meta.bdev, ldev->md.md_offset, page, true))
		return DRBD_R_MD_IO;
	return DRBD_OK;
}

/* read, validate and size; nothing is written here */
static enum drbd_reason drbd_ldev_read(struct drbd_device *device,
				       const struct drbd_attach_config *cfg,
				       struct drbd_backing_dev *ldev,
				       struct page *page,
				       struct drbd_attach_result *res)
{
	sector_t md_cap = bdev_nr_sectors(ldev->meta.bdev);
	sector_t backing_cap = bdev_nr_sectors(ldev->backing.bdev);
	sector_t min_md, max, size;
	enum drbd_reason reason;
	struct drbd_md *md = &ldev->md;
	sector_t offset;

	offset = drbd_md_offset(cfg->meta_idx, md_cap);
	if (md_cap < 8 || offset + 8 > md_cap) {
		res->text = "meta-data device too small for its meta data";
		return DRBD_R_MD_DISK_TOO_SMALL;
	}
	if (drbd_md_io(ldev->meta.bdev, offset, page, false)) {
		res->text = "error reading the meta data";
		return DRBD_R_MD_IO;
	}
	reason = drbd_md_decode(md, page_address(page), cfg->meta_idx, md_cap,
				backing_cap, &res->text);
	if (reason)
		return reason;
	if (md->version == 9 && md->node_id != -1 &&
	    md->node_id != (s32)device->resource->node_id) {
		res->text = "v09 meta data belongs to another node id";
		return DRBD_R_MD_NODE_ID;
	}

	min_md = cfg->meta_idx < 0 ? MD_MIN_FLEX_SECT :
		 (sector_t)MD_128M_SECT * (cfg->meta_idx + 1);
	if (md_cap < min_md) {
		res->text = "meta-data device too small for this meta-disk type";
		return DRBD_R_MD_DISK_TOO_SMALL;
	}
	max = drbd_md_max_capacity(md, cfg->meta_idx, backing_cap);
	if (cfg->disk_size > max) {
		res->text = "requested size larger than the backing device's data area";
		return DRBD_R_DISK_TOO_SMALL;
	}
	/* a node without peers: the last agreed size, else all there is */
	size = md->la_size_sect ? min_t(sector_t, md->la_size_sect, max) : max;
	if (cfg->disk_size)
		size = cfg->disk_size;
	if ((md->flags & DRBD_MDF_CONSISTENT) && size < md->la_size_sect &&
	    size != cfg->disk_size) {
		res->text = "backing device smaller than the meta data's last agreed size; refusing to truncate consistent data";
		return DRBD_R_IMPLICIT_SHRINK;
	}
	if (!size) {
		res->text = "no room for data on the backing device";
		return DRBD_R_DISK_TOO_SMALL;
	}
	ldev->data_sectors = size;
	return DRBD_OK;
}

/**
 * drbd_device_attach - attach a backing disk to a device
 * @minor: the device
 * @cfg: backing device, meta-data device and index
 * @res: receives details of a failure
 *
 * On success the device's disk state comes from the meta data, its block
 * device serves I/O from the data area, and the meta data is marked in use.
 * Announces %DRBD_EV_STATE_CHANGED (Diskless -> Attaching -> disk state).
 *
 * Return: %DRBD_OK or the reason of the failure; nothing was written then.
 */
enum drbd_reason drbd_device_attach(u32 minor,
				    const struct drbd_attach_config *cfg,
				    struct drbd_attach_result *res)
{
	struct drbd_backing_dev *ldev = NULL;
	struct drbd_state_change *sc;
	struct drbd_device *device;
	struct page *page = NULL;
	enum drbd_reason reason;
	enum drbd_dstate state;
	enum drbd_res_role role;
	bool peer_outdated;
	struct drbd_md *md;
	u64 ed_uuid;

	memset(res, 0, sizeof(*res));
	if (cfg->meta_idx < DRBD_MD_IDX_FLEX_INTERNAL ||
	    cfg->meta_idx > DRBD_MD_IDX_MAX) {
		res->text = "invalid meta-data index";
		return DRBD_R_MD_IDX_INVALID;
	}
	if (!cfg->backing_dev || !*cfg->backing_dev) {
		res->text = "no backing device given";
		return DRBD_R_OPEN_DISK;
	}

	drbd_cfg_lock();
	device = drbd_device_lookup(minor);
	if (!device) {
		reason = DRBD_R_MINOR_UNKNOWN;
		goto out_unlock;
	}
	if (device->ldev) {
		reason = DRBD_R_DISK_CONFIGURED;
		goto out_unlock;
	}
	reason = DRBD_R_NOMEM;
	ldev = kzalloc_obj(*ldev, GFP_KERNEL);
	page = alloc_page(GFP_KERNEL);
	if (!ldev || !page)
		goto out_free;

	reason = drbd_ldev_open(device, cfg, ldev, res);
	if (reason)
		goto out_free;
	reason = drbd_ldev_read(device, cfg, ldev, page, res);
	if (reason)
		goto out_free;

	if (cfg->options)
		ldev->options = *cfg->options;
	else
		drbd_disk_options_defaults(&ldev->options);
	reason = drbd_disk_options_check(device, &ldev->options, &ldev->md);
	if (reason)
		goto out_free;

	md = &ldev->md;
	peer_outdated = device->peer_outdated;
	if (md->version == 8 && (md->flags & DRBD_MDF_PEER_OUT_DATED))
		peer_outdated = true;
	state = drbd_md_disk_state(md, ldev->options.fencing, peer_outdated);
	ldev->crashed_primary = md->flags & (DRBD_MDF_CRASHED_PRIMARY |
					     DRBD_MDF_PRIMARY_IND);
	if (ldev->options.al_updates)
		md->flags &= ~DRBD_MDF_AL_DISABLED;
	else
		md->flags |= DRBD_MDF_AL_DISABLED;
	role = device->resource->role;
	md->flags = drbd_md_flags_for(ldev, role, state, peer_outdated);
	md->la_size_sect = ldev->data_sectors;
	if (md->version == 9)
		md->node_id = device->resource->node_id;
	ed_uuid = md->current_uuid;
	if (role == DRBD_ROLE_PRIMARY)
		md->current_uuid |= 1;
	else
		md->current_uuid &= ~1ULL;

	drbd_announce_disk(device, DRBD_DISK_DISKLESS, DRBD_DISK_ATTACHING);
	reason = drbd_ldev_write_md(ldev, page);
	ldev->md_disk = ldev->md;
	if (reason) {
		res->text = "error writing the meta data";
		drbd_announce_disk(device, DRBD_DISK_ATTACHING,
				   DRBD_DISK_DISKLESS);
		goto out_free;
	}

	sc = drbd_state_change_begin(device->resource);
	drbd_state_change_set_old_disk(sc, device, DRBD_DISK_ATTACHING);
	set_capacity(device->disk, ldev->data_sectors);
	spin_lock_irq(&device->io_lock);
	device->ldev = ldev;
	device->disk_state = state;
	spin_unlock_irq(&device->io_lock);
	device->peer_outdated = peer_outdated;
	if (state >= DRBD_DISK_CONSISTENT)
		device->ed_uuid = ed_uuid;
	drbd_resource_bump_write_ordering(device->resource);
	__free_page(page);

	pr_info("drbd%u: attached %s (meta data v%02d, %s), disk state %s, %llu sectors\n",
		minor, ldev->backing_path, ldev->md.version, ldev->meta_path,
		drbd_disk_state_name(state), (unsigned long long)ldev->data_sectors);
	drbd_cfg_changed();
	drbd_state_change_end(sc);
	drbd_cfg_unlock();
	return DRBD_OK;

out_free:
	if (page)
		__free_page(page);
	if (ldev)
		drbd_ldev_free(device, ldev);
	pr_warn("drbd%u: attach of %s failed: %s%s%s\n", minor, cfg->backing_dev,
		drbd_reason_text(reason), res->text ? ": " : "",
		res->text ?: "");
out_unlock:
	drbd_cfg_unlock();
	return reason;
}

/**
 * drbd_device_detach_locked - detach the backing disk of a device
 * @device: the device, attached
 * @force: detach a Primary too (it is Primary without data then)
 *
 * New requests fail with -EIO from here on; waits for the requests passed
 * to the backing device, writes the meta data back (clean), releases the
 * devices. The block device keeps its size (as in DRBD 8.4). Announces
 * %DRBD_EV_STATE_CHANGED (disk state -> Failed -> Diskless).
 *
 * Context: control-path mutex held.
 * Return: %DRBD_OK, or %DRBD_R_NO_UP_TO_DATE for a Primary without @force.
 */
enum drbd_reason drbd_device_detach_locked(struct drbd_device *device,
					   bool force)
{
	struct drbd_backing_dev *ldev = device->ldev;
	struct page *page;

	drbd_cfg_assert_held();
	if (device->resource->role == DRBD_ROLE_PRIMARY && !force)
		return DRBD_R_NO_UP_TO_DATE;
	drbd_announce_disk(device, device->disk_state, DRBD_DISK_FAILED);
	spin_lock_irq(&device->io_lock);
	device->ldev = NULL;
	device->disk_state = DRBD_DISK_DISKLESS;
	spin_unlock_irq(&device->io_lock);
	wait_event(device->io_wait, !READ_ONCE(device->io_pending));

	/*
	 * What was last written, clean: 8.4 writes nothing here (the meta
	 * data is written at every change already), but leaves it unclean.
	 */
	ldev->md = ldev->md_disk;
	ldev->md.flags |= DRBD_MDF_AL_CLEAN;
	page = alloc_page(GFP_KERNEL);
	if (!page || drbd_ldev_write_md(ldev, page))
		pr_err("drbd%u: writing the meta data on detach failed\n",
		       device->minor);
	if (page)
		__free_page(page);
	/* the size stays, as in 8.4: I/O within it fails with -EIO now */
	drbd_ldev_free(device, ldev);

	drbd_cfg_changed();
	drbd_announce_disk(device, DRBD_DISK_FAILED, DRBD_DISK_DISKLESS);
	return DRBD_OK;
}

/**
 * drbd_device_detach - detach the backing disk of a device
 * @minor: the device
 * @force: detach a Primary too
 * @res: receives details of a failure
 *
 * Return: %DRBD_OK, %DRBD_R_MINOR_UNKNOWN, %DRBD_R_NO_DISK or
 *         %DRBD_R_NO_UP_TO_DATE.
 */
enum drbd_reason drbd_device_detach(u32 minor, bool force,
				    struct drbd_attach_result *res)
{
	struct drbd_device *device;
	enum drbd_reason reason;

	memset(res, 0, sizeof(*res));
	drbd_cfg_lock();
	device = drbd_device_lookup(minor);
	if (!device)
		reason = DRBD_R_MINOR_UNKNOWN;
	else if (!device->ldev)
		reason = DRBD_R_NO_DISK;
	else
		reason = drbd_device_detach_locked(device, force);
	drbd_cfg_unlock();
	return reason;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * The disk options of an attached device: defaults, the checks the in-tree
 * 8.4 driver makes (sanitize_disk_conf(), drbd_resync_after_valid()) and
 * changing them on an attached device.
 *
 * The defaults are DRBD 8.4's (drbd_limits.h). Most options tune parts that
 * do not exist yet (resync controller, activity log, barriers); they are
 * kept and returned. The fencing policy takes part in promoting
 * (drbd_state.c), resync-after is checked for dependency cycles.
 */
#include <linux/math.h>
#include <linux/xarray.h>

#include "drbd_core.h"

#define DRBD_AL_EXTENTS_MIN	67U
#define DRBD_AL_EXTENTS_MAX	0xfffeU
#define DRBD_AL_CONTEXT_PER_TRANSACTION	919U
#define DRBD_C_PLAN_AHEAD_MAX	300U

/**
 * drbd_disk_options_defaults - DRBD 8.4's default disk options
 * @opts: receives the defaults
 */
void drbd_disk_options_defaults(struct drbd_disk_options *opts)
{
	*opts = (struct drbd_disk_options){
		.on_io_error = 2,		/* detach */
		.fencing = DRBD_FENCING_DONT_CARE,
		.resync_rate = 250,		/* KiB/s */
		.resync_after = -1,
		.al_extents = 1237,
		.c_plan_ahead = 20,
		.c_delay_target = 10,
		.c_fill_target = 100,
		.c_max_rate = 102400,
		.c_min_rate = 250,
		.disk_flushes = true,
		.disk_drain = true,
		.md_flushes = true,
		.al_updates = true,
		.discard_zeroes_if_aligned = true,
	};
}

/* in-tree drbd_al_extents_max(): slot numbers and on-disk context storage */
static u32 drbd_al_extents_max(const struct drbd_md *md)
{
	u32 al_size_4k = md->al_stripes * md->al_stripe_size_4k;
	u32 sufficient = DIV_ROUND_UP(DRBD_AL_EXTENTS_MAX,
				      DRBD_AL_CONTEXT_PER_TRANSACTION);

	if (al_size_4k > sufficient)
		return DRBD_AL_EXTENTS_MAX;
	return al_size_4k ? (al_size_4k - 1) * DRBD_AL_CONTEXT_PER_TRANSACTION :
			    DRBD_AL_EXTENTS_MIN;
}

/* in-tree drbd_resync_after_valid(): an existing minor, no cycle */
static enum drbd_reason drbd_resync_after_check(struct drbd_device *device,
						s32 minor)
{
	struct drbd_device *odev;
	unsigned int hops = 0;

	if (minor == -1)
		return DRBD_OK;
	if (minor < -1 || minor > (s32)DRBD_MINOR_MAX)
		return DRBD_R_RESYNC_AFTER;
	odev = drbd_device_lookup(minor);
	while (hops++ <= DRBD_MINOR_MAX) {
		if (odev == device)
			return DRBD_R_RESYNC_AFTER_CYCLE;
		/* the chain ends at a diskless or missing minor */
		if (!odev || !odev->ldev ||
		    odev->ldev->options.resync_after == -1)
			return DRBD_OK;
		odev = drbd_device_lookup(odev->ldev->options.resync_after);
	}
	return DRBD_R_RESYNC_AFTER_CYCLE;
}

/**
 * drbd_disk_options_check - sanitize and check disk options
 * @device: the device the options are for
 * @opts: the options; activity-log extents and plan-ahead are clamped
 * @md: the meta data of the disk (the activity log's size)
 *
 * Context: control-path mutex held.
 * Return: %DRBD_OK, %DRBD_R_RESYNC_AFTER or %DRBD_R_RESYNC_AFTER_CYCLE.
 */
enum drbd_reason drbd_disk_options_check(struct drbd_device *device,
					 struct drbd_disk_options *opts,
					 const struct drbd_md *md)
{
	drbd_cfg_assert_held();
	if (opts->al_extents < DRBD_AL_EXTENTS_MIN)
		opts->al_extents = DRBD_AL_EXTENTS_MIN;
	if (opts->al_extents > drbd_al_extents_max(md))
		opts->al_extents = drbd_al_extents_max(md);
	if (opts->c_plan_ahead > DRBD_C_PLAN_AHEAD_MAX)
		opts->c_plan_ahead = DRBD_C_PLAN_AHEAD_MAX;
	return drbd_resync_after_check(device, opts->resync_after);
}

/**
 * drbd_resource_bump_write_ordering - recompute the write-ordering method
 * @resource: the resource
 *
 * The best method every attached disk allows (in-tree
 * drbd_bump_write_ordering() from "flush": no disk-flushes means drain, no
 * disk-drain then means none).
 *
 * Context: control-path mutex held.
 */
void drbd_resource_bump_write_ordering(struct drbd_resource *resource)
{
	enum drbd_write_ordering wo = DRBD_WO_FLUSH;
	struct drbd_device *device;
	unsigned long vnr;

	xa_for_each(&resource->volumes, vnr, device) {
		if (!device->ldev)
			continue;
		if (wo == DRBD_WO_FLUSH && !device->ldev->options.disk_flushes)
			wo = DRBD_WO_DRAIN;
		if (wo == DRBD_WO_DRAIN && !device->ldev->options.disk_drain)
			wo = DRBD_WO_NONE;
	}
	resource->write_ordering = wo;
}

/**
 * drbd_device_set_disk_options - change the disk options of an attached device
 * @device: the device
 * @opts: the new options (all of them)
 *
 * The options are checked (drbd_disk_options_check() plus a resync rate
 * of at least 1); the activity-log-disabled meta-data flag follows
 * al-updates (in core; written with the next update). Announces
 * %DRBD_EV_DEVICE_CHANGED.
 *
 * Context: control-path mutex held.
 * Return: %DRBD_OK, %DRBD_R_NO_DISK or the reason of the failure.
 */
enum drbd_reason drbd_device_set_disk_options(struct drbd_device *device,
					      const struct drbd_disk_options *opts)
{
	struct drbd_disk_options new = *opts;
	struct drbd_backing_dev *ldev = device->ldev;
	enum drbd_reason reason;
	bool wo_changed;

	drbd_cfg_assert_held();
	if (!ldev)
		return DRBD_R_NO_DISK;
	if (!new.resync_rate)
		new.resync_rate = 1;
	reason = drbd_disk_options_check(device, &new, &ldev->md);
	if (reason)
		return reason;
	wo_changed = ldev->options.disk_barrier != new.disk_barrier ||
		     ldev->options.disk_flushes != new.disk_flushes ||
		     ldev->options.disk_drain != new.disk_drain;
	ldev->options = new;
	if (wo_changed)
		drbd_resource_bump_write_ordering(device->resource);
	/* in core only, as in 8.4: written with the next meta-data update */
	if (new.al_updates)
		ldev->md.flags &= ~DRBD_MDF_AL_DISABLED;
	else
		ldev->md.flags |= DRBD_MDF_AL_DISABLED;
	drbd_notify(DRBD_EV_DEVICE_CHANGED,
		    &(struct drbd_event){ .resource = device->resource,
					  .device = device });
	return DRBD_OK;
}

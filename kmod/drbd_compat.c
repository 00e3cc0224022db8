// SPDX-License-Identifier: GPL-2.0
/*
 * Adapters between kernel interfaces whose signatures differ between the
 * supported kernels and the module's own, kernel-independent functions.
 */
#include <linux/blkdev.h>
#include <linux/module.h>

#include "drbd_compat.h"
#include "drbd_core.h"

#ifdef HAVE_BLK_OPEN_GENDISK
static int drbd_compat_open(struct gendisk *disk, blk_mode_t mode)
{
	return drbd_bdev_open(disk);
}

static void drbd_compat_release(struct gendisk *disk)
{
	drbd_bdev_release(disk);
}
#else
static int drbd_compat_open(struct block_device *bdev, fmode_t mode)
{
	return drbd_bdev_open(bdev->bd_disk);
}

static void drbd_compat_release(struct gendisk *disk, fmode_t mode)
{
	drbd_bdev_release(disk);
}
#endif

const struct block_device_operations drbd_bdev_fops = {
	.owner		= THIS_MODULE,
	.submit_bio	= drbd_submit_bio,
	.open		= drbd_compat_open,
	.release	= drbd_compat_release,
};

// SPDX-License-Identifier: GPL-2.0
/*
 * Adapters between kernel interfaces whose signatures differ between the
 * supported kernels and the module's own, kernel-independent functions.
 */
#include <linux/blkdev.h>
#include <linux/file.h>
#include <linux/fs.h>
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

/**
 * drbd_bdev_open_excl - open a block device for reading and writing,
 *			 exclusively for @holder
 * @path: the device's path
 * @holder: the claim; opens with the same holder share the device
 * @ref: receives the device (and the file, where the kernel opens block
 *       devices as files)
 *
 * Return: 0 or a negative errno (-EBUSY: claimed by someone else).
 */
int drbd_bdev_open_excl(const char *path, void *holder,
			struct drbd_bdev_ref *ref)
{
#ifdef HAVE_BDEV_FILE_OPEN_BY_PATH
	struct file *file;

	file = bdev_file_open_by_path(path, BLK_OPEN_READ | BLK_OPEN_WRITE,
				      holder, NULL);
	if (IS_ERR(file))
		return PTR_ERR(file);
	ref->file = file;
	ref->bdev = file_bdev(file);
#else
	struct block_device *bdev;

	bdev = blkdev_get_by_path(path, FMODE_READ | FMODE_WRITE | FMODE_EXCL,
				  holder);
	if (IS_ERR(bdev))
		return PTR_ERR(bdev);
	ref->file = NULL;
	ref->bdev = bdev;
#endif
	return 0;
}

/**
 * drbd_bdev_close_excl - undo drbd_bdev_open_excl()
 * @ref: the opened device; cleared
 * @holder: the holder it was opened with
 */
void drbd_bdev_close_excl(struct drbd_bdev_ref *ref, void *holder)
{
	if (!ref->bdev)
		return;
#ifdef HAVE_BDEV_FILE_OPEN_BY_PATH
	bdev_fput(ref->file);
#else
	blkdev_put(ref->bdev, FMODE_READ | FMODE_WRITE | FMODE_EXCL);
#endif
	ref->bdev = NULL;
	ref->file = NULL;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * The block device of a DRBD device: /dev/drbd<minor>, a bio-based gendisk.
 * While a backing disk is attached, requests are cloned and passed to the
 * backing device (the data area starts at its sector 0; internal meta data
 * lies beyond the exposed capacity). Diskless, all I/O fails with -EIO.
 * No replication yet.
 */
#include <linux/bio.h>
#include <linux/blkdev.h>
#include <linux/major.h>

#include "drbd_compat.h"
#include "drbd_core.h"

static struct bio_set drbd_io_bio_set;

static void drbd_io_put(struct drbd_device *device)
{
	unsigned long flags;

	spin_lock_irqsave(&device->io_lock, flags);
	if (!--device->io_pending)
		wake_up(&device->io_wait);
	spin_unlock_irqrestore(&device->io_lock, flags);
}

static void drbd_clone_endio(struct bio *clone)
{
	struct bio *bio = clone->bi_private;
	struct drbd_device *device = bio->bi_bdev->bd_disk->private_data;

	bio->bi_status = clone->bi_status;
	bio_put(clone);
	bio_endio(bio);
	drbd_io_put(device);
}

/**
 * drbd_submit_bio - entry point for I/O to /dev/drbd<minor>
 * @bio: the request
 *
 * Attached: passed on to the backing device; detach waits for it.
 * Diskless: fails with -EIO.
 */
void drbd_submit_bio(struct bio *bio)
{
	struct drbd_device *device = bio->bi_bdev->bd_disk->private_data;
	struct block_device *backing = NULL;
	struct bio *clone;

	spin_lock_irq(&device->io_lock);
	if (device->ldev) {
		backing = device->ldev->backing.bdev;
		device->io_pending++;
	}
	spin_unlock_irq(&device->io_lock);
	if (!backing) {
		bio_io_error(bio);
		return;
	}
	clone = bio_alloc_clone(backing, bio, GFP_NOIO, &drbd_io_bio_set);
	if (!clone) {
		bio_io_error(bio);
		drbd_io_put(device);
		return;
	}
	clone->bi_private = bio;
	clone->bi_end_io = drbd_clone_endio;
	submit_bio_noacct(clone);
}

/**
 * drbd_bdev_io_init - set up what the I/O path allocates from
 *
 * Return: 0 or a negative errno.
 */
int drbd_bdev_io_init(void)
{
	return bioset_init(&drbd_io_bio_set, BIO_POOL_SIZE, 0, 0);
}

/**
 * drbd_bdev_io_exit - undo drbd_bdev_io_init()
 */
void drbd_bdev_io_exit(void)
{
	bioset_exit(&drbd_io_bio_set);
}

/**
 * drbd_bdev_open - count an opener of the block device
 * @disk: the device's gendisk
 *
 * Return: 0, or -ENXIO if the device is being deleted.
 */
int drbd_bdev_open(struct gendisk *disk)
{
	struct drbd_device *device = disk->private_data;
	int err = 0;

	spin_lock(&device->open_lock);
	if (device->dying)
		err = -ENXIO;
	else
		device->open_count++;
	spin_unlock(&device->open_lock);
	return err;
}

/**
 * drbd_bdev_release - count the departure of an opener
 * @disk: the device's gendisk
 */
void drbd_bdev_release(struct gendisk *disk)
{
	struct drbd_device *device = disk->private_data;

	spin_lock(&device->open_lock);
	WARN_ON(!device->open_count);
	device->open_count--;
	spin_unlock(&device->open_lock);
}

/**
 * drbd_bdev_create - create and register the block device of a device
 * @device: the device; minor is set
 *
 * Return: 0 or a negative errno.
 */
int drbd_bdev_create(struct drbd_device *device)
{
	struct gendisk *disk;
	int err;

	disk = drbd_alloc_disk();
	if (IS_ERR(disk))
		return PTR_ERR(disk);
	disk->major = DRBD_MAJOR;
	disk->first_minor = device->minor;
	disk->minors = 1;
	disk->fops = &drbd_bdev_fops;
	disk->private_data = device;
	disk->flags |= GENHD_FL_NO_PART;
	snprintf(disk->disk_name, sizeof(disk->disk_name), "drbd%u",
		 device->minor);
	set_capacity(disk, 0);

	device->disk = disk;
	err = add_disk(disk);
	if (err) {
		device->disk = NULL;
		put_disk(disk);
	}
	return err;
}

/**
 * drbd_bdev_begin_delete - refuse new openers unless the device is open
 * @device: the device
 *
 * Return: true if the device was not open; it cannot be opened any more.
 */
bool drbd_bdev_begin_delete(struct drbd_device *device)
{
	bool closed;

	spin_lock(&device->open_lock);
	closed = !device->open_count;
	if (closed)
		device->dying = true;
	spin_unlock(&device->open_lock);
	return closed;
}

/**
 * drbd_bdev_delete - remove the block device
 * @device: the device, after drbd_bdev_begin_delete() succeeded
 */
void drbd_bdev_delete(struct drbd_device *device)
{
	del_gendisk(device->disk);
	put_disk(device->disk);
	device->disk = NULL;
}

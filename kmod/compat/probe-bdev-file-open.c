// SPDX-License-Identifier: GPL-2.0
/* HAVE_BDEV_FILE_OPEN_BY_PATH: block devices opened as files (6.9+) */
#include <linux/blkdev.h>
#include <linux/fs.h>

static struct block_device *probe_open(const char *path, void *holder)
{
	struct file *f = bdev_file_open_by_path(path, BLK_OPEN_READ | BLK_OPEN_WRITE,
						holder, NULL);
	struct block_device *bdev = file_bdev(f);

	bdev_fput(f);
	return bdev;
}

struct block_device *(*probe_ptr)(const char *path, void *holder) = probe_open;

// SPDX-License-Identifier: GPL-2.0
/* HAVE_BLK_ALLOC_DISK_LIMITS: blk_alloc_disk(lim, node) returning ERR_PTR (6.9+) */
#include <linux/blkdev.h>

struct gendisk *probe(void);
struct gendisk *probe(void)
{
	struct queue_limits lim = { };

	return blk_alloc_disk(&lim, NUMA_NO_NODE);
}

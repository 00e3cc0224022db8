// SPDX-License-Identifier: GPL-2.0
/*
 * drbd.ko: module load and unload.
 *
 * Load: the block major, then the netlink families drbd2 and drbd (after
 * which requests arrive), then /proc/drbd. Unload in reverse: /proc/drbd,
 * the families (waiting for running handlers), then every object the core
 * still has (attached disks are detached), then the major.
 */
#include <linux/blkdev.h>
#include <linux/major.h>
#include <linux/module.h>

#include "drbd_core.h"
#include "drbd2.h"
#include "drbd_nl_legacy.h"

static int __init drbd_init(void)
{
	int err;

	err = drbd_bdev_io_init();
	if (err)
		return err;
	err = register_blkdev(DRBD_MAJOR, "drbd");
	if (err) {
		pr_err("drbd: cannot register block major %d: %d\n",
		       DRBD_MAJOR, err);
		goto out_io;
	}
	err = drbd2_family_init();
	if (err) {
		pr_err("drbd: cannot register the drbd2 netlink family: %d\n",
		       err);
		goto out_blkdev;
	}
	err = drbd_legacy_family_init();
	if (err) {
		pr_err("drbd: cannot register the drbd netlink family: %d\n",
		       err);
		goto out_drbd2;
	}
	err = drbd_proc_init();
	if (err) {
		pr_err("drbd: cannot create /proc/drbd: %d\n", err);
		goto out_legacy;
	}
	pr_info("drbd: initialized, drbd2 and drbd (8.4 API) netlink families registered\n");
	return 0;

out_legacy:
	drbd_legacy_family_exit();
out_drbd2:
	drbd2_family_exit();
out_blkdev:
	unregister_blkdev(DRBD_MAJOR, "drbd");
out_io:
	drbd_bdev_io_exit();
	return err;
}

static void __exit drbd_exit(void)
{
	drbd_proc_exit();
	drbd_legacy_family_exit();
	drbd2_family_exit();
	drbd_core_destroy_all();
	unregister_blkdev(DRBD_MAJOR, "drbd");
	drbd_bdev_io_exit();
	pr_info("drbd: module cleanup done\n");
}

module_init(drbd_init);
module_exit(drbd_exit);

MODULE_DESCRIPTION("DRBD - Distributed Replicated Block Device (drbdctl control path)");
MODULE_LICENSE("GPL");
MODULE_ALIAS_BLOCKDEV_MAJOR(DRBD_MAJOR);

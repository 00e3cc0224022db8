/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Differences between the kernels this module builds for (6.1, 6.12, 7.2),
 * decided by compile-time probes (compat/probe-*.c -> compat.h), never by
 * version numbers. Kernel-version differences live here and in
 * drbd_compat.c / drbd_genl_compat.c, nowhere else.
 */
#ifndef DRBD_COMPAT_H
#define DRBD_COMPAT_H

#include <linux/blkdev.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <net/genetlink.h>

#include "compat.h"

#ifndef kzalloc_obj
/* typed allocation, kzalloc_obj(*ptr, gfp); older kernels lack it */
#define kzalloc_obj(P, GFP) kzalloc(sizeof(P), GFP)
#endif

#ifndef HAVE_GENL_SPLIT_OPS
/*
 * Linux 6.1 has no split ops. The generated op table (drbd2_nl_gen.c) is
 * still compiled, into this structure of the same name and layout, and
 * drbd_genl_register_family() turns it into classic genl_ops at load time.
 */
struct genl_split_ops {
	int (*pre_doit)(const struct genl_split_ops *ops, struct sk_buff *skb,
			struct genl_info *info);
	int (*doit)(struct sk_buff *skb, struct genl_info *info);
	void (*post_doit)(const struct genl_split_ops *ops, struct sk_buff *skb,
			  struct genl_info *info);
	int (*start)(struct netlink_callback *cb);
	int (*dumpit)(struct sk_buff *skb, struct netlink_callback *cb);
	int (*done)(struct netlink_callback *cb);
	const struct nla_policy *policy;
	unsigned int maxattr;
	u8 cmd;
	u8 internal_flags;
	u8 flags;
	u8 validate;
};
#endif

int drbd_genl_register_family(struct genl_family *family,
			      const struct genl_split_ops *ops, unsigned int n_ops);
void drbd_genl_unregister_family(struct genl_family *family);

/**
 * drbd_extack_set_msg - set an extack message from a static string
 * @extack: the extended ack, may be NULL
 * @text: a string with static lifetime
 *
 * Where the kernel formats extack messages, the text gets the module
 * prefix ("drbd: "), as NL_SET_ERR_MSG_MOD() would add to a literal.
 */
static inline void drbd_extack_set_msg(struct netlink_ext_ack *extack,
				       const char *text)
{
#ifdef NL_SET_ERR_MSG_FMT_MOD
	NL_SET_ERR_MSG_FMT_MOD(extack, "%s", text);
#else
	/* NL_SET_ERR_MSG() takes only literals here */
	if (extack)
		extack->_msg = text;
#endif
}

/**
 * drbd_genl_dump_attrs - the parsed request attributes of a dump
 * @cb: the dump's netlink callback
 *
 * Return: the attribute table, indexed by attribute type.
 */
static inline struct nlattr **drbd_genl_dump_attrs(struct netlink_callback *cb)
{
#ifdef HAVE_GENL_INFO_DUMP
	return genl_info_dump(cb)->attrs;
#else
	return genl_dumpit_info(cb)->attrs;
#endif
}

/**
 * drbd_genl_userhdr - the family's fixed header of a do request
 * @info: the request
 *
 * Return: the header; the core checked that the message holds it.
 */
static inline void *drbd_genl_userhdr(const struct genl_info *info)
{
#ifdef HAVE_GENL_INFO_USERHDR
	return genl_info_userhdr(info);
#else
	return info->userhdr;
#endif
}

/**
 * drbd_alloc_disk - allocate a bio-based gendisk with default queue limits
 *
 * Return: the disk or an ERR_PTR().
 */
static inline struct gendisk *drbd_alloc_disk(void)
{
#ifdef HAVE_BLK_ALLOC_DISK_LIMITS
	struct queue_limits lim = { };

	return blk_alloc_disk(&lim, NUMA_NO_NODE);
#else
	struct gendisk *disk = blk_alloc_disk(NUMA_NO_NODE);

	return disk ?: ERR_PTR(-ENOMEM);
#endif
}

struct drbd_bdev_ref;
int drbd_bdev_open_excl(const char *path, void *holder,
			struct drbd_bdev_ref *ref);
void drbd_bdev_close_excl(struct drbd_bdev_ref *ref, void *holder);

/* block_device_operations open/release in the kernel's signature */
extern const struct block_device_operations drbd_bdev_fops;

#endif /* DRBD_COMPAT_H */

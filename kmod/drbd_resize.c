// SPDX-License-Identifier: GPL-2.0
/*
 * Resizing an attached device without a connected peer: the in-tree 8.4
 * driver's drbd_adm_resize(), drbd_new_dev_size() and
 * drbd_determine_dev_size() for a node whose peer was never seen.
 *
 * The exposed size is the requested size (0: as large as possible), else
 * the last agreed size, limited by the data area; the data area is what
 * the meta data can describe on the backing device as it is now. Internal
 * v08 meta data follows a grown (or shrunk) backing device to its end: the
 * superblock, an empty activity log and the bitmap (the old bits copied,
 * the grown part marked out of sync) are written at the new place, as
 * 8.4's drbd_md_set_sector_offsets() lays them out. Changing the activity
 * log's layout is refused (it needs a connected peer in 8.4 unless forced,
 * and is not implemented with force).
 */
#include <linux/blkdev.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "drbd_compat.h"
#include "drbd_core.h"

#define MD_4K_SECT		8U
#define BM_EXT_SECT_SHIFT	15	/* 16 MiB per resync extent */
#define AL_SIZE_K_MAX		(16U * 1024 * 1024)
#define AL_SIZE_K_MIN		32U

static bool drbd_md_idx_is_internal(int idx)
{
	return idx == DRBD_MD_IDX_INTERNAL || idx == DRBD_MD_IDX_FLEX_INTERNAL;
}

/* in-tree drbd_md_set_sector_offsets() for internal meta data */
static void drbd_md_internal_layout(struct drbd_md *md, sector_t capacity)
{
	u32 al_size_sect = md->al_stripes * md->al_stripe_size_4k * 8;
	u64 md_size_sect;

	md_size_sect = ALIGN((u64)capacity, 1ULL << BM_EXT_SECT_SHIFT);
	md_size_sect >>= BM_EXT_SECT_SHIFT;
	md_size_sect = ALIGN(md_size_sect, 8);
	md_size_sect += MD_4K_SECT + al_size_sect;

	md->md_offset = drbd_md_offset(DRBD_MD_IDX_INTERNAL, capacity);
	md->md_size_sect = md_size_sect;
	md->al_offset = -(s32)al_size_sect;
	md->bm_offset = -(s32)md_size_sect + MD_4K_SECT;
}

/* 8.4's drbd_new_dev_size() without a peer (unless @force assumes one) */
static sector_t drbd_new_size(const struct drbd_md *md, sector_t m_size,
			      u64 u_size, bool force)
{
	sector_t p_size = force ? m_size : 0;
	sector_t size = 0;

	if (p_size && m_size) {
		size = min(p_size, m_size);
	} else if (md->la_size_sect) {
		size = md->la_size_sect;
		if (m_size && m_size < size)
			size = m_size;
	} else {
		size = m_size;
	}
	if (u_size && u_size <= size)
		size = u_size;
	return size;
}

static u64 drbd_bm_bytes(sector_t size)
{
	/* one bit per 4 KiB, in 64-bit words */
	return ALIGN(DIV_ROUND_UP_ULL(size, 8), 64) / 8;
}

static int drbd_md_pages_io(struct block_device *bdev, sector_t sector,
			    void *buf, unsigned int pages, bool write,
			    struct page *page)
{
	unsigned int i;
	int err;

	for (i = 0; i < pages; i++) {
		if (write)
			memcpy(page_address(page), buf + i * PAGE_SIZE, PAGE_SIZE);
		err = drbd_md_io(bdev, sector + i * MD_4K_SECT, page, write);
		if (err)
			return err;
		if (!write)
			memcpy(buf + i * PAGE_SIZE, page_address(page), PAGE_SIZE);
	}
	return 0;
}

/*
 * Write the activity log (empty) and the bitmap of @nmd at its place: the
 * bits of the old bitmap up to the old size, the grown part set.
 */
static int drbd_md_move(struct drbd_backing_dev *ldev, const struct drbd_md *nmd,
			sector_t old_size, sector_t new_size)
{
	const struct drbd_md *omd = &ldev->md;
	u64 old_bytes = drbd_bm_bytes(old_size), new_bytes = drbd_bm_bytes(new_size);
	unsigned int old_pages = DIV_ROUND_UP_ULL(old_bytes, PAGE_SIZE);
	unsigned int new_pages = DIV_ROUND_UP_ULL(new_bytes, PAGE_SIZE);
	unsigned int al_pages = nmd->al_stripes * nmd->al_stripe_size_4k;
	unsigned long *bm;
	struct page *page;
	u64 bit, old_bits = DIV_ROUND_UP_ULL(old_size, 8);
	u64 new_bits = DIV_ROUND_UP_ULL(new_size, 8);
	int err = -ENOMEM;

	bm = kvzalloc(max(old_pages, new_pages) * PAGE_SIZE, GFP_KERNEL);
	page = alloc_page(GFP_KERNEL);
	if (!bm || !page)
		goto out;
	err = drbd_md_pages_io(ldev->meta.bdev, omd->md_offset + omd->bm_offset,
			       bm, old_pages, false, page);
	if (err)
		goto out;
	/* 8.4 keeps the bitmap in little-endian 64-bit words: byte-wise bits */
	for (bit = old_bits; bit < new_bits; bit++)
		((u8 *)bm)[bit / 8] |= 1 << (bit % 8);
	for (bit = new_bits; bit < new_bytes * 8; bit++)
		((u8 *)bm)[bit / 8] &= ~(1 << (bit % 8));
	memset((u8 *)bm + new_bytes, 0, new_pages * PAGE_SIZE - new_bytes);

	memset(page_address(page), 0, PAGE_SIZE);
	for (bit = 0; bit < al_pages && !err; bit++)
		err = drbd_md_io(ldev->meta.bdev,
				 nmd->md_offset + nmd->al_offset + bit * MD_4K_SECT,
				 page, true);
	if (!err)
		err = drbd_md_pages_io(ldev->meta.bdev,
				       nmd->md_offset + nmd->bm_offset, bm,
				       new_pages, true, page);
out:
	if (page)
		__free_page(page);
	kvfree(bm);
	return err;
}

static enum drbd_reason drbd_resize_check(const struct drbd_backing_dev *ldev,
					  const struct drbd_resize_config *cfg)
{
	u32 al_size_k = cfg->al_stripes * cfg->al_stripe_size_kb;

	if (cfg->no_resync)
		return DRBD_R_NEED_PEER;
	if (cfg->al_stripes == ldev->md.al_stripes &&
	    cfg->al_stripe_size_kb == ldev->md.al_stripe_size_4k * 4)
		return DRBD_OK;
	if (al_size_k > AL_SIZE_K_MAX)
		return DRBD_R_AL_TOO_BIG;
	if (al_size_k < AL_SIZE_K_MIN)
		return DRBD_R_AL_TOO_SMALL;
	return cfg->force ? DRBD_R_NOT_SUPPORTED : DRBD_R_AL_NEEDS_PEER;
}

/**
 * drbd_device_resize_locked - resize an attached device
 * @device: the device
 * @cfg: the requested size and flags
 *
 * The requested size is kept (as 8.4's disk-size) even if it does not fit;
 * the device then keeps its size. Announces %DRBD_EV_DEVICE_CHANGED.
 *
 * Context: control-path mutex held.
 * Return: %DRBD_OK, %DRBD_R_NO_DISK, %DRBD_R_NEED_PEER (no-resync),
 *         %DRBD_R_AL_TOO_BIG, %DRBD_R_AL_TOO_SMALL, %DRBD_R_AL_NEEDS_PEER,
 *         %DRBD_R_NOT_SUPPORTED (activity-log layout or v09 internal meta
 *         data on a resized backing device), %DRBD_R_MD_LAYOUT_NO_FIT
 *         (smaller than the last agreed size and the requested size does
 *         not fit) or %DRBD_R_MD_IO.
 */
enum drbd_reason drbd_device_resize_locked(struct drbd_device *device,
					   const struct drbd_resize_config *cfg)
{
	struct drbd_backing_dev *ldev = device->ldev;
	sector_t capacity, m_size, size, old_size;
	enum drbd_reason reason;
	bool moved, changed;
	struct drbd_md nmd;

	drbd_cfg_assert_held();
	if (!ldev)
		return DRBD_R_NO_DISK;
	reason = drbd_resize_check(ldev, cfg);
	if (reason)
		return reason;
	ldev->disk_size = cfg->size;

	capacity = bdev_nr_sectors(ldev->backing.bdev);
	nmd = ldev->md;
	if (drbd_md_idx_is_internal(ldev->meta_idx) &&
	    drbd_md_offset(ldev->meta_idx, capacity) != ldev->md.md_offset) {
		if (ldev->md.version != 8)
			return DRBD_R_NOT_SUPPORTED;
		drbd_md_internal_layout(&nmd, capacity);
	}
	m_size = drbd_md_max_capacity(&nmd, ldev->meta_idx, capacity);
	size = drbd_new_size(&ldev->md, m_size, cfg->size, cfg->force);
	if (size < ldev->md.la_size_sect && cfg->size > size)
		return DRBD_R_MD_LAYOUT_NO_FIT;

	old_size = ldev->md.la_size_sect;
	moved = nmd.md_offset != ldev->md.md_offset ||
		nmd.md_size_sect != ldev->md.md_size_sect;
	changed = size != get_capacity(device->disk) || size != old_size;
	if (!changed && !moved)
		return DRBD_OK;
	if (moved && drbd_md_move(ldev, &nmd, old_size, size))
		return DRBD_R_MD_IO;

	nmd.la_size_sect = size;
	ldev->md = nmd;
	ldev->data_sectors = size;
	set_capacity(device->disk, size);
	pr_info("drbd%u: resized to %llu sectors%s\n", device->minor,
		(unsigned long long)size, moved ? ", meta data moved" : "");
	if (drbd_ldev_sync_md(device))
		return DRBD_R_MD_IO;
	drbd_notify(DRBD_EV_DEVICE_CHANGED,
		    &(struct drbd_event){ .resource = device->resource,
					  .device = device });
	return DRBD_OK;
}

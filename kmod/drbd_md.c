// SPDX-License-Identifier: GPL-2.0
/*
 * The on-disk meta data superblock, v08 (DRBD 8.0 - 8.4) and v09 (DRBD 9):
 * where it lives, reading and validating it, writing it back.
 *
 * Format facts: drbd-metadata.md of the project (sections 2 - 5), the same
 * as the Java drbdmeta; the checks are those the in-tree 8.4 driver makes
 * on attach (drbd_md_read, check_activity_log_stripe_size,
 * check_offsets_and_sizes), extended to v09 the way DRBD 9 reads it.
 * All superblock fields are big-endian.
 */
#include <linux/bio.h>
#include <linux/blkdev.h>
#include <linux/log2.h>
#include <linux/math64.h>

#include "drbd_compat.h"
#include "drbd_core.h"

#define MD_4K_SECT	8U		/* 4 KiB in sectors */
#define MD_32K_SECT	64U		/* the smallest activity log */
#define MD_128M_SECT	262144U		/* one indexed external slot */
#define MD_AL_MAX_4K	(16U * 1024 * 1024 / 4)	/* 16 GiB of activity log */
#define MD_MAX_SECTORS	(1ULL << 41)	/* 1 PiB, DRBD's upper limit */

/* v08 superblock fields (byte offsets) */
#define V08_UUID		0x08	/* 4 x u64: current, bitmap, history 0, 1 */
#define V08_DEVICE_UUID		0x28
/* common to v08 and v09 */
#define MD_LA_SIZE		0x00
#define MD_FLAGS		0x38
#define MD_MAGIC		0x3c
#define MD_MD_SIZE		0x40
#define MD_AL_OFFSET		0x44
#define MD_AL_NR_EXTENTS	0x48
#define MD_BM_OFFSET		0x4c
#define MD_BM_BYTES_PER_BIT	0x50
#define MD_LA_PEER_MAX_BIO	0x54
#define V08_AL_STRIPES		0x58
#define V08_AL_STRIPE_SIZE	0x5c
/* v09 */
#define V09_CURRENT_UUID	0x08
#define V09_MEMBERS		0x10
#define V09_DEVICE_UUID		0x30
#define V09_MAX_PEERS		0x58
#define V09_NODE_ID		0x5c
#define V09_AL_STRIPES		0x60
#define V09_AL_STRIPE_SIZE	0x64
#define V09_PEERS		0x70	/* 32 x 32 bytes */
#define V09_PEER_SIZE		32
#define V09_HISTORY		0x470	/* 32 x u64 */

/* the buffer is a page; every field is naturally aligned */
static u64 get64(const u8 *b, unsigned int off)
{
	return be64_to_cpup((const __be64 *)(b + off));
}

static u32 get32(const u8 *b, unsigned int off)
{
	return be32_to_cpup((const __be32 *)(b + off));
}

static void put64(u8 *b, unsigned int off, u64 v)
{
	*(__be64 *)(b + off) = cpu_to_be64(v);
}

static void put32(u8 *b, unsigned int off, u32 v)
{
	*(__be32 *)(b + off) = cpu_to_be32(v);
}

/**
 * drbd_md_offset - the sector of the superblock
 * @meta_idx: DRBD_MD_IDX_* or an external index
 * @md_capacity: size of the meta-data device in sectors
 *
 * Internal: the last 4 KiB-aligned 4 KiB block of the device; flex
 * external: sector 0; indexed external: index x 128 MiB.
 *
 * Return: the sector.
 */
sector_t drbd_md_offset(int meta_idx, sector_t md_capacity)
{
	switch (meta_idx) {
	case DRBD_MD_IDX_INTERNAL:
	case DRBD_MD_IDX_FLEX_INTERNAL:
		if (md_capacity < MD_4K_SECT)
			return 0;
		return (md_capacity & ~(sector_t)7) - MD_4K_SECT;
	case DRBD_MD_IDX_FLEX_EXTERNAL:
		return 0;
	default:
		return (sector_t)meta_idx * MD_128M_SECT;
	}
}

static bool drbd_md_internal(int meta_idx)
{
	return meta_idx == DRBD_MD_IDX_INTERNAL ||
	       meta_idx == DRBD_MD_IDX_FLEX_INTERNAL;
}

/* sectors of the bitmap area */
static u64 drbd_md_bm_sectors(const struct drbd_md *md)
{
	if (md->al_offset < 0)
		return md->al_offset - md->bm_offset;
	return md->md_size_sect - md->bm_offset;
}

/**
 * drbd_md_max_capacity - the largest data area the meta data can describe
 * @md: a validated superblock
 * @meta_idx: DRBD_MD_IDX_* or an external index
 * @backing_capacity: size of the backing device in sectors
 *
 * The bitmap's coverage (whole 4 KiB bitmap blocks, divided among
 * max_peers slots), limited by the backing device and, for internal meta
 * data, by the first sector of the meta-data area (the kernel's
 * drbd_get_max_capacity()).
 *
 * Return: sectors.
 */
sector_t drbd_md_max_capacity(const struct drbd_md *md, int meta_idx,
			      sector_t backing_capacity)
{
	u64 bm_bytes = (drbd_md_bm_sectors(md) << 9) & ~4095ULL;
	u64 bits = div_u64(bm_bytes, md->max_peers) * 8;
	u64 s = bits * (md->bm_bytes_per_bit >> 9);

	s = min_t(u64, s, backing_capacity);
	if (drbd_md_internal(meta_idx))
		s = min_t(u64, s, md->md_offset + md->bm_offset);
	return min_t(u64, s, MD_MAX_SECTORS);
}

static void drbd_md_decode_v08(struct drbd_md *md, const u8 *b)
{
	int i;

	md->version = 8;
	md->current_uuid = get64(b, V08_UUID);
	for (i = 0; i < 3; i++)
		md->v08_uuid[i] = get64(b, V08_UUID + 8 * (i + 1));
	md->device_uuid = get64(b, V08_DEVICE_UUID);
	md->max_peers = 1;
	md->node_id = -1;
	md->al_stripes = get32(b, V08_AL_STRIPES);
	md->al_stripe_size_4k = get32(b, V08_AL_STRIPE_SIZE);
}

static void drbd_md_decode_v09(struct drbd_md *md, const u8 *b)
{
	int i;

	md->version = 9;
	md->current_uuid = get64(b, V09_CURRENT_UUID);
	md->members = get64(b, V09_MEMBERS);
	md->device_uuid = get64(b, V09_DEVICE_UUID);
	md->max_peers = get32(b, V09_MAX_PEERS);
	md->node_id = (s32)get32(b, V09_NODE_ID);
	md->al_stripes = get32(b, V09_AL_STRIPES);
	md->al_stripe_size_4k = get32(b, V09_AL_STRIPE_SIZE);
	for (i = 0; i < DRBD_MD_PEERS_MAX; i++) {
		unsigned int p = V09_PEERS + i * V09_PEER_SIZE;

		md->peers[i].bitmap_uuid = get64(b, p);
		md->peers[i].bitmap_dagtag = get64(b, p + 8);
		md->peers[i].flags = get32(b, p + 16);
		md->peers[i].bitmap_index = (s32)get32(b, p + 20);
	}
	for (i = 0; i < DRBD_MD_HISTORY_MAX; i++)
		md->history_uuids[i] = get64(b, V09_HISTORY + 8 * i);
}

/* the activity log striping (check_activity_log_stripe_size) */
static const char *drbd_md_check_al(struct drbd_md *md)
{
	u64 al_4k;

	/* both unset: pre-8.4 meta data with the fixed 32 KiB log */
	if (!md->al_stripes && !md->al_stripe_size_4k) {
		md->al_stripes = 1;
		md->al_stripe_size_4k = MD_32K_SECT / 8;
	}
	if (!md->al_stripes || !md->al_stripe_size_4k)
		return "invalid activity log striping";
	al_4k = (u64)md->al_stripes * md->al_stripe_size_4k;
	if (al_4k > MD_AL_MAX_4K || al_4k < MD_32K_SECT / 8)
		return "invalid activity log striping";
	return NULL;
}

/* offsets and sizes against the device (check_offsets_and_sizes) */
static const char *drbd_md_check_offsets(const struct drbd_md *md,
					 int meta_idx, sector_t md_capacity)
{
	u64 al_4k = (u64)md->al_stripes * md->al_stripe_size_4k;
	s64 al_sect, bm_sect;
	u64 bits, need;

	if (md->al_offset < 0) {
		if (!drbd_md_internal(meta_idx))
			return "internal meta data layout found on an external meta-data device";
		if (md->bm_offset > md->al_offset)
			return "meta data offsets don't make sense (bitmap after activity log)";
		al_sect = -(s64)md->al_offset;
		bm_sect = (s64)md->al_offset - md->bm_offset;
	} else {
		if (drbd_md_internal(meta_idx))
			return "external meta data layout found where internal meta data was expected";
		if (md->al_offset != MD_4K_SECT)
			return "meta data offsets don't make sense (activity log offset)";
		if (md->bm_offset < md->al_offset + al_4k * MD_4K_SECT)
			return "meta data offsets don't make sense (bitmap overlaps activity log)";
		al_sect = (s64)md->bm_offset - MD_4K_SECT;
		bm_sect = (s64)md->md_size_sect - md->bm_offset;
	}
	if (meta_idx >= 0 &&
	    (md->md_size_sect != MD_128M_SECT || md->al_offset != MD_4K_SECT ||
	     md->bm_offset != MD_4K_SECT + MD_32K_SECT ||
	     md->al_stripes != 1 || md->al_stripe_size_4k != MD_32K_SECT / 8))
		return "indexed external meta data must have the fixed 128 MiB layout";
	if (md_capacity < md->md_size_sect)
		return "meta data larger than the meta-data device";
	if (drbd_md_internal(meta_idx)) {
		if (md->md_size_sect > md->md_offset + MD_4K_SECT)
			return "meta data larger than the device";
	} else if (md->md_offset + md->md_size_sect > md_capacity) {
		return "meta data reaches beyond the end of the meta-data device";
	}
	if ((al_sect & 7) || al_sect < MD_32K_SECT)
		return "meta data offsets don't make sense (activity log size)";
	if (al_sect != al_4k * MD_4K_SECT)
		return "activity log size does not match its striping";
	if (md->bm_offset & 7)
		return "meta data offsets don't make sense (bitmap alignment)";
	if (bm_sect < 0)
		return "meta data offsets don't make sense (bitmap size)";
	/* can the bitmap cover the last agreed size? */
	bits = div_u64(md->la_size_sect + (md->bm_bytes_per_bit >> 9) - 1,
		       md->bm_bytes_per_bit >> 9);
	need = (ALIGN(bits, 64) / 8 * md->max_peers) >> 9;
	if ((u64)bm_sect < need)
		return "the bitmap cannot cover the meta data's last agreed size";
	return NULL;
}

static const char *drbd_md_check_v09(const struct drbd_md *md)
{
	int i;

	if (!md->max_peers || md->max_peers > DRBD_MD_PEERS_MAX)
		return "v09 meta data: invalid max-peers";
	if (md->node_id < -1 || md->node_id > (s32)DRBD_NODE_ID_MAX)
		return "v09 meta data: invalid node id";
	for (i = 0; i < DRBD_MD_PEERS_MAX; i++) {
		s32 idx = md->peers[i].bitmap_index;

		if (idx < -1 || idx >= (s32)md->max_peers)
			return "v09 meta data: invalid bitmap index in a peer slot";
	}
	return NULL;
}

/**
 * drbd_md_decode - read and validate a superblock
 * @md: receives the superblock
 * @buf: the 4096 bytes read at drbd_md_offset()
 * @meta_idx: DRBD_MD_IDX_* or an external index
 * @md_capacity: size of the meta-data device in sectors
 * @backing_capacity: size of the backing device in sectors
 * @text: receives what is wrong, on failure
 *
 * Accepts v08 (magic 0x8374026b) and v09 (0x8374026d) with the activity
 * log clean; the 8.4 "unclean" magic and meta data without MDF_AL_CLEAN
 * are refused (drbdmeta apply-al makes them clean), as by the in-tree
 * driver.
 *
 * Return: %DRBD_OK, %DRBD_R_MD_INVALID or %DRBD_R_MD_UNCLEAN.
 */
enum drbd_reason drbd_md_decode(struct drbd_md *md, const void *buf,
				int meta_idx, sector_t md_capacity,
				sector_t backing_capacity, const char **text)
{
	const u8 *b = buf;
	u32 magic = get32(b, MD_MAGIC);
	const char *bad;

	memset(md, 0, sizeof(*md));
	md->flags = get32(b, MD_FLAGS);
	md->md_offset = drbd_md_offset(meta_idx, md_capacity);

	if (magic == DRBD_MD_MAGIC_84_UNCLEAN ||
	    ((magic == DRBD_MD_MAGIC_08 || magic == DRBD_MD_MAGIC_09) &&
	     !(md->flags & DRBD_MDF_AL_CLEAN))) {
		*text = "meta data is unclean (activity log in use); run drbdmeta apply-al";
		return DRBD_R_MD_UNCLEAN;
	}
	switch (magic) {
	case DRBD_MD_MAGIC_08:
		drbd_md_decode_v08(md, b);
		break;
	case DRBD_MD_MAGIC_09:
		drbd_md_decode_v09(md, b);
		break;
	case DRBD_MD_MAGIC_07:
		*text = "found old v07 (DRBD 0.7) meta data; convert it with drbdmeta create-md";
		return DRBD_R_MD_INVALID;
	default:
		*text = "no DRBD meta data found (bad magic); create it with drbdmeta create-md";
		return DRBD_R_MD_INVALID;
	}

	md->la_size_sect = get64(b, MD_LA_SIZE);
	md->md_size_sect = get32(b, MD_MD_SIZE);
	md->al_offset = (s32)get32(b, MD_AL_OFFSET);
	md->al_nr_extents = get32(b, MD_AL_NR_EXTENTS);
	md->bm_offset = (s32)get32(b, MD_BM_OFFSET);
	md->bm_bytes_per_bit = get32(b, MD_BM_BYTES_PER_BIT);
	md->la_peer_max_bio_size = get32(b, MD_LA_PEER_MAX_BIO);

	if (md->version == 8 && md->bm_bytes_per_bit != 4096) {
		*text = "v08 meta data: bitmap granularity is not 4096 bytes per bit";
		return DRBD_R_MD_INVALID;
	}
	if (md->bm_bytes_per_bit < 4096 || md->bm_bytes_per_bit > (1U << 20) ||
	    !is_power_of_2(md->bm_bytes_per_bit)) {
		*text = "v09 meta data: bitmap granularity not a power of two in 4 KiB - 1 MiB";
		return DRBD_R_MD_INVALID;
	}
	bad = md->version == 9 ? drbd_md_check_v09(md) : NULL;
	bad = bad ?: drbd_md_check_al(md);
	bad = bad ?: drbd_md_check_offsets(md, meta_idx, md_capacity);
	if (bad) {
		*text = bad;
		return DRBD_R_MD_INVALID;
	}
	return DRBD_OK;
}

/**
 * drbd_md_encode - write a superblock into a buffer
 * @md: the superblock
 * @buf: 4096 bytes
 *
 * The layout of drbd_md_decode(); unused and reserved bytes are zero (as
 * the in-tree driver and drbdmeta write them). v08 meta data gets the 8.4
 * "unclean" magic while the activity log is in use (MDF_AL_CLEAN clear),
 * like the in-tree driver writes it on attach.
 */
void drbd_md_encode(const struct drbd_md *md, void *buf)
{
	u8 *b = buf;
	int i;

	memset(b, 0, 4096);
	put64(b, MD_LA_SIZE, md->la_size_sect);
	put32(b, MD_FLAGS, md->flags);
	put32(b, MD_MD_SIZE, md->md_size_sect);
	put32(b, MD_AL_OFFSET, md->al_offset);
	put32(b, MD_AL_NR_EXTENTS, md->al_nr_extents);
	put32(b, MD_BM_OFFSET, md->bm_offset);
	put32(b, MD_BM_BYTES_PER_BIT, md->bm_bytes_per_bit);
	put32(b, MD_LA_PEER_MAX_BIO, md->la_peer_max_bio_size);
	if (md->version == 8) {
		put32(b, MD_MAGIC, (md->flags & DRBD_MDF_AL_CLEAN) ?
			DRBD_MD_MAGIC_08 : DRBD_MD_MAGIC_84_UNCLEAN);
		put64(b, V08_UUID, md->current_uuid);
		for (i = 0; i < 3; i++)
			put64(b, V08_UUID + 8 * (i + 1), md->v08_uuid[i]);
		put64(b, V08_DEVICE_UUID, md->device_uuid);
		put32(b, V08_AL_STRIPES, md->al_stripes);
		put32(b, V08_AL_STRIPE_SIZE, md->al_stripe_size_4k);
		return;
	}
	put32(b, MD_MAGIC, DRBD_MD_MAGIC_09);
	put64(b, V09_CURRENT_UUID, md->current_uuid);
	put64(b, V09_MEMBERS, md->members);
	put64(b, V09_DEVICE_UUID, md->device_uuid);
	put32(b, V09_MAX_PEERS, md->max_peers);
	put32(b, V09_NODE_ID, md->node_id);
	put32(b, V09_AL_STRIPES, md->al_stripes);
	put32(b, V09_AL_STRIPE_SIZE, md->al_stripe_size_4k);
	for (i = 0; i < DRBD_MD_PEERS_MAX; i++) {
		unsigned int p = V09_PEERS + i * V09_PEER_SIZE;

		put64(b, p, md->peers[i].bitmap_uuid);
		put64(b, p + 8, md->peers[i].bitmap_dagtag);
		put32(b, p + 16, md->peers[i].flags);
		put32(b, p + 20, md->peers[i].bitmap_index);
	}
	for (i = 0; i < DRBD_MD_HISTORY_MAX; i++)
		put64(b, V09_HISTORY + 8 * i, md->history_uuids[i]);
}

/**
 * drbd_md_io - read or write one 4 KiB meta-data block, synchronously
 * @bdev: the meta-data device
 * @sector: where
 * @page: the data
 * @write: write (with FUA) instead of read
 *
 * Return: 0 or a negative errno.
 */
int drbd_md_io(struct block_device *bdev, sector_t sector, struct page *page,
	       bool write)
{
	struct bio *bio;
	int err;

	bio = bio_alloc(bdev, 1, write ? REQ_OP_WRITE | REQ_SYNC | REQ_FUA :
			REQ_OP_READ, GFP_NOIO);
	bio->bi_iter.bi_sector = sector;
	__bio_add_page(bio, page, 4096, 0);
	err = submit_bio_wait(bio);
	bio_put(bio);
	return err;
}

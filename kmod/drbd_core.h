/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The DRBD core object model: resources, their devices (volumes) and their
 * connections to peers; lifetimes, lookup, and the operations both netlink
 * families call.
 *
 * Locking: every change of the object model happens under the control-path
 * mutex (drbd_cfg_lock()). The create/delete operations take it themselves;
 * readers (GET, dumps, notification fill functions) take it around lookup
 * and fill. Objects are reference counted; the registries (resource table,
 * minor table) hold one reference each.
 */
#ifndef DRBD_CORE_H
#define DRBD_CORE_H

#include <linux/kdev_t.h>
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/notifier.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/xarray.h>

struct bio;
struct block_device;
struct file;
struct gendisk;
struct page;

#define DRBD_NAME_MAX		127	/* resource name, without NUL */
#define DRBD_CPU_MASK_MAX	255	/* cpu-mask string, without NUL */
#define DRBD_MINOR_MAX		((1U << MINORBITS) - 1)
#define DRBD_VOLUME_MAX		65534U
#define DRBD_NODE_ID_MAX	31U

/**
 * enum drbd_reason - why a core operation failed
 *
 * @DRBD_OK: success
 * @DRBD_R_NOMEM: out of memory
 * @DRBD_R_NAME_INVALID: resource name empty, too long or with bad characters
 * @DRBD_R_NODE_ID_INVALID: node id out of range
 * @DRBD_R_CPU_MASK_INVALID: cpu mask does not parse
 * @DRBD_R_MINOR_INVALID: minor number out of range
 * @DRBD_R_VOLUME_INVALID: volume number out of range
 * @DRBD_R_RES_EXISTS: a resource of that name exists
 * @DRBD_R_RES_UNKNOWN: no resource of that name
 * @DRBD_R_RES_IN_USE: the resource still has devices or connections
 * @DRBD_R_MINOR_EXISTS: the minor number is taken
 * @DRBD_R_VOLUME_EXISTS: the resource has that volume already
 * @DRBD_R_MINOR_UNKNOWN: no device with that minor
 * @DRBD_R_DEVICE_OPEN: the block device is open
 * @DRBD_R_BDEV_FAILED: the block device could not be set up
 * @DRBD_R_PEER_NODE_ID_INVALID: peer node id out of range or our own
 * @DRBD_R_PEER_NAME_INVALID: peer name empty or too long
 * @DRBD_R_PROTOCOL_INVALID: unknown replication protocol
 * @DRBD_R_CONNECTION_EXISTS: the resource has a connection to that peer
 * @DRBD_R_CONNECTION_UNKNOWN: no connection to that peer
 * @DRBD_R_DISK_CONFIGURED: the device has a backing disk already
 * @DRBD_R_NO_DISK: the device has no backing disk
 * @DRBD_R_OPEN_DISK: the backing device cannot be opened exclusively
 * @DRBD_R_OPEN_MD_DISK: the meta-data device cannot be opened exclusively
 * @DRBD_R_MD_IDX_INVALID: bad meta-data index, or internal meta data on
 *                         another device (or external on the same one)
 * @DRBD_R_MD_IO: reading or writing the meta data failed
 * @DRBD_R_MD_INVALID: no valid meta data (bad magic, version, offsets)
 * @DRBD_R_MD_UNCLEAN: the meta data's activity log was not applied
 * @DRBD_R_MD_NODE_ID: the meta data belongs to another node id
 * @DRBD_R_DISK_TOO_SMALL: the data area is too small for the meta data's size
 * @DRBD_R_MD_DISK_TOO_SMALL: the meta-data device is too small
 * @DRBD_R_IMPLICIT_SHRINK: attaching would truncate consistent data
 * @DRBD_R_NO_UP_TO_DATE: the change needs up-to-date data (promoting
 *                        without it, or detaching or outdating a Primary)
 * @DRBD_R_PEER_NOT_OUTDATED: a fencing policy forbids promoting while
 *                            the peer's data is not known to be outdated
 * @DRBD_R_LOWER_THAN_OUTDATED: the disk state is below outdated
 * @DRBD_R_PRIMARY: the resource is Primary
 * @DRBD_R_RESYNC_AFTER: resync-after names an invalid minor
 * @DRBD_R_RESYNC_AFTER_CYCLE: resync-after would make a dependency cycle
 * @DRBD_R_NEED_PEER: the operation needs a connected peer
 * @DRBD_R_AL_TOO_BIG: the activity-log layout is too big
 * @DRBD_R_AL_TOO_SMALL: the activity-log layout is too small
 * @DRBD_R_AL_NEEDS_PEER: changing the activity-log layout needs a peer
 * @DRBD_R_MD_LAYOUT_NO_FIT: the requested size does not fit
 * @DRBD_R_NET_CONFIGURED: the resource is connected or connecting already
 * @DRBD_R_LOCAL_ADDR: the local address is used by another connection
 * @DRBD_R_PEER_ADDR: the peer address is used by another connection
 * @DRBD_R_NEED_TWO_PRI: two primaries need allow-two-primaries
 * @DRBD_R_NOT_PROTO_C: allow-two-primaries needs protocol C
 * @DRBD_R_STONITH_PROTO_A: protocol A with resource-and-stonith fencing
 * @DRBD_R_DISCARD_PRIMARY: discard-my-data on a Primary
 * @DRBD_R_CONG_NOT_PROTO_A: a congestion policy needs protocol A
 * @DRBD_R_CSUMS_ALG: unknown csums-alg hash
 * @DRBD_R_VERIFY_ALG: unknown verify-alg hash
 * @DRBD_R_INTEGRITY_ALG: unknown data-integrity-alg hash
 * @DRBD_R_AUTH_ALG: unknown cram-hmac-alg hash
 * @DRBD_R_NOT_SUPPORTED: not implemented (yet)
 * @DRBD_R_ADDR_INVALID: a path address is not a complete IPv4 or IPv6
 *                       socket address, or the two families differ
 * @DRBD_R_PATH_EXISTS: a path with these addresses exists (in any resource)
 * @DRBD_R_PATH_UNKNOWN: the connection has no path with these addresses
 * @DRBD_R_PATH_IN_USE: the last path of a connection that is not StandAlone
 * @DRBD_R_NO_PATH: connecting needs at least one path
 * @DRBD_R_PATHS_FULL: the connection has the most paths it may have
 * @DRBD_R_PEER_DEVICE_UNKNOWN: no peer device of that connection and volume
 * @DRBD_R_OPTION_RANGE: an option is out of its range
 * @DRBD_R_NOT_CONNECTED: the connection to the peer is not established
 *                        (starting a resync or online verify needs it)
 * @DRBD_R_PAUSE_IS_SET: the resync is paused by the user already
 * @DRBD_R_PAUSE_IS_CLEAR: the resync is not paused by the user
 *
 * Each family translates these: drbd2 into an errno plus an extack message
 * naming the attribute, the legacy family into its ret_code.
 */
enum drbd_reason {
	DRBD_OK = 0,
	DRBD_R_NOMEM,
	DRBD_R_NAME_INVALID,
	DRBD_R_NODE_ID_INVALID,
	DRBD_R_CPU_MASK_INVALID,
	DRBD_R_MINOR_INVALID,
	DRBD_R_VOLUME_INVALID,
	DRBD_R_RES_EXISTS,
	DRBD_R_RES_UNKNOWN,
	DRBD_R_RES_IN_USE,
	DRBD_R_MINOR_EXISTS,
	DRBD_R_VOLUME_EXISTS,
	DRBD_R_MINOR_UNKNOWN,
	DRBD_R_DEVICE_OPEN,
	DRBD_R_BDEV_FAILED,
	DRBD_R_PEER_NODE_ID_INVALID,
	DRBD_R_PEER_NAME_INVALID,
	DRBD_R_PROTOCOL_INVALID,
	DRBD_R_CONNECTION_EXISTS,
	DRBD_R_CONNECTION_UNKNOWN,
	DRBD_R_DISK_CONFIGURED,
	DRBD_R_NO_DISK,
	DRBD_R_OPEN_DISK,
	DRBD_R_OPEN_MD_DISK,
	DRBD_R_MD_IDX_INVALID,
	DRBD_R_MD_IO,
	DRBD_R_MD_INVALID,
	DRBD_R_MD_UNCLEAN,
	DRBD_R_MD_NODE_ID,
	DRBD_R_DISK_TOO_SMALL,
	DRBD_R_MD_DISK_TOO_SMALL,
	DRBD_R_IMPLICIT_SHRINK,
	DRBD_R_NO_UP_TO_DATE,
	DRBD_R_PEER_NOT_OUTDATED,
	DRBD_R_LOWER_THAN_OUTDATED,
	DRBD_R_PRIMARY,
	DRBD_R_RESYNC_AFTER,
	DRBD_R_RESYNC_AFTER_CYCLE,
	DRBD_R_NEED_PEER,
	DRBD_R_AL_TOO_BIG,
	DRBD_R_AL_TOO_SMALL,
	DRBD_R_AL_NEEDS_PEER,
	DRBD_R_MD_LAYOUT_NO_FIT,
	DRBD_R_NET_CONFIGURED,
	DRBD_R_LOCAL_ADDR,
	DRBD_R_PEER_ADDR,
	DRBD_R_NEED_TWO_PRI,
	DRBD_R_NOT_PROTO_C,
	DRBD_R_STONITH_PROTO_A,
	DRBD_R_DISCARD_PRIMARY,
	DRBD_R_CONG_NOT_PROTO_A,
	DRBD_R_CSUMS_ALG,
	DRBD_R_VERIFY_ALG,
	DRBD_R_INTEGRITY_ALG,
	DRBD_R_AUTH_ALG,
	DRBD_R_NOT_SUPPORTED,
	DRBD_R_ADDR_INVALID,
	DRBD_R_PATH_EXISTS,
	DRBD_R_PATH_UNKNOWN,
	DRBD_R_PATH_IN_USE,
	DRBD_R_NO_PATH,
	DRBD_R_PATHS_FULL,
	DRBD_R_PEER_DEVICE_UNKNOWN,
	DRBD_R_OPTION_RANGE,
	DRBD_R_NOT_CONNECTED,
	DRBD_R_PAUSE_IS_SET,
	DRBD_R_PAUSE_IS_CLEAR,
};

/* the role of a resource (DRBD's numbers) */
enum drbd_res_role {
	DRBD_ROLE_UNKNOWN,
	DRBD_ROLE_PRIMARY,
	DRBD_ROLE_SECONDARY,
};

/* how the order of writes is kept on the backing disks (DRBD's numbers) */
enum drbd_write_ordering {
	DRBD_WO_NONE,
	DRBD_WO_DRAIN,
	DRBD_WO_FLUSH,
};

/* disk-option fencing policies (DRBD's numbers) */
enum drbd_fencing_policy {
	DRBD_FENCING_DONT_CARE,
	DRBD_FENCING_RESOURCE_ONLY,
	DRBD_FENCING_RESOURCE_AND_STONITH,
};

enum drbd_res_on_no_data {
	DRBD_ON_NO_DATA_IO_ERROR,
	DRBD_ON_NO_DATA_SUSPEND_IO,
};

enum drbd_protocol {
	DRBD_PROTOCOL_A = 1,
	DRBD_PROTOCOL_B,
	DRBD_PROTOCOL_C,
};

#define DRBD_NET_STR_MAX	64	/* 8.4's SHARED_SECRET_MAX, with the NUL */

/**
 * struct drbd_net_options - tunables of a connection
 * @protocol: replication protocol
 * @allow_two_primaries: both nodes may be primary at the same time
 * @shared_secret: peer authentication secret (8.4 net_conf)
 * @cram_hmac_alg: peer authentication hash
 * @integrity_alg: data integrity hash
 * @verify_alg: online-verify hash
 * @csums_alg: resync checksum hash
 * @u32s: the other numeric 8.4 net options, indexed by
 *        enum drbd_net_u32 (kept and returned; nothing uses them yet)
 * @discard_my_data: discard local data on the next connect
 * @tcp_cork: cork the data socket
 * @always_asbp: always honour the after-split-brain policies
 * @tentative: only check whether a connection would succeed
 * @use_rle: run-length encoding of bitmap transfers
 * @csums_after_crash_only: checksum-based resync only after a crash
 * @transport: DRBD 9's transport name, empty for the default (kept only)
 * @fencing: DRBD 9's per-connection fencing policy (kept only; promoting
 *           follows the disk options' @fencing)
 * @allow_remote_read: DRBD 9: reads may be served by this peer (kept only)
 */
struct drbd_net_options {
	enum drbd_protocol protocol;
	bool allow_two_primaries;
	char shared_secret[DRBD_NET_STR_MAX];
	char cram_hmac_alg[DRBD_NET_STR_MAX];
	char integrity_alg[DRBD_NET_STR_MAX];
	char verify_alg[DRBD_NET_STR_MAX];
	char csums_alg[DRBD_NET_STR_MAX];
	u32 u32s[18];
	bool discard_my_data;
	bool tcp_cork;
	bool always_asbp;
	bool tentative;
	bool use_rle;
	bool csums_after_crash_only;
	char transport[DRBD_NET_STR_MAX];
	u32 fencing;
	bool allow_remote_read;
};

/* the numeric 8.4 net options in struct drbd_net_options.u32s */
enum drbd_net_u32 {
	DRBD_NET_CONNECT_INT,
	DRBD_NET_TIMEOUT,
	DRBD_NET_PING_INT,
	DRBD_NET_PING_TIMEO,
	DRBD_NET_SNDBUF_SIZE,
	DRBD_NET_RCVBUF_SIZE,
	DRBD_NET_KO_COUNT,
	DRBD_NET_MAX_BUFFERS,
	DRBD_NET_MAX_EPOCH_SIZE,
	DRBD_NET_UNPLUG_WATERMARK,
	DRBD_NET_AFTER_SB_0P,
	DRBD_NET_AFTER_SB_1P,
	DRBD_NET_AFTER_SB_2P,
	DRBD_NET_RR_CONFLICT,
	DRBD_NET_ON_CONGESTION,
	DRBD_NET_CONG_FILL,
	DRBD_NET_CONG_EXTENTS,
	DRBD_NET_SOCK_CHECK_TIMEO,
	DRBD_NET_U32_COUNT,
};

#define DRBD_ON_CONGESTION_BLOCK	0	/* 8.4's OC_BLOCK */

/*
 * The state of a connection (DRBD's order): without a peer a connection is
 * StandAlone (not configured), Disconnecting, Unconnected or Connecting
 * (8.4: WFConnection, listening for the peer).
 */
enum drbd_conn_state {
	DRBD_CONN_STANDALONE,
	DRBD_CONN_DISCONNECTING,
	DRBD_CONN_UNCONNECTED,
	DRBD_CONN_CONNECTING,
};

#define DRBD_ADDR_MAX	128	/* sizeof(struct sockaddr_storage) */

/**
 * struct drbd_addr - a socket address as the tools pass it
 * @len: its length, 0 for none
 * @addr: the bytes (struct sockaddr_in / _in6)
 */
struct drbd_addr {
	u32 len;
	u8 addr[DRBD_ADDR_MAX];
};

/**
 * struct drbd_resource_options - tunables of a resource
 * @cpu_mask: hexadecimal CPU mask string, empty for "all"
 * @on_no_data: reaction when no up-to-date data is reachable
 * @auto_promote: promote to primary on open for writing
 * @peer_ack_window: DRBD 9's peer-ack-window, sectors
 * @peer_ack_delay: DRBD 9's peer-ack-delay, ms
 * @twopc_timeout: DRBD 9's twopc-timeout, 0.1 s
 * @twopc_retry_timeout: DRBD 9's twopc-retry-timeout, 0.1 s
 * @auto_promote_timeout: DRBD 9's auto-promote-timeout, 0.1 s
 * @max_io_depth: DRBD 9's max-io-depth
 * @quorum: DRBD 9's quorum: %DRBD_QUORUM_OFF, 1..31 nodes,
 *          %DRBD_QUORUM_MAJORITY or %DRBD_QUORUM_ALL
 * @on_no_quorum: DRBD 9's on-no-quorum
 * @quorum_min_redundancy: DRBD 9's quorum-minimum-redundancy (as @quorum)
 * @on_susp_pri_outdated: DRBD 9's on-suspended-primary-outdated
 *                        (%DRBD_SUSP_PRI_OUTDATED_*)
 *
 * The DRBD 9 options are kept and returned; what they tune (peer acks,
 * two-phase commits, quorum) needs peers and does not exist yet.
 */
struct drbd_resource_options {
	char cpu_mask[DRBD_CPU_MASK_MAX + 1];
	enum drbd_res_on_no_data on_no_data;
	bool auto_promote;
	u32 peer_ack_window;
	u32 peer_ack_delay;
	u32 twopc_timeout;
	u32 twopc_retry_timeout;
	u32 auto_promote_timeout;
	u32 max_io_depth;
	u32 quorum;
	u32 on_no_quorum;
	u32 quorum_min_redundancy;
	u32 on_susp_pri_outdated;
};

/* quorum and quorum-minimum-redundancy: a node count or one of these */
#define DRBD_QUORUM_OFF		0
#define DRBD_QUORUM_NODES_MAX	31
#define DRBD_QUORUM_MAJORITY	1024	/* DRBD 9's QOU_MAJORITY */
#define DRBD_QUORUM_ALL		1025	/* DRBD 9's QOU_ALL */

#define DRBD_SUSP_PRI_OUTDATED_DISCONNECT	0
#define DRBD_SUSP_PRI_OUTDATED_FORCE_SECONDARY	1

/**
 * struct drbd_resource_config - what creating a resource needs
 * @name: the resource's name
 * @node_id: this node's id in the resource
 * @options: initial options
 */
struct drbd_resource_config {
	const char *name;
	u32 node_id;
	struct drbd_resource_options options;
};

/**
 * struct drbd_resource - a resource: a set of volumes replicated together
 * @kref: reference count
 * @id: index in the resource table (stable, used by dump cursors)
 * @name: unique name
 * @node_id: this node's id in the resource
 * @role: Primary or Secondary (of every volume)
 * @write_ordering: the write-ordering method the disk options allow (8.4
 *                  recomputes it on attach and disk-option changes only)
 * @options: the resource's options
 * @volumes: volume number -> struct drbd_device
 * @connections: peer node id -> struct drbd_connection
 */
struct drbd_resource {
	struct kref kref;
	u32 id;
	char name[DRBD_NAME_MAX + 1];
	u32 node_id;
	enum drbd_res_role role;
	enum drbd_write_ordering write_ordering;
	struct drbd_resource_options options;
	struct xarray volumes;
	struct xarray connections;
};

/**
 * struct drbd_connection_config - what creating a connection needs
 * @resource: name of the resource
 * @peer_node_id: the peer's node id
 * @name: the peer's name
 * @net: initial net options
 */
struct drbd_connection_config {
	const char *resource;
	u32 peer_node_id;
	const char *name;
	struct drbd_net_options net;
};

/**
 * struct drbd_connection - the connection of a resource to one peer
 * @kref: reference count
 * @resource: the resource (holds a reference)
 * @peer_node_id: the peer's node id, unique within the resource
 * @name: the peer's name
 * @net: the connection's net options
 * @cstate: its state (changes are state changes of the resource)
 * @paths: its paths (struct drbd_path), in creation order
 * @n_paths: entries in @paths
 * @legacy84: made by the legacy (8.4) connect: it has exactly one path
 *            and is deleted by the disconnect
 * @peer_devices: volume number -> struct drbd_peer_device, one for each
 *                device of the resource
 */
struct drbd_connection {
	struct kref kref;
	struct drbd_resource *resource;
	u32 peer_node_id;
	char name[DRBD_NAME_MAX + 1];
	struct drbd_net_options net;
	enum drbd_conn_state cstate;
	struct list_head paths;
	unsigned int n_paths;
	bool legacy84;
	struct xarray peer_devices;
};

#define DRBD_PATHS_MAX	8	/* paths of one connection */

/**
 * struct drbd_path - a network path of a connection: a pair of addresses
 * @list: entry in the connection's @paths
 * @connection: the connection (the path lives as long as it is listed)
 * @my_addr: the local address (struct sockaddr_in or _in6)
 * @peer_addr: the peer's address (the same family)
 *
 * Named by (resource, peer node id, local address, peer address); the
 * pair of addresses is unique across all resources.
 */
struct drbd_path {
	struct list_head list;
	struct drbd_connection *connection;
	struct drbd_addr my_addr;
	struct drbd_addr peer_addr;
};

/* meta-data index: external indexed >= 0, or one of these */
#define DRBD_MD_IDX_INTERNAL		(-1)
#define DRBD_MD_IDX_FLEX_EXTERNAL	(-2)
#define DRBD_MD_IDX_FLEX_INTERNAL	(-3)
#define DRBD_MD_IDX_MAX			255

/**
 * enum drbd_dstate - the state of a device's local disk
 *
 * The subset of DRBD's disk states a node without peers reaches; the
 * numbers are drbd2's (the legacy family maps them to 8.4's). A device
 * is never in ATTACHING or FAILED: they only appear in state-change
 * events, as the steps attach and detach pass through (8.4's D_ATTACHING,
 * D_FAILED). UNKNOWN is the disk of a peer while not connected (DUnknown).
 */
enum drbd_dstate {
	DRBD_DISK_DISKLESS,
	DRBD_DISK_INCONSISTENT,
	DRBD_DISK_OUTDATED,
	DRBD_DISK_CONSISTENT,
	DRBD_DISK_UP_TO_DATE,
	DRBD_DISK_ATTACHING,
	DRBD_DISK_FAILED,
	DRBD_DISK_UNKNOWN,
};

/**
 * struct drbd_disk_options - tunables of an attached disk (the 8.4 set)
 *
 * Kept and returned; what they tune (resync controller, activity log,
 * barriers) does not exist yet, apart from @fencing and @resync_after.
 */
struct drbd_disk_options {
	u32 max_bio_bvecs;
	u32 on_io_error;
	u32 fencing;
	u32 resync_rate;
	s32 resync_after;
	u32 al_extents;
	u32 c_plan_ahead;
	u32 c_delay_target;
	u32 c_fill_target;
	u32 c_max_rate;
	u32 c_min_rate;
	bool disk_barrier;
	bool disk_flushes;
	bool disk_drain;
	bool md_flushes;
	u32 disk_timeout;
	u32 read_balancing;
	bool al_updates;
	bool discard_zeroes_if_aligned;
	u32 rs_discard_granularity;
	bool disable_write_same;
};

/* superblock magics and device flags (drbd-metadata.md, sections 1 and 5) */
#define DRBD_MD_MAGIC_07		0x8374026aU
#define DRBD_MD_MAGIC_08		0x8374026bU
#define DRBD_MD_MAGIC_84_UNCLEAN	0x8374026cU
#define DRBD_MD_MAGIC_09		0x8374026dU

#define DRBD_MDF_CONSISTENT		(1U << 0)
#define DRBD_MDF_PRIMARY_IND		(1U << 1)
#define DRBD_MDF_CONNECTED_IND		(1U << 2)
#define DRBD_MDF_FULL_SYNC		(1U << 3)
#define DRBD_MDF_WAS_UP_TO_DATE		(1U << 4)
#define DRBD_MDF_PEER_OUT_DATED		(1U << 5)
#define DRBD_MDF_CRASHED_PRIMARY	(1U << 6)
#define DRBD_MDF_AL_CLEAN		(1U << 7)
#define DRBD_MDF_AL_DISABLED		(1U << 8)

#define DRBD_MD_HISTORY_MAX	32	/* v09 history UUIDs */
#define DRBD_MD_PEERS_MAX	32	/* v09 peer slots */

/**
 * struct drbd_md_peer - a v09 peer slot
 * @bitmap_uuid: bitmap UUID
 * @bitmap_dagtag: bitmap dagtag
 * @flags: MDF_PEER_* flags
 * @bitmap_index: the bitmap slot the peer uses, -1 for none
 */
struct drbd_md_peer {
	u64 bitmap_uuid;
	u64 bitmap_dagtag;
	u32 flags;
	s32 bitmap_index;
};

/**
 * struct drbd_md - the in-core copy of a superblock (v08 or v09)
 * @version: 8 or 9
 * @md_offset: sector of the superblock on the meta-data device
 * @la_size_sect: last agreed (effective) size in sectors
 * @current_uuid: current generation UUID
 * @v08_uuid: v08 bitmap, history start and history end UUIDs
 * @members: v09 member node mask
 * @device_uuid: device UUID
 * @flags: MDF_* flags
 * @md_size_sect: size of the meta-data area in sectors
 * @al_offset: activity log offset in sectors, relative to @md_offset
 * @al_nr_extents: activity log extents (kept, written back unchanged)
 * @bm_offset: bitmap offset in sectors, relative to @md_offset
 * @bm_bytes_per_bit: bitmap granularity in bytes
 * @la_peer_max_bio_size: last peer max bio size
 * @max_peers: v09 bitmap slots (1 for v08)
 * @node_id: v09 node id of the meta data, -1 if not yet assigned
 * @al_stripes: activity log stripes
 * @al_stripe_size_4k: activity log stripe size in 4 KiB blocks
 * @peers: v09 peer slots
 * @history_uuids: v09 history UUIDs
 */
struct drbd_md {
	int version;
	sector_t md_offset;
	u64 la_size_sect;
	u64 current_uuid;
	u64 v08_uuid[3];
	u64 members;
	u64 device_uuid;
	u32 flags;
	u32 md_size_sect;
	s32 al_offset;
	u32 al_nr_extents;
	s32 bm_offset;
	u32 bm_bytes_per_bit;
	u32 la_peer_max_bio_size;
	u32 max_peers;
	s32 node_id;
	u32 al_stripes;
	u32 al_stripe_size_4k;
	struct drbd_md_peer peers[DRBD_MD_PEERS_MAX];
	u64 history_uuids[DRBD_MD_HISTORY_MAX];
};

/**
 * struct drbd_bdev_ref - an exclusively opened block device
 * @bdev: the block device
 * @file: the open file on kernels that open block devices as files
 */
struct drbd_bdev_ref {
	struct block_device *bdev;
	struct file *file;
};

/**
 * struct drbd_backing_dev - the local disk of an attached device
 * @backing: the backing (data) device
 * @meta: the meta-data device (for internal meta data: the backing
 *        device, opened once)
 * @meta_opened: @meta was opened by itself (external meta data)
 * @backing_path: path the backing device was opened by
 * @meta_path: path the meta-data device was opened by
 * @meta_idx: meta-data index (DRBD_MD_IDX_*, or the external index)
 * @md: the superblock (in core)
 * @md_disk: the superblock as last written (8.4 writes only at certain
 *           points; bit 0 of the current UUID is changed in core only)
 * @data_sectors: size of the data area (the exposed capacity)
 * @disk_size: the size requested on attach, 0 for none
 * @crashed_primary: the meta data said Primary (or crashed Primary) at
 *                   attach and no peer was seen since
 * @options: the disk options
 */
struct drbd_backing_dev {
	struct drbd_bdev_ref backing;
	struct drbd_bdev_ref meta;
	bool meta_opened;
	char *backing_path;
	char *meta_path;
	int meta_idx;
	struct drbd_md md;
	struct drbd_md md_disk;
	sector_t data_sectors;
	u64 disk_size;
	bool crashed_primary;
	struct drbd_disk_options options;
};

/**
 * struct drbd_attach_config - what attaching a backing disk needs
 * @backing_dev: path of the backing block device
 * @meta_dev: path of the meta-data block device (the backing device's for
 *            internal meta data), or NULL for internal meta data
 * @meta_idx: DRBD_MD_IDX_INTERNAL, DRBD_MD_IDX_FLEX_EXTERNAL,
 *            DRBD_MD_IDX_FLEX_INTERNAL or an index 0..DRBD_MD_IDX_MAX
 * @disk_size: size to expose in sectors, 0 for what the meta data says
 * @options: the disk options, or NULL for the defaults
 */
struct drbd_attach_config {
	const char *backing_dev;
	const char *meta_dev;
	int meta_idx;
	u64 disk_size;
	const struct drbd_disk_options *options;
};

/**
 * struct drbd_attach_result - details of a failed attach
 * @text: what exactly was wrong (static string), or NULL
 * @err: the errno of a failed open or I/O, or 0
 */
struct drbd_attach_result {
	const char *text;
	int err;
};

/**
 * struct drbd_device - a volume of a resource and its block device
 * @kref: reference count
 * @resource: the resource (holds a reference)
 * @minor: minor number of /dev/drbd<minor>
 * @volume: volume number within the resource
 * @disk: the block device
 * @open_lock: protects @open_count and @dying
 * @open_count: number of openers of the block device
 * @dying: set once deletion started; opens then fail
 * @disk_state: state of the local disk
 * @peer_outdated: the (8.4: only) peer's data is known to be outdated;
 *                 from the meta data at attach, or set by a forced promote
 *                 under a fencing policy; stays after detach, as in 8.4
 * @ed_uuid: the UUID of the data exposed (8.4's ed_uuid): set when the
 *           disk becomes consistent and with every new current UUID
 * @ldev: the local disk while attached, else NULL; changes under the
 *        control-path mutex and @io_lock
 * @io_lock: protects @ldev against the I/O path and @io_pending
 * @io_pending: requests passed to the backing device, not yet completed
 * @io_wait: woken when @io_pending drops to zero
 */
struct drbd_device {
	struct kref kref;
	struct drbd_resource *resource;
	u32 minor;
	u32 volume;
	struct gendisk *disk;
	spinlock_t open_lock;
	unsigned int open_count;
	bool dying;
	enum drbd_dstate disk_state;
	bool peer_outdated;
	u64 ed_uuid;
	struct drbd_backing_dev *ldev;
	spinlock_t io_lock;
	unsigned int io_pending;
	wait_queue_head_t io_wait;
};

/**
 * struct drbd_peer_device_options - tunables of a peer device (DRBD 9's
 *                                   peer-device-options)
 * @resync_rate: resync rate in KiB/s
 * @c_plan_ahead: resync controller plan-ahead in 0.1 s (0: fixed rate)
 * @c_delay_target: resync controller delay target in 0.1 s
 * @c_fill_target: resync controller fill target in sectors
 * @c_max_rate: resync controller maximum rate in KiB/s
 * @c_min_rate: minimum resync rate while application I/O runs, KiB/s
 * @bitmap: keep a bitmap for the peer
 *
 * Kept and returned; the resync they tune does not exist yet.
 */
struct drbd_peer_device_options {
	u32 resync_rate;
	u32 c_plan_ahead;
	u32 c_delay_target;
	u32 c_fill_target;
	u32 c_max_rate;
	u32 c_min_rate;
	bool bitmap;
};

/* replication state of a peer device (DRBD 9's order; only Off so far) */
enum drbd_repl_state {
	DRBD_REPL_OFF,
};

/**
 * struct drbd_peer_device - a device as seen through a connection
 * @connection: the connection (the peer device lives as long as both the
 *              connection and @device; it holds no references)
 * @device: the device
 * @peer_disk: the peer's disk state (%DRBD_DISK_UNKNOWN while not
 *             connected)
 * @repl_state: replication state
 * @resync_susp_user: resync suspended by the user
 * @resync_susp_peer: resync suspended by the peer
 * @resync_susp_dependency: resync suspended by a resync-after dependency
 * @options: the peer device's options
 * @out_of_sync_kib: data marked out of sync (KiB; no bitmap yet: 0)
 * @pending: requests sent to the peer and not answered
 * @unacked: requests of the peer not answered yet
 * @received_kib: data received from the peer (KiB)
 * @sent_kib: data sent to the peer (KiB)
 */
struct drbd_peer_device {
	struct drbd_connection *connection;
	struct drbd_device *device;
	enum drbd_dstate peer_disk;
	enum drbd_repl_state repl_state;
	bool resync_susp_user;
	bool resync_susp_peer;
	bool resync_susp_dependency;
	struct drbd_peer_device_options options;
	u64 out_of_sync_kib;
	u32 pending;
	u32 unacked;
	u64 received_kib;
	u64 sent_kib;
};

/* events on the core notifier chain; the data is a struct drbd_event */
enum drbd_event_type {
	DRBD_EV_RESOURCE_CREATED = 1,
	DRBD_EV_RESOURCE_DESTROYED,
	DRBD_EV_DEVICE_CREATED,
	DRBD_EV_DEVICE_DESTROYED,
	DRBD_EV_CONNECTION_CREATED,
	DRBD_EV_CONNECTION_DESTROYED,
	DRBD_EV_DEVICE_CHANGED,
	DRBD_EV_STATE_CHANGED,
	DRBD_EV_PATH_CREATED,
	DRBD_EV_PATH_DESTROYED,
	DRBD_EV_PEER_DEVICE_CREATED,
	DRBD_EV_PEER_DEVICE_DESTROYED,
	DRBD_EV_PEER_DEVICE_CHANGED,
	DRBD_EV_RESOURCE_CHANGED,
	DRBD_EV_CONNECTION_CHANGED,
};

enum { DRBD_OLD, DRBD_NEW };

/**
 * struct drbd_device_state_change - one device in a state change
 * @device: the device
 * @disk: its disk state before and after
 * @peer_outdated: whether the peer's data was known outdated before and after
 * @fixed: @disk[DRBD_NEW] was set explicitly (a transient state)
 */
struct drbd_device_state_change {
	struct drbd_device *device;
	enum drbd_dstate disk[2];
	bool peer_outdated[2];
	bool fixed;
};

/**
 * struct drbd_connection_state_change - one connection in a state change
 * @connection: the connection
 * @cstate: its state before and after
 */
struct drbd_connection_state_change {
	struct drbd_connection *connection;
	enum drbd_conn_state cstate[2];
};

/**
 * struct drbd_state_change - a state change of a resource and its devices
 * @resource: the resource
 * @role: its role before and after
 * @cstate: the state of its 8.4 connection (the one the legacy family
 *          shows) before and after (StandAlone without one)
 * @n_connections: entries in @connections (every connection of the
 *                 resource)
 * @connections: the connections, in peer node id order
 * @n_devices: entries in @devices (every device of the resource)
 * @devices: the devices, in volume order
 */
struct drbd_state_change {
	struct drbd_resource *resource;
	enum drbd_res_role role[2];
	enum drbd_conn_state cstate[2];
	unsigned int n_connections;
	struct drbd_connection_state_change connections[DRBD_NODE_ID_MAX + 1];
	unsigned int n_devices;
	struct drbd_device_state_change devices[];
};

/**
 * struct drbd_event - payload of a core notification
 * @resource: the resource concerned (for device and connection events: the
 *            object's resource)
 * @device: the device concerned, or NULL
 * @connection: the connection concerned, or NULL
 * @path: the path concerned (its connection in @connection), or NULL
 * @peer_device: the peer device concerned (its connection and device in
 *               @connection and @device), or NULL
 * @change: for %DRBD_EV_STATE_CHANGED: the change (resource set, device
 *          NULL)
 *
 * Notifier callbacks run with the control-path mutex held; the objects are
 * valid for the duration of the call (also for DESTROYED events).
 */
struct drbd_event {
	struct drbd_resource *resource;
	struct drbd_device *device;
	struct drbd_connection *connection;
	struct drbd_path *path;
	struct drbd_peer_device *peer_device;
	const struct drbd_state_change *change;
};

/* drbd_core.c */
void drbd_cfg_lock(void);
void drbd_cfg_unlock(void);
void drbd_cfg_assert_held(void);
u32 drbd_cfg_generation(void);
void drbd_cfg_changed(void);
int drbd_register_notifier(struct notifier_block *nb);
int drbd_unregister_notifier(struct notifier_block *nb);
void drbd_notify(enum drbd_event_type type, const struct drbd_event *ev);
int drbd_reason_errno(enum drbd_reason reason);
const char *drbd_reason_text(enum drbd_reason reason);
void drbd_core_destroy_all(void);

/* drbd_resource.c */
enum drbd_reason drbd_resource_create(const struct drbd_resource_config *cfg,
				      struct drbd_resource **created);
enum drbd_reason drbd_resource_delete(const char *name);
enum drbd_reason drbd_resource_down_locked(struct drbd_resource *resource);
enum drbd_reason
drbd_resource_set_options(struct drbd_resource *resource,
			  const struct drbd_resource_options *options);
void drbd_resource_options_defaults(struct drbd_resource_options *opts);
struct drbd_resource *drbd_resource_lookup(const char *name);
struct drbd_resource *drbd_resource_next(unsigned long *pos);
void drbd_resource_get(struct drbd_resource *resource);
void drbd_resource_put(struct drbd_resource *resource);
void drbd_resources_destroy_all(void);

/* drbd_device.c */
enum drbd_reason drbd_device_create(const char *resource_name, u32 volume,
				    u32 minor, struct drbd_device **created);
enum drbd_reason drbd_device_delete(u32 minor);
enum drbd_reason drbd_device_delete_locked(struct drbd_device *device);
struct drbd_device *drbd_device_lookup(u32 minor);
struct drbd_device *drbd_device_next(unsigned long *pos);
void drbd_device_get(struct drbd_device *device);
void drbd_device_put(struct drbd_device *device);
void drbd_devices_destroy_all(void);

/* drbd_connection.c */
enum drbd_reason
drbd_connection_create(const struct drbd_connection_config *cfg,
		       struct drbd_connection **created);
enum drbd_reason drbd_connection_delete(const char *resource_name,
					u32 peer_node_id);
void drbd_connection_delete_locked(struct drbd_connection *connection);
struct drbd_connection *drbd_connection_lookup(const char *resource_name,
					       u32 peer_node_id);
struct drbd_connection *drbd_connection_next(unsigned long *res_pos,
					     unsigned long *peer_pos);
void drbd_connection_get(struct drbd_connection *connection);
void drbd_connection_put(struct drbd_connection *connection);
void drbd_connections_destroy_all(void);
void drbd_net_options_defaults(struct drbd_net_options *net);
enum drbd_conn_state drbd_resource_cstate(const struct drbd_resource *resource);
struct drbd_connection *drbd_resource_connection84(struct drbd_resource *resource);
enum drbd_reason
drbd_resource_connect84_locked(struct drbd_resource *resource,
			       const struct drbd_addr *my_addr,
			       const struct drbd_addr *peer_addr,
			       const struct drbd_net_options *net);
void drbd_connection_disconnect84_locked(struct drbd_connection *connection);
bool drbd_connection_is84(const struct drbd_connection *connection);
enum drbd_reason drbd_connection_connect_locked(struct drbd_connection *connection);
enum drbd_reason
drbd_connection_set_options_locked(struct drbd_connection *connection,
				   const struct drbd_net_options *net);
void drbd_connection_disconnect_locked(struct drbd_connection *connection);

/* drbd_path.c */
bool drbd_addr_equal(const struct drbd_addr *a, const struct drbd_addr *b);
enum drbd_reason drbd_path_addrs_check(const struct drbd_addr *my_addr,
				       const struct drbd_addr *peer_addr);
struct drbd_path *drbd_path_find(const struct drbd_addr *my_addr,
				 const struct drbd_addr *peer_addr);
struct drbd_path *drbd_connection_first_path(const struct drbd_connection *connection);
enum drbd_reason drbd_path_create_locked(struct drbd_connection *connection,
					 const struct drbd_addr *my_addr,
					 const struct drbd_addr *peer_addr,
					 struct drbd_path **created);
enum drbd_reason drbd_path_delete_locked(struct drbd_path *path);
void drbd_path_destroy_locked(struct drbd_path *path);
struct drbd_path *drbd_path_lookup(struct drbd_connection *connection,
				   const struct drbd_addr *my_addr,
				   const struct drbd_addr *peer_addr);
enum drbd_reason drbd_net_options_check(struct drbd_resource *resource,
					const struct drbd_net_options *net);

/* drbd_peer_device.c */
void drbd_peer_device_options_defaults(struct drbd_peer_device_options *opts);
enum drbd_reason
drbd_peer_device_options_check(const struct drbd_peer_device_options *opts);
int drbd_connection_peer_devices_create(struct drbd_connection *connection);
void drbd_connection_peer_devices_destroy(struct drbd_connection *connection);
int drbd_device_peer_devices_create(struct drbd_device *device);
void drbd_device_peer_devices_destroy(struct drbd_device *device);
struct drbd_peer_device *drbd_peer_device_lookup(struct drbd_connection *connection,
						 u32 volume);
enum drbd_reason
drbd_peer_device_set_options_locked(struct drbd_peer_device *peer_device,
				    const struct drbd_peer_device_options *opts);
bool drbd_peer_device_connected(const struct drbd_peer_device *peer_device);
enum drbd_reason
drbd_peer_device_invalidate_locked(struct drbd_peer_device *peer_device,
				   bool reset_bitmap);
enum drbd_reason drbd_peer_device_verify_locked(struct drbd_peer_device *peer_device,
						u64 start_sector, u64 stop_sector);
enum drbd_reason drbd_peer_device_pause_sync_locked(struct drbd_peer_device *peer_device,
						    bool pause);

/* drbd_proc.c */
int drbd_proc_init(void);
void drbd_proc_exit(void);

/* drbd_md.c */
enum drbd_reason drbd_md_decode(struct drbd_md *md, const void *buf,
				int meta_idx, sector_t md_capacity,
				sector_t backing_capacity, const char **text);
void drbd_md_encode(const struct drbd_md *md, void *buf);
sector_t drbd_md_max_capacity(const struct drbd_md *md, int meta_idx,
			      sector_t backing_capacity);
sector_t drbd_md_offset(int meta_idx, sector_t md_capacity);
int drbd_md_io(struct block_device *bdev, sector_t sector, struct page *page,
	       bool write);

/* drbd_attach.c */
enum drbd_reason drbd_device_attach(u32 minor,
				    const struct drbd_attach_config *cfg,
				    struct drbd_attach_result *res);
enum drbd_reason drbd_device_detach(u32 minor, bool force,
				    struct drbd_attach_result *res);
enum drbd_reason drbd_device_detach_locked(struct drbd_device *device,
					   bool force);
const char *drbd_disk_state_name(enum drbd_dstate state);

/* drbd_state.c */
struct drbd_state_change *drbd_state_change_begin(struct drbd_resource *resource);
void drbd_state_change_set_old_disk(struct drbd_state_change *sc,
				    const struct drbd_device *device,
				    enum drbd_dstate disk);
void drbd_state_change_set_new_disk(struct drbd_state_change *sc,
				    const struct drbd_device *device,
				    enum drbd_dstate disk);
bool drbd_state_change_end(struct drbd_state_change *sc);
enum drbd_reason drbd_set_role_locked(struct drbd_resource *resource,
				      enum drbd_res_role role, bool force,
				      bool *changed);
enum drbd_reason drbd_device_outdate_locked(struct drbd_device *device,
					    bool *changed);
enum drbd_reason drbd_device_invalidate_locked(struct drbd_device *device,
					       s32 sync_from_peer,
					       bool reset_bitmap);
u32 drbd_md_flags_for(const struct drbd_backing_dev *ldev, enum drbd_res_role role,
		      enum drbd_dstate disk, bool peer_outdated);
int drbd_ldev_sync_md(struct drbd_device *device);
const char *drbd_role_name(enum drbd_res_role role);

/* drbd_uuid.c */
void drbd_md_uuids_84(const struct drbd_md *md, u64 uuids[4]);
u64 drbd_md_bitmap_uuid(const struct drbd_md *md);
void drbd_uuid_set_current(struct drbd_device *device, u64 val);
void drbd_uuid_new_current(struct drbd_device *device);
void drbd_uuid_rotate_bitmap(struct drbd_device *device);
enum drbd_reason drbd_device_new_current_uuid_locked(struct drbd_device *device,
						     bool clear_bitmap);

/* drbd_disk_options.c */
void drbd_disk_options_defaults(struct drbd_disk_options *opts);
enum drbd_reason drbd_disk_options_check(struct drbd_device *device,
					 struct drbd_disk_options *opts,
					 const struct drbd_md *md);
enum drbd_reason drbd_device_set_disk_options(struct drbd_device *device,
					      const struct drbd_disk_options *opts);
void drbd_resource_bump_write_ordering(struct drbd_resource *resource);

/**
 * struct drbd_resize_config - what resizing a device needs
 * @size: the size to expose in sectors, 0 for as large as possible
 * @force: assume the peer has the space (grow beyond the last agreed size)
 * @no_resync: do not mark a grown part out of sync (needs a peer)
 * @al_stripes: activity-log stripes (the current number: no change)
 * @al_stripe_size_kb: activity-log stripe size in KiB (likewise)
 */
struct drbd_resize_config {
	u64 size;
	bool force;
	bool no_resync;
	u32 al_stripes;
	u32 al_stripe_size_kb;
};

/* drbd_resize.c */
enum drbd_reason drbd_device_resize_locked(struct drbd_device *device,
					   const struct drbd_resize_config *cfg);

/* drbd_bdev.c */
int drbd_bdev_create(struct drbd_device *device);
bool drbd_bdev_begin_delete(struct drbd_device *device);
void drbd_bdev_delete(struct drbd_device *device);
int drbd_bdev_open(struct gendisk *disk);
void drbd_bdev_release(struct gendisk *disk);
void drbd_submit_bio(struct bio *bio);
int drbd_bdev_io_init(void);
void drbd_bdev_io_exit(void);

#endif /* DRBD_CORE_H */

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
#include <linux/notifier.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/xarray.h>

struct bio;
struct gendisk;

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

/**
 * struct drbd_net_options - tunables of a connection
 * @protocol: replication protocol
 * @allow_two_primaries: both nodes may be primary at the same time
 */
struct drbd_net_options {
	enum drbd_protocol protocol;
	bool allow_two_primaries;
};

/**
 * struct drbd_resource_options - tunables of a resource
 * @cpu_mask: hexadecimal CPU mask string, empty for "all"
 * @on_no_data: reaction when no up-to-date data is reachable
 * @auto_promote: promote to primary on open for writing
 */
struct drbd_resource_options {
	char cpu_mask[DRBD_CPU_MASK_MAX + 1];
	enum drbd_res_on_no_data on_no_data;
	bool auto_promote;
};

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
 * @options: the resource's options
 * @volumes: volume number -> struct drbd_device
 * @connections: peer node id -> struct drbd_connection
 */
struct drbd_resource {
	struct kref kref;
	u32 id;
	char name[DRBD_NAME_MAX + 1];
	u32 node_id;
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
 */
struct drbd_connection {
	struct kref kref;
	struct drbd_resource *resource;
	u32 peer_node_id;
	char name[DRBD_NAME_MAX + 1];
	struct drbd_net_options net;
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
};

/* events on the core notifier chain; the data is a struct drbd_event */
enum drbd_event_type {
	DRBD_EV_RESOURCE_CREATED = 1,
	DRBD_EV_RESOURCE_DESTROYED,
	DRBD_EV_DEVICE_CREATED,
	DRBD_EV_DEVICE_DESTROYED,
	DRBD_EV_CONNECTION_CREATED,
	DRBD_EV_CONNECTION_DESTROYED,
};

/**
 * struct drbd_event - payload of a core notification
 * @resource: the resource concerned (for device and connection events: the
 *            object's resource)
 * @device: the device concerned, or NULL
 * @connection: the connection concerned, or NULL
 *
 * Notifier callbacks run with the control-path mutex held; the objects are
 * valid for the duration of the call (also for DESTROYED events).
 */
struct drbd_event {
	struct drbd_resource *resource;
	struct drbd_device *device;
	struct drbd_connection *connection;
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
enum drbd_reason drbd_resource_down(const char *name);
enum drbd_reason
drbd_resource_set_options(struct drbd_resource *resource,
			  const struct drbd_resource_options *options);
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

/* drbd_proc.c */
int drbd_proc_init(void);
void drbd_proc_exit(void);

/* drbd_bdev.c */
int drbd_bdev_create(struct drbd_device *device);
bool drbd_bdev_begin_delete(struct drbd_device *device);
void drbd_bdev_delete(struct drbd_device *device);
int drbd_bdev_open(struct gendisk *disk);
void drbd_bdev_release(struct gendisk *disk);
void drbd_submit_bio(struct bio *bio);

#endif /* DRBD_CORE_H */

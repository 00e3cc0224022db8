// SPDX-License-Identifier: GPL-2.0
/*
 * The control-path lock, the configuration generation, the core notifier
 * chain and the texts of core failure reasons.
 */
#include <linux/errno.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/notifier.h>

#include "drbd_core.h"

static DEFINE_MUTEX(drbd_cfg_mutex);
static u32 drbd_cfg_gen = 1;
static BLOCKING_NOTIFIER_HEAD(drbd_core_chain);

/**
 * drbd_cfg_lock - take the control-path mutex
 *
 * Serialises all changes of the object model against each other and against
 * readers that need a consistent view (dumps, GET replies, notifications).
 */
void drbd_cfg_lock(void)
{
	mutex_lock(&drbd_cfg_mutex);
}

/**
 * drbd_cfg_unlock - release the control-path mutex
 */
void drbd_cfg_unlock(void)
{
	mutex_unlock(&drbd_cfg_mutex);
}

/**
 * drbd_cfg_assert_held - lockdep assertion that the caller holds the mutex
 */
void drbd_cfg_assert_held(void)
{
	lockdep_assert_held(&drbd_cfg_mutex);
}

/**
 * drbd_cfg_generation - the current configuration generation
 *
 * The generation changes with every object created or destroyed; dumps use
 * it to flag interrupted (inconsistent) multi-part replies.
 *
 * Context: control-path mutex held.
 * Return: the generation, never 0.
 */
u32 drbd_cfg_generation(void)
{
	drbd_cfg_assert_held();
	return drbd_cfg_gen;
}

/**
 * drbd_cfg_changed - advance the configuration generation
 *
 * Context: control-path mutex held.
 */
void drbd_cfg_changed(void)
{
	drbd_cfg_assert_held();
	if (++drbd_cfg_gen == 0)
		drbd_cfg_gen = 1;
}

/**
 * drbd_register_notifier - subscribe to object creation and deletion
 * @nb: notifier block; its callback gets an enum drbd_event_type and a
 *      struct drbd_event
 *
 * Return: 0 or a negative errno.
 */
int drbd_register_notifier(struct notifier_block *nb)
{
	return blocking_notifier_chain_register(&drbd_core_chain, nb);
}

/**
 * drbd_unregister_notifier - undo drbd_register_notifier()
 * @nb: notifier block
 *
 * Return: 0 or a negative errno.
 */
int drbd_unregister_notifier(struct notifier_block *nb)
{
	return blocking_notifier_chain_unregister(&drbd_core_chain, nb);
}

/**
 * drbd_notify - announce a change of the object model
 * @type: what happened
 * @ev: the objects concerned
 *
 * Context: control-path mutex held.
 */
void drbd_notify(enum drbd_event_type type, const struct drbd_event *ev)
{
	drbd_cfg_assert_held();
	blocking_notifier_call_chain(&drbd_core_chain, type, (void *)ev);
}

/**
 * drbd_reason_errno - the errno that stands for a failure reason
 * @reason: a core failure reason
 *
 * Return: a negative errno, or 0 for %DRBD_OK.
 */
int drbd_reason_errno(enum drbd_reason reason)
{
	switch (reason) {
	case DRBD_OK:
		return 0;
	case DRBD_R_NOMEM:
		return -ENOMEM;
	case DRBD_R_NAME_INVALID:
	case DRBD_R_NODE_ID_INVALID:
	case DRBD_R_PEER_NODE_ID_INVALID:
	case DRBD_R_PEER_NAME_INVALID:
	case DRBD_R_PROTOCOL_INVALID:
	case DRBD_R_CPU_MASK_INVALID:
	case DRBD_R_MINOR_INVALID:
	case DRBD_R_VOLUME_INVALID:
		return -EINVAL;
	case DRBD_R_RES_EXISTS:
	case DRBD_R_MINOR_EXISTS:
	case DRBD_R_VOLUME_EXISTS:
	case DRBD_R_CONNECTION_EXISTS:
		return -EEXIST;
	case DRBD_R_RES_UNKNOWN:
	case DRBD_R_MINOR_UNKNOWN:
	case DRBD_R_CONNECTION_UNKNOWN:
		return -ENOENT;
	case DRBD_R_RES_IN_USE:
	case DRBD_R_DEVICE_OPEN:
		return -EBUSY;
	case DRBD_R_BDEV_FAILED:
	case DRBD_R_MD_IO:
		return -EIO;
	case DRBD_R_DISK_CONFIGURED:
	case DRBD_R_OPEN_DISK:
	case DRBD_R_OPEN_MD_DISK:
		return -EBUSY;
	case DRBD_R_NO_DISK:
		return -ENODEV;
	case DRBD_R_MD_IDX_INVALID:
		return -EINVAL;
	case DRBD_R_MD_INVALID:
	case DRBD_R_MD_NODE_ID:
		return -EMEDIUMTYPE;
	case DRBD_R_MD_UNCLEAN:
		return -EUCLEAN;
	case DRBD_R_DISK_TOO_SMALL:
	case DRBD_R_MD_DISK_TOO_SMALL:
	case DRBD_R_IMPLICIT_SHRINK:
		return -ENOSPC;
	case DRBD_R_NO_UP_TO_DATE:
		return -ENODATA;
	case DRBD_R_PEER_NOT_OUTDATED:
		return -EHOSTUNREACH;
	case DRBD_R_LOWER_THAN_OUTDATED:
		return -EINVAL;
	case DRBD_R_PRIMARY:
		return -EBUSY;
	case DRBD_R_RESYNC_AFTER:
		return -EINVAL;
	case DRBD_R_RESYNC_AFTER_CYCLE:
		return -ELOOP;
	case DRBD_R_NEED_PEER:
	case DRBD_R_AL_NEEDS_PEER:
		return -ENOTCONN;
	case DRBD_R_AL_TOO_BIG:
	case DRBD_R_AL_TOO_SMALL:
		return -EINVAL;
	case DRBD_R_MD_LAYOUT_NO_FIT:
		return -ENOSPC;
	case DRBD_R_NET_CONFIGURED:
		return -EALREADY;
	case DRBD_R_LOCAL_ADDR:
	case DRBD_R_PEER_ADDR:
		return -EADDRINUSE;
	case DRBD_R_NEED_TWO_PRI:
	case DRBD_R_NOT_PROTO_C:
	case DRBD_R_STONITH_PROTO_A:
	case DRBD_R_DISCARD_PRIMARY:
	case DRBD_R_CONG_NOT_PROTO_A:
		return -EINVAL;
	case DRBD_R_CSUMS_ALG:
	case DRBD_R_VERIFY_ALG:
	case DRBD_R_INTEGRITY_ALG:
	case DRBD_R_AUTH_ALG:
		return -ENOENT;
	case DRBD_R_NOT_SUPPORTED:
		return -EOPNOTSUPP;
	case DRBD_R_ADDR_INVALID:
		return -EAFNOSUPPORT;
	case DRBD_R_PATH_EXISTS:
		return -EADDRINUSE;
	case DRBD_R_PATH_UNKNOWN:
		return -ENOENT;
	case DRBD_R_PATH_IN_USE:
		return -EBUSY;
	case DRBD_R_NO_PATH:
		return -EDESTADDRREQ;
	case DRBD_R_PATHS_FULL:
		return -ENOSPC;
	case DRBD_R_PEER_DEVICE_UNKNOWN:
		return -ENOENT;
	case DRBD_R_OPTION_RANGE:
		return -ERANGE;
	case DRBD_R_NOT_CONNECTED:
		return -ENOTCONN;
	case DRBD_R_PAUSE_IS_SET:
	case DRBD_R_PAUSE_IS_CLEAR:
		return -EALREADY;
	}
	return -EINVAL;
}

/**
 * drbd_reason_text - a short description of a failure reason
 * @reason: a core failure reason
 *
 * Return: a static string.
 */
const char *drbd_reason_text(enum drbd_reason reason)
{
	switch (reason) {
	case DRBD_OK:
		return "success";
	case DRBD_R_NOMEM:
		return "out of memory";
	case DRBD_R_NAME_INVALID:
		return "invalid resource name";
	case DRBD_R_NODE_ID_INVALID:
		return "invalid node id";
	case DRBD_R_CPU_MASK_INVALID:
		return "invalid cpu mask";
	case DRBD_R_MINOR_INVALID:
		return "invalid minor number";
	case DRBD_R_VOLUME_INVALID:
		return "invalid volume number";
	case DRBD_R_RES_EXISTS:
		return "resource exists";
	case DRBD_R_RES_UNKNOWN:
		return "unknown resource";
	case DRBD_R_RES_IN_USE:
		return "resource still has volumes or connections";
	case DRBD_R_MINOR_EXISTS:
		return "minor in use";
	case DRBD_R_VOLUME_EXISTS:
		return "volume exists in the resource";
	case DRBD_R_MINOR_UNKNOWN:
		return "unknown minor";
	case DRBD_R_DEVICE_OPEN:
		return "device is open";
	case DRBD_R_BDEV_FAILED:
		return "block device setup failed";
	case DRBD_R_PEER_NODE_ID_INVALID:
		return "invalid peer node id";
	case DRBD_R_PEER_NAME_INVALID:
		return "invalid peer name";
	case DRBD_R_PROTOCOL_INVALID:
		return "invalid protocol";
	case DRBD_R_CONNECTION_EXISTS:
		return "connection exists";
	case DRBD_R_CONNECTION_UNKNOWN:
		return "unknown connection";
	case DRBD_R_DISK_CONFIGURED:
		return "device has a backing disk attached";
	case DRBD_R_NO_DISK:
		return "device has no backing disk";
	case DRBD_R_OPEN_DISK:
		return "cannot open the backing device";
	case DRBD_R_OPEN_MD_DISK:
		return "cannot open the meta-data device";
	case DRBD_R_MD_IDX_INVALID:
		return "invalid meta-data index";
	case DRBD_R_MD_IO:
		return "meta-data I/O error";
	case DRBD_R_MD_INVALID:
		return "no valid meta data found";
	case DRBD_R_MD_UNCLEAN:
		return "meta data is unclean; run drbdmeta apply-al";
	case DRBD_R_MD_NODE_ID:
		return "meta data belongs to another node id";
	case DRBD_R_DISK_TOO_SMALL:
		return "backing device too small";
	case DRBD_R_MD_DISK_TOO_SMALL:
		return "meta-data device too small";
	case DRBD_R_IMPLICIT_SHRINK:
		return "refusing to truncate consistent data";
	case DRBD_R_NO_UP_TO_DATE:
		return "needs up-to-date data (promote with force to use inconsistent or outdated data)";
	case DRBD_R_PEER_NOT_OUTDATED:
		return "fencing policy: the peer's data is not known to be outdated (promote with force)";
	case DRBD_R_LOWER_THAN_OUTDATED:
		return "disk state is lower than outdated";
	case DRBD_R_PRIMARY:
		return "the resource is primary";
	case DRBD_R_RESYNC_AFTER:
		return "resync-after names an invalid minor";
	case DRBD_R_RESYNC_AFTER_CYCLE:
		return "resync-after would make a dependency cycle";
	case DRBD_R_NEED_PEER:
		return "needs a connected peer";
	case DRBD_R_AL_TOO_BIG:
		return "activity log layout too big";
	case DRBD_R_AL_TOO_SMALL:
		return "activity log layout too small";
	case DRBD_R_AL_NEEDS_PEER:
		return "changing the activity log layout needs a connected peer";
	case DRBD_R_MD_LAYOUT_NO_FIT:
		return "the requested size does not fit";
	case DRBD_R_NET_CONFIGURED:
		return "the connection is configured already";
	case DRBD_R_LOCAL_ADDR:
		return "local address in use by another connection";
	case DRBD_R_PEER_ADDR:
		return "peer address in use by another connection";
	case DRBD_R_NEED_TWO_PRI:
		return "both nodes are Primary: needs allow-two-primaries";
	case DRBD_R_NOT_PROTO_C:
		return "allow-two-primaries needs protocol C";
	case DRBD_R_STONITH_PROTO_A:
		return "protocol A with resource-and-stonith fencing";
	case DRBD_R_DISCARD_PRIMARY:
		return "discard-my-data on a Primary";
	case DRBD_R_CONG_NOT_PROTO_A:
		return "a congestion policy needs protocol A";
	case DRBD_R_CSUMS_ALG:
		return "csums-alg not available";
	case DRBD_R_VERIFY_ALG:
		return "verify-alg not available";
	case DRBD_R_INTEGRITY_ALG:
		return "data-integrity-alg not available";
	case DRBD_R_AUTH_ALG:
		return "cram-hmac-alg not available";
	case DRBD_R_NOT_SUPPORTED:
		return "not supported by this drbd module yet";
	case DRBD_R_ADDR_INVALID:
		return "not an IPv4 or IPv6 socket address, or the families differ";
	case DRBD_R_PATH_EXISTS:
		return "a path with these addresses exists";
	case DRBD_R_PATH_UNKNOWN:
		return "no path with these addresses";
	case DRBD_R_PATH_IN_USE:
		return "the last path of a connection that is not StandAlone";
	case DRBD_R_NO_PATH:
		return "connecting needs a path";
	case DRBD_R_PATHS_FULL:
		return "too many paths";
	case DRBD_R_PEER_DEVICE_UNKNOWN:
		return "no such peer device (volume)";
	case DRBD_R_OPTION_RANGE:
		return "option out of range";
	case DRBD_R_NOT_CONNECTED:
		return "the connection to the peer is not established (needed to start a resync or online verify)";
	case DRBD_R_PAUSE_IS_SET:
		return "resync is paused already";
	case DRBD_R_PAUSE_IS_CLEAR:
		return "resync is not paused";
	}
	return "unknown error";
}

/**
 * drbd_core_destroy_all - delete every object (module unload)
 *
 * Called after the netlink families are gone; no block device can be open
 * because an opener holds a reference on the module.
 */
void drbd_core_destroy_all(void)
{
	drbd_connections_destroy_all();
	drbd_devices_destroy_all();
	drbd_resources_destroy_all();
}

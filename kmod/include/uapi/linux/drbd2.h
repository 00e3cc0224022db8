/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	genl-drbd2/drbd2.yaml */
/* YNL-GEN uapi header */
/* To regenerate run: tools/net/ynl/ynl-regen.sh */

#ifndef _UAPI_LINUX_DRBD2_H
#define _UAPI_LINUX_DRBD2_H

#define DRBD2_FAMILY_NAME	"drbd2"
#define DRBD2_FAMILY_VERSION	1

#define DRBD2_NAME_MAX_LEN	127
#define DRBD2_MINOR_MAX		1048575
#define DRBD2_VOLUME_MAX	65534
#define DRBD2_NODE_ID_MAX	31
#define DRBD2_CPU_MASK_MAX_LEN	255

/**
 * enum drbd2_on_no_data - What a resource does when no up-to-date data is
 *   reachable.
 * @DRBD2_ON_NO_DATA_IO_ERROR: Fail I/O requests.
 * @DRBD2_ON_NO_DATA_SUSPEND_IO: Queue I/O requests until data is reachable
 *   again.
 */
enum drbd2_on_no_data {
	DRBD2_ON_NO_DATA_IO_ERROR,
	DRBD2_ON_NO_DATA_SUSPEND_IO,
};

#define DRBD2_PATH_MAX_LEN	4095
#define DRBD2_META_IDX_MAX	255

/**
 * enum drbd2_disk_state - State of a device's local disk. A node without peers
 *   derives it from the meta-data flags on attach: inconsistent unless the
 *   data is marked consistent, outdated unless it was up to date, else
 *   up-to-date (consistent under a fencing policy unless the peer is known to
 *   be outdated). Forced promotion makes it up-to-date, device-outdate
 *   outdated.
 * @DRBD2_DISK_STATE_DISKLESS: No backing disk; I/O to the block device fails.
 * @DRBD2_DISK_STATE_INCONSISTENT: The data is not consistent (e.g. meta data
 *   just created).
 * @DRBD2_DISK_STATE_OUTDATED: Consistent, but known to be not the newest data.
 * @DRBD2_DISK_STATE_CONSISTENT: Consistent; whether it is the newest is not
 *   known.
 * @DRBD2_DISK_STATE_UP_TO_DATE: Consistent and the newest data.
 * @DRBD2_DISK_STATE_UNKNOWN: Peer devices only: the peer's disk state is not
 *   known (not connected).
 */
enum drbd2_disk_state {
	DRBD2_DISK_STATE_DISKLESS,
	DRBD2_DISK_STATE_INCONSISTENT,
	DRBD2_DISK_STATE_OUTDATED,
	DRBD2_DISK_STATE_CONSISTENT,
	DRBD2_DISK_STATE_UP_TO_DATE,
	DRBD2_DISK_STATE_UNKNOWN,
};

/**
 * enum drbd2_role - The role of a resource (of all its volumes).
 * @DRBD2_ROLE_UNKNOWN: Not known (not used for the local node).
 * @DRBD2_ROLE_PRIMARY: The block devices may be opened for writing; needs
 *   up-to-date data on every volume.
 * @DRBD2_ROLE_SECONDARY: The block devices are not used.
 */
enum drbd2_role {
	DRBD2_ROLE_UNKNOWN,
	DRBD2_ROLE_PRIMARY,
	DRBD2_ROLE_SECONDARY,
};

/**
 * enum drbd2_protocol - Replication protocol, when a write counts as
 *   completed.
 * @DRBD2_PROTOCOL_A: Asynchronous, once it is on the local disk and in the
 *   send buffer.
 * @DRBD2_PROTOCOL_B: Memory synchronous, once the peer has received it.
 * @DRBD2_PROTOCOL_C: Synchronous, once it is on the peer's disk too.
 */
enum drbd2_protocol {
	DRBD2_PROTOCOL_A = 1,
	DRBD2_PROTOCOL_B,
	DRBD2_PROTOCOL_C,
};

/**
 * enum drbd2_connection_state - State of a connection. There is no data plane
 *   yet: a connection goes from standalone through unconnected to connecting
 *   (connection-connect) and stays there; connection-disconnect takes it
 *   through disconnecting back to standalone.
 * @DRBD2_CONNECTION_STATE_STANDALONE: Not connecting (new, or disconnected).
 * @DRBD2_CONNECTION_STATE_DISCONNECTING: Passed through while disconnecting.
 * @DRBD2_CONNECTION_STATE_UNCONNECTED: Passed through while starting to
 *   connect.
 * @DRBD2_CONNECTION_STATE_CONNECTING: Trying to reach the peer over the
 *   connection's paths.
 */
enum drbd2_connection_state {
	DRBD2_CONNECTION_STATE_STANDALONE,
	DRBD2_CONNECTION_STATE_DISCONNECTING,
	DRBD2_CONNECTION_STATE_UNCONNECTED,
	DRBD2_CONNECTION_STATE_CONNECTING,
};

/**
 * enum drbd2_repl_state - Replication state of a peer device. There is no data
 *   plane yet, so it is always off.
 * @DRBD2_REPL_STATE_OFF: Not replicating (the connection is not established).
 */
enum drbd2_repl_state {
	DRBD2_REPL_STATE_OFF,
};

enum {
	DRBD2_A_RESOURCE_OPTIONS_CPU_MASK = 1,
	DRBD2_A_RESOURCE_OPTIONS_ON_NO_DATA_ACCESSIBLE,
	DRBD2_A_RESOURCE_OPTIONS_AUTO_PROMOTE,

	__DRBD2_A_RESOURCE_OPTIONS_MAX,
	DRBD2_A_RESOURCE_OPTIONS_MAX = (__DRBD2_A_RESOURCE_OPTIONS_MAX - 1)
};

enum {
	DRBD2_A_RESOURCE_NAME = 1,
	DRBD2_A_RESOURCE_NODE_ID,
	DRBD2_A_RESOURCE_OPTIONS,
	DRBD2_A_RESOURCE_ROLE,
	DRBD2_A_RESOURCE_FORCE,

	__DRBD2_A_RESOURCE_MAX,
	DRBD2_A_RESOURCE_MAX = (__DRBD2_A_RESOURCE_MAX - 1)
};

enum {
	DRBD2_A_DEVICE_MINOR = 1,
	DRBD2_A_DEVICE_VOLUME,
	DRBD2_A_DEVICE_RESOURCE,
	DRBD2_A_DEVICE_BACKING_DEV,
	DRBD2_A_DEVICE_META_DEV,
	DRBD2_A_DEVICE_META_IDX,
	DRBD2_A_DEVICE_DISK_STATE,
	DRBD2_A_DEVICE_SIZE,
	DRBD2_A_DEVICE_MD_VERSION,
	DRBD2_A_DEVICE_CURRENT_UUID,
	DRBD2_A_DEVICE_HISTORY_UUID,
	DRBD2_A_DEVICE_MD_FLAGS,
	DRBD2_A_DEVICE_PAD,
	DRBD2_A_DEVICE_FORCE,
	DRBD2_A_DEVICE_CLEAR_BITMAP,
	DRBD2_A_DEVICE_PEER_OUTDATED,

	__DRBD2_A_DEVICE_MAX,
	DRBD2_A_DEVICE_MAX = (__DRBD2_A_DEVICE_MAX - 1)
};

enum {
	DRBD2_A_NET_OPTIONS_PROTOCOL = 1,
	DRBD2_A_NET_OPTIONS_ALLOW_TWO_PRIMARIES,

	__DRBD2_A_NET_OPTIONS_MAX,
	DRBD2_A_NET_OPTIONS_MAX = (__DRBD2_A_NET_OPTIONS_MAX - 1)
};

enum {
	DRBD2_A_CONNECTION_RESOURCE = 1,
	DRBD2_A_CONNECTION_PEER_NODE_ID,
	DRBD2_A_CONNECTION_NAME,
	DRBD2_A_CONNECTION_NET_OPTIONS,
	DRBD2_A_CONNECTION_CSTATE,

	__DRBD2_A_CONNECTION_MAX,
	DRBD2_A_CONNECTION_MAX = (__DRBD2_A_CONNECTION_MAX - 1)
};

enum {
	DRBD2_A_PATH_RESOURCE = 1,
	DRBD2_A_PATH_PEER_NODE_ID,
	DRBD2_A_PATH_MY_ADDR,
	DRBD2_A_PATH_PEER_ADDR,

	__DRBD2_A_PATH_MAX,
	DRBD2_A_PATH_MAX = (__DRBD2_A_PATH_MAX - 1)
};

enum {
	DRBD2_A_PEER_DEVICE_OPTIONS_RESYNC_RATE = 1,
	DRBD2_A_PEER_DEVICE_OPTIONS_C_PLAN_AHEAD,
	DRBD2_A_PEER_DEVICE_OPTIONS_C_DELAY_TARGET,
	DRBD2_A_PEER_DEVICE_OPTIONS_C_FILL_TARGET,
	DRBD2_A_PEER_DEVICE_OPTIONS_C_MAX_RATE,
	DRBD2_A_PEER_DEVICE_OPTIONS_C_MIN_RATE,
	DRBD2_A_PEER_DEVICE_OPTIONS_BITMAP,

	__DRBD2_A_PEER_DEVICE_OPTIONS_MAX,
	DRBD2_A_PEER_DEVICE_OPTIONS_MAX = (__DRBD2_A_PEER_DEVICE_OPTIONS_MAX - 1)
};

enum {
	DRBD2_A_PEER_DEVICE_RESOURCE = 1,
	DRBD2_A_PEER_DEVICE_PEER_NODE_ID,
	DRBD2_A_PEER_DEVICE_VOLUME,
	DRBD2_A_PEER_DEVICE_MINOR,
	DRBD2_A_PEER_DEVICE_PEER_DISK_STATE,
	DRBD2_A_PEER_DEVICE_REPL_STATE,
	DRBD2_A_PEER_DEVICE_RESYNC_SUSP_USER,
	DRBD2_A_PEER_DEVICE_RESYNC_SUSP_PEER,
	DRBD2_A_PEER_DEVICE_RESYNC_SUSP_DEPENDENCY,
	DRBD2_A_PEER_DEVICE_OPTIONS,
	DRBD2_A_PEER_DEVICE_OUT_OF_SYNC,
	DRBD2_A_PEER_DEVICE_PENDING,
	DRBD2_A_PEER_DEVICE_UNACKED,
	DRBD2_A_PEER_DEVICE_RECEIVED,
	DRBD2_A_PEER_DEVICE_SENT,
	DRBD2_A_PEER_DEVICE_PAD,

	__DRBD2_A_PEER_DEVICE_MAX,
	DRBD2_A_PEER_DEVICE_MAX = (__DRBD2_A_PEER_DEVICE_MAX - 1)
};

enum {
	DRBD2_CMD_RESOURCE_GET = 1,
	DRBD2_CMD_RESOURCE_NEW,
	DRBD2_CMD_RESOURCE_DEL,
	DRBD2_CMD_RESOURCE_CREATE_NTF,
	DRBD2_CMD_RESOURCE_DELETE_NTF,
	DRBD2_CMD_DEVICE_GET,
	DRBD2_CMD_DEVICE_NEW,
	DRBD2_CMD_DEVICE_DEL,
	DRBD2_CMD_DEVICE_CREATE_NTF,
	DRBD2_CMD_DEVICE_DELETE_NTF,
	DRBD2_CMD_CONNECTION_GET,
	DRBD2_CMD_CONNECTION_NEW,
	DRBD2_CMD_CONNECTION_DEL,
	DRBD2_CMD_CONNECTION_CREATE_NTF,
	DRBD2_CMD_CONNECTION_DELETE_NTF,
	DRBD2_CMD_DEVICE_ATTACH,
	DRBD2_CMD_DEVICE_DETACH,
	DRBD2_CMD_DEVICE_CHANGE_NTF,
	DRBD2_CMD_RESOURCE_SET_ROLE,
	DRBD2_CMD_RESOURCE_CHANGE_NTF,
	DRBD2_CMD_DEVICE_OUTDATE,
	DRBD2_CMD_DEVICE_NEW_CURRENT_UUID,
	DRBD2_CMD_DEVICE_RESIZE,
	DRBD2_CMD_CONNECTION_CONNECT,
	DRBD2_CMD_CONNECTION_DISCONNECT,
	DRBD2_CMD_CONNECTION_CHANGE_NTF,
	DRBD2_CMD_PATH_GET,
	DRBD2_CMD_PATH_NEW,
	DRBD2_CMD_PATH_DEL,
	DRBD2_CMD_PATH_CREATE_NTF,
	DRBD2_CMD_PATH_DELETE_NTF,
	DRBD2_CMD_PEER_DEVICE_GET,
	DRBD2_CMD_PEER_DEVICE_SET_OPTIONS,
	DRBD2_CMD_PEER_DEVICE_CREATE_NTF,
	DRBD2_CMD_PEER_DEVICE_DELETE_NTF,
	DRBD2_CMD_PEER_DEVICE_CHANGE_NTF,

	__DRBD2_CMD_MAX,
	DRBD2_CMD_MAX = (__DRBD2_CMD_MAX - 1)
};

#define DRBD2_MCGRP_EVENTS	"events"

#endif /* _UAPI_LINUX_DRBD2_H */

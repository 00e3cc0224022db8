// SPDX-License-Identifier: GPL-2.0
/*
 * Legacy drbd family: notifications on the "events" group, as the in-tree
 * driver sends them.
 *
 * Core object creation and destruction become the events2-style
 * RESOURCE_STATE and DEVICE_STATE messages (NOTIFY_CREATE /
 * NOTIFY_DESTROY; destroy messages leave out the info nest). A core state
 * change becomes what 8.4's broadcast_state_change() and after_state_ch()
 * send: RESOURCE_STATE (role changed), DEVICE_STATE (disk state changed)
 * and PEER_DEVICE_STATE (the peer's disk state changed) with
 * NOTIFY_CHANGE, every one but the last flagged NOTIFY_CONTINUES, then a
 * DRBD_EVENT (state-info with sib-reason state-change and the old and new
 * state words) for every device whose 8.4 state word changed. The two
 * kinds have their own sequence counters, as in-tree. 8.4 connections are
 * not modelled: drbd2 connection events are not forwarded.
 */
#include <linux/atomic.h>
#include <linux/notifier.h>
#include <net/genetlink.h>

#include "drbd_nl_legacy.h"

/* nlmsg_seq of notifications; counts every one, sent or not (as in-tree) */
static atomic_t drbd_legacy_notify_seq = ATOMIC_INIT(2);
/* nlmsg_seq of DRBD_EVENT broadcasts (in-tree drbd_genl_seq) */
static atomic_t drbd_legacy_event_seq = ATOMIC_INIT(2);

/* one message on the events group; @fill puts its attributes */
static void drbd_legacy_send(u8 cmd, atomic_t *counter, u32 minor,
			     int (*fill)(struct sk_buff *msg, const void *arg),
			     const void *arg)
{
	u32 seq = atomic_inc_return(counter);
	struct drbd_genlmsghdr *dh;
	struct sk_buff *msg;

	if (!genl_has_listeners(&drbd_legacy_family, &init_net,
				DRBD_NLGRP_EVENTS))
		return;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return;
	dh = genlmsg_put(msg, 0, seq, &drbd_legacy_family, 0, cmd);
	if (!dh || fill(msg, arg)) {
		nlmsg_free(msg);
		return;
	}
	dh->minor = minor;
	dh->ret_code = NO_ERROR;
	genlmsg_end(msg, dh);
	genlmsg_multicast(&drbd_legacy_family, msg, 0, DRBD_NLGRP_EVENTS,
			  GFP_KERNEL);
}

/* what one events2-style message is about */
struct drbd_legacy_note {
	const struct drbd_resource *resource;
	const struct drbd_device *device;
	const struct drbd_connection *connection;
	u32 type;
	enum drbd_dstate disk;
	bool peer_outdated;
	enum drbd_conn_state cstate;
};

static int drbd_legacy_fill_resource(struct sk_buff *msg, const void *arg)
{
	const struct drbd_legacy_note *n = arg;

	return drbd_legacy_put_context(msg, n->resource, NULL) ||
	       drbd_legacy_put_notification_header(msg, n->type) ||
	       drbd_legacy_put_resource_state(msg, n->resource,
					      n->type != NOTIFY_DESTROY);
}

static int drbd_legacy_fill_device(struct sk_buff *msg, const void *arg)
{
	const struct drbd_legacy_note *n = arg;

	return drbd_legacy_put_context(msg, n->resource, n->device) ||
	       drbd_legacy_put_notification_header(msg, n->type) ||
	       drbd_legacy_put_device_state(msg, n->device,
					    n->type != NOTIFY_DESTROY, n->disk);
}

static int drbd_legacy_fill_connection(struct sk_buff *msg, const void *arg)
{
	const struct drbd_legacy_note *n = arg;
	struct nlattr *nest;

	if (drbd_legacy_put_context_conn(msg, n->resource, n->connection, NULL) ||
	    drbd_legacy_put_notification_header(msg, n->type))
		return -EMSGSIZE;
	if ((n->type & ~NOTIFY_CONTINUES) != NOTIFY_DESTROY) {
		nest = nla_nest_start(msg, DRBD_NLA_CONNECTION_INFO);
		if (!nest ||
		    nla_put_u32(msg, DRBD_A_CONNECTION_INFO_CONN_CONNECTION_STATE,
				drbd_legacy_conn_state(n->cstate)) ||
		    nla_put_u32(msg, DRBD_A_CONNECTION_INFO_CONN_ROLE, R_UNKNOWN))
			return -EMSGSIZE;
		nla_nest_end(msg, nest);
	}
	nest = nla_nest_start(msg, DRBD_NLA_CONNECTION_STATISTICS);
	if (!nest ||
	    nla_put_u8(msg, DRBD_A_CONNECTION_STATISTICS_CONN_CONGESTED, 0))
		return -EMSGSIZE;
	nla_nest_end(msg, nest);
	return 0;
}

static int drbd_legacy_fill_peer_device(struct sk_buff *msg, const void *arg)
{
	const struct drbd_legacy_note *n = arg;

	return drbd_legacy_put_context_conn(msg, n->resource, n->connection,
					    n->device) ||
	       drbd_legacy_put_notification_header(msg, n->type) ||
	       drbd_legacy_put_peer_device_state(msg, n->device,
						 n->peer_outdated);
}

static void drbd_legacy_note(u8 cmd, const struct drbd_legacy_note *n)
{
	int (*fill)(struct sk_buff *msg, const void *arg);
	u32 minor = DRBD_LEGACY_NO_MINOR;

	if (cmd == DRBD_ADM_RESOURCE_STATE) {
		fill = drbd_legacy_fill_resource;
	} else if (cmd == DRBD_ADM_DEVICE_STATE) {
		fill = drbd_legacy_fill_device;
		minor = n->device->minor;
	} else if (cmd == DRBD_ADM_CONNECTION_STATE) {
		fill = drbd_legacy_fill_connection;
	} else {
		fill = drbd_legacy_fill_peer_device;
		minor = n->device->minor;
	}
	drbd_legacy_send(cmd, &drbd_legacy_notify_seq, minor, fill, n);
}

static void drbd_legacy_object_event(u8 cmd, const struct drbd_event *ev,
				     u32 type)
{
	struct drbd_legacy_note n = {
		.resource = ev->resource,
		.device = ev->device,
		.type = type,
		.disk = ev->device ? ev->device->disk_state : DRBD_DISK_DISKLESS,
	};

	drbd_legacy_note(cmd, &n);
}

/* a DRBD_EVENT of one device: its status with the old and new words */
struct drbd_legacy_st {
	const struct drbd_device *device;
	u32 words[2];
};

static int drbd_legacy_fill_st(struct sk_buff *msg, const void *arg)
{
	const struct drbd_legacy_st *st = arg;

	return drbd_legacy_put_status(msg, st->device, SIB_STATE_CHANGE,
				      st->words);
}

static u32 drbd_legacy_change_word(const struct drbd_state_change *sc,
				   const struct drbd_device_state_change *d,
				   int which)
{
	return drbd_legacy_state_word(sc->role[which], d->disk[which],
				      d->peer_outdated[which], sc->cstate[which]);
}

/*
 * The events2-style messages of a state change: each is held back until
 * the next one is known, so that all but the last carry NOTIFY_CONTINUES.
 */
struct drbd_legacy_batch {
	u8 cmd;
	u32 type;
	struct drbd_legacy_note note;
};

static void drbd_legacy_batch_add(struct drbd_legacy_batch *b, u8 cmd,
				  const struct drbd_legacy_note *n)
{
	if (b->cmd) {
		b->note.type = b->type | NOTIFY_CONTINUES;
		drbd_legacy_note(b->cmd, &b->note);
	}
	b->cmd = cmd;
	b->note = *n;
}

/* the last message of a batch, without NOTIFY_CONTINUES */
static void drbd_legacy_batch_flush(struct drbd_legacy_batch *b, u32 type)
{
	if (b->cmd) {
		b->note.type = type;
		drbd_legacy_note(b->cmd, &b->note);
	}
}

/* the messages of one core state change, in-tree order */
static void drbd_legacy_state_event(const struct drbd_state_change *sc)
{
	const struct drbd_connection *connection =
		drbd_resource_connection84(sc->resource);
	struct drbd_legacy_batch b = { .type = NOTIFY_CHANGE };
	unsigned int i;

	if (sc->role[DRBD_OLD] != sc->role[DRBD_NEW])
		drbd_legacy_batch_add(&b, DRBD_ADM_RESOURCE_STATE,
				      &(struct drbd_legacy_note){
					.resource = sc->resource });
	for (i = 0; i < sc->n_devices; i++) {
		const struct drbd_device_state_change *d = &sc->devices[i];

		if (d->disk[DRBD_OLD] != d->disk[DRBD_NEW])
			drbd_legacy_batch_add(&b, DRBD_ADM_DEVICE_STATE,
					      &(struct drbd_legacy_note){
						.resource = sc->resource,
						.device = d->device,
						.disk = d->disk[DRBD_NEW] });
	}
	for (i = 0; i < sc->n_devices; i++) {
		const struct drbd_device_state_change *d = &sc->devices[i];

		if (d->peer_outdated[DRBD_OLD] != d->peer_outdated[DRBD_NEW])
			drbd_legacy_batch_add(&b, DRBD_ADM_PEER_DEVICE_STATE,
					      &(struct drbd_legacy_note){
						.resource = sc->resource,
						.device = d->device,
						.connection = connection,
						.peer_outdated = d->peer_outdated[DRBD_NEW] });
	}
	drbd_legacy_batch_flush(&b, NOTIFY_CHANGE);

	for (i = 0; i < sc->n_devices; i++) {
		const struct drbd_device_state_change *d = &sc->devices[i];
		struct drbd_legacy_st st = {
			.device = d->device,
			.words = {
				drbd_legacy_change_word(sc, d, DRBD_OLD),
				drbd_legacy_change_word(sc, d, DRBD_NEW),
			},
		};

		if (st.words[DRBD_OLD] != st.words[DRBD_NEW])
			drbd_legacy_send(DRBD_ADM_EVENT, &drbd_legacy_event_seq,
					 d->device->minor, drbd_legacy_fill_st,
					 &st);
	}

	/* in-tree, a connection state change follows the DRBD_EVENTs */
	if (sc->cstate[DRBD_OLD] != sc->cstate[DRBD_NEW] && connection)
		drbd_legacy_note(DRBD_ADM_CONNECTION_STATE,
				 &(struct drbd_legacy_note){
					.resource = sc->resource,
					.connection = connection,
					.type = NOTIFY_CHANGE,
					.cstate = sc->cstate[DRBD_NEW] });
}

/*
 * An 8.4 connection made or deleted: the connection and a peer device per
 * device (made: connection first; deleted: peer devices first), each but
 * the last flagged NOTIFY_CONTINUES.
 */
static void drbd_legacy_connection_event(const struct drbd_event *ev,
					 u32 type)
{
	const struct drbd_connection *connection = ev->connection;
	struct drbd_legacy_batch b = { .type = type };
	struct drbd_legacy_note n = {
		.resource = ev->resource,
		.connection = connection,
		.cstate = connection->cstate,
	};
	struct drbd_device *device;
	unsigned long vnr;

	if (!connection->legacy84)
		return;	/* drbd2 connections enter the 8.4 view by connecting */
	if (type == NOTIFY_CREATE)
		drbd_legacy_batch_add(&b, DRBD_ADM_CONNECTION_STATE, &n);
	xa_for_each(&ev->resource->volumes, vnr, device) {
		n.device = device;
		n.peer_outdated = device->peer_outdated;
		drbd_legacy_batch_add(&b, DRBD_ADM_PEER_DEVICE_STATE, &n);
	}
	n.device = NULL;
	if (type == NOTIFY_DESTROY)
		drbd_legacy_batch_add(&b, DRBD_ADM_CONNECTION_STATE, &n);
	drbd_legacy_batch_flush(&b, type);
}

static int drbd_legacy_core_event(struct notifier_block *nb,
				  unsigned long type, void *data)
{
	const struct drbd_event *ev = data;

	switch (type) {
	case DRBD_EV_RESOURCE_CREATED:
		drbd_legacy_object_event(DRBD_ADM_RESOURCE_STATE, ev, NOTIFY_CREATE);
		break;
	case DRBD_EV_RESOURCE_DESTROYED:
		drbd_legacy_object_event(DRBD_ADM_RESOURCE_STATE, ev, NOTIFY_DESTROY);
		break;
	case DRBD_EV_DEVICE_CREATED:
		drbd_legacy_object_event(DRBD_ADM_DEVICE_STATE, ev, NOTIFY_CREATE);
		break;
	case DRBD_EV_DEVICE_DESTROYED:
		drbd_legacy_object_event(DRBD_ADM_DEVICE_STATE, ev, NOTIFY_DESTROY);
		break;
	case DRBD_EV_STATE_CHANGED:
		drbd_legacy_state_event(ev->change);
		break;
	case DRBD_EV_CONNECTION_CREATED:
		drbd_legacy_connection_event(ev, NOTIFY_CREATE);
		break;
	case DRBD_EV_CONNECTION_DESTROYED:
		drbd_legacy_connection_event(ev, NOTIFY_DESTROY);
		break;
	}
	return NOTIFY_OK;
}

static struct notifier_block drbd_legacy_core_nb = {
	.notifier_call = drbd_legacy_core_event,
};

/**
 * drbd_legacy_events_init - forward core events to the events group
 *
 * Return: 0 or a negative errno.
 */
int drbd_legacy_events_init(void)
{
	return drbd_register_notifier(&drbd_legacy_core_nb);
}

/**
 * drbd_legacy_events_exit - stop forwarding core events
 */
void drbd_legacy_events_exit(void)
{
	drbd_unregister_notifier(&drbd_legacy_core_nb);
}

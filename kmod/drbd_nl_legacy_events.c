// SPDX-License-Identifier: GPL-2.0
/*
 * Legacy drbd family: notifications on the "events" group. Core object
 * creation and destruction become the events2-style RESOURCE_STATE and
 * DEVICE_STATE messages of the in-tree driver (NOTIFY_CREATE /
 * NOTIFY_DESTROY); destroy messages leave out the info nest. The core has
 * no state changes yet, so no DRBD_EVENT (sib-reason state-change) is sent.
 * 8.4 connections are not modelled: connection events are not forwarded.
 */
#include <linux/atomic.h>
#include <linux/notifier.h>
#include <net/genetlink.h>

#include "drbd_nl_legacy.h"

/* nlmsg_seq of notifications; counts every one, sent or not (as in-tree) */
static atomic_t drbd_legacy_notify_seq = ATOMIC_INIT(2);

static void drbd_legacy_multicast(u8 cmd, const struct drbd_event *ev,
				  u32 type)
{
	bool info = type != NOTIFY_DESTROY;
	u32 seq = atomic_inc_return(&drbd_legacy_notify_seq);
	struct drbd_genlmsghdr *dh;
	struct sk_buff *msg;
	int err;

	if (!genl_has_listeners(&drbd_legacy_family, &init_net,
				DRBD_NLGRP_EVENTS))
		return;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return;
	dh = genlmsg_put(msg, 0, seq, &drbd_legacy_family, 0, cmd);
	if (!dh)
		goto out_free;
	dh->minor = ev->device ? ev->device->minor : DRBD_LEGACY_NO_MINOR;
	dh->ret_code = NO_ERROR;
	if (ev->device)
		err = drbd_legacy_put_context(msg, ev->resource, ev->device) ||
		      drbd_legacy_put_notification_header(msg, type) ||
		      drbd_legacy_put_device_state(msg, ev->device, info);
	else
		err = drbd_legacy_put_context(msg, ev->resource, NULL) ||
		      drbd_legacy_put_notification_header(msg, type) ||
		      drbd_legacy_put_resource_state(msg, ev->resource, info);
	if (err)
		goto out_free;
	genlmsg_end(msg, dh);
	genlmsg_multicast(&drbd_legacy_family, msg, 0, DRBD_NLGRP_EVENTS,
			  GFP_KERNEL);
	return;

out_free:
	nlmsg_free(msg);
}

static int drbd_legacy_core_event(struct notifier_block *nb,
				  unsigned long type, void *data)
{
	switch (type) {
	case DRBD_EV_RESOURCE_CREATED:
		drbd_legacy_multicast(DRBD_ADM_RESOURCE_STATE, data, NOTIFY_CREATE);
		break;
	case DRBD_EV_RESOURCE_DESTROYED:
		drbd_legacy_multicast(DRBD_ADM_RESOURCE_STATE, data, NOTIFY_DESTROY);
		break;
	case DRBD_EV_DEVICE_CREATED:
		drbd_legacy_multicast(DRBD_ADM_DEVICE_STATE, data, NOTIFY_CREATE);
		break;
	case DRBD_EV_DEVICE_DESTROYED:
		drbd_legacy_multicast(DRBD_ADM_DEVICE_STATE, data, NOTIFY_DESTROY);
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

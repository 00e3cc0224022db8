// SPDX-License-Identifier: GPL-2.0
/*
 * The drbd2 family: registration, replies, dump entries, notifications and
 * the translation of core failure reasons into errno plus extack.
 */
#include <linux/genetlink.h>
#include <linux/module.h>
#include <linux/notifier.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>

#include "drbd2.h"

static const struct genl_multicast_group drbd2_mcgrps[] = {
	[DRBD2_NLGRP_EVENTS] = { .name = DRBD2_MCGRP_EVENTS, },
};

/*
 * DRBD objects are global, not per network namespace: the family is only
 * visible in the initial one (netnsok false). Handlers do their own locking
 * (the core's control-path mutex), so they need not run under genl_mutex.
 * The ops come from the generated table at registration.
 */
struct genl_family drbd2_family __ro_after_init = {
	.name		= DRBD2_FAMILY_NAME,
	.version	= DRBD2_FAMILY_VERSION,
	.netnsok	= false,
	.parallel_ops	= true,
	.module		= THIS_MODULE,
	.mcgrps		= drbd2_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(drbd2_mcgrps),
};

MODULE_ALIAS_GENL_FAMILY(DRBD2_FAMILY_NAME);

/**
 * drbd2_report - turn a core failure reason into errno and extack
 * @extack: the request's extended ack
 * @reason: why the core operation failed
 * @bad_attr: the request attribute the failure is about, or NULL
 *
 * Return: the negative errno for @reason.
 */
int drbd2_report(struct netlink_ext_ack *extack, enum drbd_reason reason,
		 const struct nlattr *bad_attr)
{
	drbd_extack_set_msg(extack, drbd_reason_text(reason));
	if (bad_attr)
		NL_SET_BAD_ATTR(extack, bad_attr);
	return drbd_reason_errno(reason);
}

static int drbd2_put_object(struct sk_buff *msg, const struct drbd_event *obj,
			    bool identity_only)
{
	if (obj->peer_device)
		return drbd2_peer_device_put(msg, obj->peer_device);
	if (obj->device)
		return drbd2_device_put(msg, obj->device);
	if (obj->path)
		return drbd2_path_put(msg, obj->path);
	if (obj->connection)
		return drbd2_connection_put(msg, obj->connection, identity_only);
	return drbd2_resource_put(msg, obj->resource, identity_only);
}

/**
 * drbd2_reply - answer a do request with an object
 * @info: the request
 * @obj: the object
 * @identity_only: put only the attributes that name the object
 *
 * Context: control-path mutex held, or @obj referenced and immutable.
 * Return: 0 or a negative errno.
 */
int drbd2_reply(struct genl_info *info, const struct drbd_event *obj,
		bool identity_only)
{
	struct sk_buff *msg;
	void *hdr;
	int err;

	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put_reply(msg, info, &drbd2_family, 0, info->genlhdr->cmd);
	if (!hdr) {
		err = -EMSGSIZE;
		goto out_free;
	}
	err = drbd2_put_object(msg, obj, identity_only);
	if (err)
		goto out_free;
	genlmsg_end(msg, hdr);
	return genlmsg_reply(msg, info);

out_free:
	nlmsg_free(msg);
	return err;
}

/**
 * drbd2_dump_one - add one object to a dump
 * @skb: the dump's buffer
 * @cb: the dump's callback; cb->seq must hold the configuration generation
 * @obj: the object
 *
 * Context: control-path mutex held.
 * Return: 0, or -EMSGSIZE if the object did not fit (nothing was added).
 */
int drbd2_dump_one(struct sk_buff *skb, struct netlink_callback *cb,
		   const struct drbd_event *obj)
{
	u8 cmd = DRBD2_CMD_RESOURCE_GET;
	void *hdr;

	if (obj->peer_device)
		cmd = DRBD2_CMD_PEER_DEVICE_GET;
	else if (obj->device)
		cmd = DRBD2_CMD_DEVICE_GET;
	else if (obj->path)
		cmd = DRBD2_CMD_PATH_GET;
	else if (obj->connection)
		cmd = DRBD2_CMD_CONNECTION_GET;

	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &drbd2_family, NLM_F_MULTI, cmd);
	if (!hdr)
		return -EMSGSIZE;
	genl_dump_check_consistent(cb, hdr);
	if (drbd2_put_object(skb, obj, false)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

static void drbd2_multicast(u8 cmd, const struct drbd_event *obj)
{
	struct sk_buff *msg;
	void *hdr;

	if (!genl_has_listeners(&drbd2_family, &init_net, DRBD2_NLGRP_EVENTS))
		return;
	msg = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!msg)
		return;
	hdr = genlmsg_put(msg, 0, 0, &drbd2_family, 0, cmd);
	if (!hdr || drbd2_put_object(msg, obj, false)) {
		nlmsg_free(msg);
		return;
	}
	genlmsg_end(msg, hdr);
	genlmsg_multicast(&drbd2_family, msg, 0, DRBD2_NLGRP_EVENTS, GFP_KERNEL);
}

/* a step into the transient disk states of attach and detach */
static bool drbd2_disk_transient(const struct drbd_device_state_change *d)
{
	return d->fixed && (d->disk[DRBD_NEW] == DRBD_DISK_ATTACHING ||
			    d->disk[DRBD_NEW] == DRBD_DISK_FAILED);
}

/*
 * A state change: resource-change-ntf if the role changed,
 * connection-change-ntf for each connection whose state changed,
 * device-change-ntf for each device whose state changed (not for the
 * transient steps of attach and detach: the device is announced once it
 * got there, e.g. Diskless after a detach).
 */
static void drbd2_state_changed(const struct drbd_state_change *sc)
{
	unsigned int i;

	if (sc->role[DRBD_OLD] != sc->role[DRBD_NEW])
		drbd2_multicast(DRBD2_CMD_RESOURCE_CHANGE_NTF,
				&(struct drbd_event){ .resource = sc->resource });
	for (i = 0; i < sc->n_connections; i++) {
		const struct drbd_connection_state_change *c = &sc->connections[i];

		if (c->cstate[DRBD_OLD] == c->cstate[DRBD_NEW])
			continue;
		drbd2_multicast(DRBD2_CMD_CONNECTION_CHANGE_NTF,
				&(struct drbd_event){ .resource = sc->resource,
						      .connection = c->connection });
	}
	for (i = 0; i < sc->n_devices; i++) {
		const struct drbd_device_state_change *d = &sc->devices[i];

		if (drbd2_disk_transient(d) ||
		    (d->disk[DRBD_OLD] == d->disk[DRBD_NEW] &&
		     d->peer_outdated[DRBD_OLD] == d->peer_outdated[DRBD_NEW]))
			continue;
		drbd2_multicast(DRBD2_CMD_DEVICE_CHANGE_NTF,
				&(struct drbd_event){ .resource = sc->resource,
						      .device = d->device });
	}
}

static int drbd2_core_event(struct notifier_block *nb, unsigned long type,
			    void *data)
{
	static const u8 cmds[] = {
		[DRBD_EV_RESOURCE_CREATED]	= DRBD2_CMD_RESOURCE_CREATE_NTF,
		[DRBD_EV_RESOURCE_DESTROYED]	= DRBD2_CMD_RESOURCE_DELETE_NTF,
		[DRBD_EV_DEVICE_CREATED]	= DRBD2_CMD_DEVICE_CREATE_NTF,
		[DRBD_EV_DEVICE_DESTROYED]	= DRBD2_CMD_DEVICE_DELETE_NTF,
		[DRBD_EV_CONNECTION_CREATED]	= DRBD2_CMD_CONNECTION_CREATE_NTF,
		[DRBD_EV_CONNECTION_DESTROYED]	= DRBD2_CMD_CONNECTION_DELETE_NTF,
		[DRBD_EV_DEVICE_CHANGED]	= DRBD2_CMD_DEVICE_CHANGE_NTF,
		[DRBD_EV_PATH_CREATED]		= DRBD2_CMD_PATH_CREATE_NTF,
		[DRBD_EV_PATH_DESTROYED]	= DRBD2_CMD_PATH_DELETE_NTF,
		[DRBD_EV_PEER_DEVICE_CREATED]	= DRBD2_CMD_PEER_DEVICE_CREATE_NTF,
		[DRBD_EV_PEER_DEVICE_DESTROYED]	= DRBD2_CMD_PEER_DEVICE_DELETE_NTF,
		[DRBD_EV_PEER_DEVICE_CHANGED]	= DRBD2_CMD_PEER_DEVICE_CHANGE_NTF,
		[DRBD_EV_RESOURCE_CHANGED]	= DRBD2_CMD_RESOURCE_CHANGE_NTF,
		[DRBD_EV_CONNECTION_CHANGED]	= DRBD2_CMD_CONNECTION_CHANGE_NTF,
	};

	if (type == DRBD_EV_STATE_CHANGED)
		drbd2_state_changed(((const struct drbd_event *)data)->change);
	else if (type < ARRAY_SIZE(cmds) && cmds[type])
		drbd2_multicast(cmds[type], data);
	return NOTIFY_OK;
}

static struct notifier_block drbd2_core_nb = {
	.notifier_call = drbd2_core_event,
};

/**
 * drbd2_family_init - register the drbd2 family and its notifications
 *
 * Return: 0 or a negative errno.
 */
int drbd2_family_init(void)
{
	int err;

	err = drbd_genl_register_family(&drbd2_family, drbd2_nl_ops,
					ARRAY_SIZE(drbd2_nl_ops));
	if (err)
		return err;
	err = drbd_register_notifier(&drbd2_core_nb);
	if (err)
		drbd_genl_unregister_family(&drbd2_family);
	return err;
}

/**
 * drbd2_family_exit - unregister the drbd2 family
 *
 * Waits for running handlers; afterwards no request reaches the core.
 */
void drbd2_family_exit(void)
{
	drbd_unregister_notifier(&drbd2_core_nb);
	drbd_genl_unregister_family(&drbd2_family);
}

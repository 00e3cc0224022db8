// SPDX-License-Identifier: GPL-2.0
/*
 * drbd2 family: resource-get (do and dump), resource-new, resource-del,
 * resource-set-role.
 */
#include <net/genetlink.h>
#include <net/netlink.h>

#include "drbd2.h"

static_assert(DRBD2_NAME_MAX_LEN == DRBD_NAME_MAX);
static_assert(DRBD2_CPU_MASK_MAX_LEN == DRBD_CPU_MASK_MAX);
static_assert(DRBD2_NODE_ID_MAX == DRBD_NODE_ID_MAX);
static_assert((int)DRBD2_ON_NO_DATA_IO_ERROR == (int)DRBD_ON_NO_DATA_IO_ERROR);
static_assert((int)DRBD2_ON_NO_DATA_SUSPEND_IO == (int)DRBD_ON_NO_DATA_SUSPEND_IO);
static_assert((int)DRBD2_ROLE_PRIMARY == (int)DRBD_ROLE_PRIMARY);
static_assert((int)DRBD2_ROLE_SECONDARY == (int)DRBD_ROLE_SECONDARY);

/**
 * drbd2_resource_put - put a resource's attributes into a message
 * @msg: the message
 * @resource: the resource
 * @identity_only: put only the name
 *
 * Return: 0 or -EMSGSIZE.
 */
int drbd2_resource_put(struct sk_buff *msg, const struct drbd_resource *resource,
		       bool identity_only)
{
	if (nla_put_string(msg, DRBD2_A_RESOURCE_NAME, resource->name))
		return -EMSGSIZE;
	if (identity_only)
		return 0;
	if (nla_put_u32(msg, DRBD2_A_RESOURCE_NODE_ID, resource->node_id) ||
	    drbd2_resource_options_put(msg, DRBD2_A_RESOURCE_OPTIONS,
				       &resource->options) ||
	    nla_put_u32(msg, DRBD2_A_RESOURCE_ROLE, resource->role))
		return -EMSGSIZE;
	return 0;
}

/* the request attribute a failure of a resource operation is about */
static const struct nlattr *drbd2_resource_bad_attr(struct genl_info *info,
						    enum drbd_reason reason)
{
	switch (reason) {
	case DRBD_R_NODE_ID_INVALID:
		return info->attrs[DRBD2_A_RESOURCE_NODE_ID];
	case DRBD_R_CPU_MASK_INVALID:
	case DRBD_R_OPTION_RANGE:
		return info->attrs[DRBD2_A_RESOURCE_OPTIONS];
	case DRBD_R_NO_UP_TO_DATE:
	case DRBD_R_PEER_NOT_OUTDATED:
	case DRBD_R_DEVICE_OPEN:
		return info->attrs[DRBD2_A_RESOURCE_ROLE];
	case DRBD_R_NOMEM:
		return NULL;
	default:
		return info->attrs[DRBD2_A_RESOURCE_NAME];
	}
}

/**
 * drbd2_nl_resource_get_doit - RESOURCE_GET do: one resource by name
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_resource_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct drbd_event obj = { };
	int err;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_RESOURCE_NAME))
		return -EINVAL;

	drbd_cfg_lock();
	obj.resource = drbd_resource_lookup(nla_data(info->attrs[DRBD2_A_RESOURCE_NAME]));
	if (obj.resource)
		err = drbd2_reply(info, &obj, false);
	else
		err = drbd2_report(info->extack, DRBD_R_RES_UNKNOWN,
				   info->attrs[DRBD2_A_RESOURCE_NAME]);
	drbd_cfg_unlock();
	return err;
}

/**
 * drbd2_nl_resource_get_dumpit - RESOURCE_GET dump: all resources
 * @skb: the buffer for this part of the dump
 * @cb: the dump's state; the cursor lives in cb->ctx
 *
 * Return: the length of this part, 0 when done, or a negative errno.
 */
int drbd2_nl_resource_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct drbd2_dump_ctx *ctx = drbd2_dump_ctx(cb);
	struct drbd_event obj = { };
	unsigned long pos;
	int err = 0;

	drbd_cfg_lock();
	cb->seq = drbd_cfg_generation();
	for (pos = ctx->pos; (obj.resource = drbd_resource_next(&pos)); ctx->pos = pos) {
		err = drbd2_dump_one(skb, cb, &obj);
		if (err)
			break;
	}
	drbd_cfg_unlock();

	/* a full buffer ends this part of the dump; the cursor says where */
	if (err == -EMSGSIZE && skb->len)
		return skb->len;
	return err ?: skb->len;
}

/**
 * drbd2_nl_resource_new_doit - RESOURCE_NEW: create a resource
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Replies with the new resource's name.
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_resource_new_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct drbd_resource_config cfg = { };
	struct drbd_event obj = { };
	enum drbd_reason reason;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_RESOURCE_NAME))
		return -EINVAL;
	cfg.name = nla_data(info->attrs[DRBD2_A_RESOURCE_NAME]);
	if (info->attrs[DRBD2_A_RESOURCE_NODE_ID])
		cfg.node_id = nla_get_u32(info->attrs[DRBD2_A_RESOURCE_NODE_ID]);
	drbd_resource_options_defaults(&cfg.options);
	err = drbd2_resource_options_parse(info->attrs[DRBD2_A_RESOURCE_OPTIONS],
					   &cfg.options, info->extack);
	if (err)
		return err;

	reason = drbd_resource_create(&cfg, &obj.resource);
	if (reason)
		return drbd2_report(info->extack, reason,
				    drbd2_resource_bad_attr(info, reason));
	err = drbd2_reply(info, &obj, true);
	drbd_resource_put(obj.resource);
	return err;
}

/**
 * drbd2_nl_resource_del_doit - RESOURCE_DEL: delete a resource without devices
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_resource_del_doit(struct sk_buff *skb, struct genl_info *info)
{
	enum drbd_reason reason;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_RESOURCE_NAME))
		return -EINVAL;
	reason = drbd_resource_delete(nla_data(info->attrs[DRBD2_A_RESOURCE_NAME]));
	if (reason)
		return drbd2_report(info->extack, reason,
				    drbd2_resource_bad_attr(info, reason));
	return 0;
}

/**
 * drbd2_nl_resource_set_role_doit - RESOURCE_SET_ROLE: promote or demote
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Replies with the resource.
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_resource_set_role_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct drbd_event obj = { };
	enum drbd_reason reason;
	enum drbd_res_role role;
	bool changed;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_RESOURCE_NAME) ||
	    GENL_REQ_ATTR_CHECK(info, DRBD2_A_RESOURCE_ROLE))
		return -EINVAL;
	role = nla_get_u32(info->attrs[DRBD2_A_RESOURCE_ROLE]);
	if (role != DRBD_ROLE_PRIMARY && role != DRBD_ROLE_SECONDARY) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[DRBD2_A_RESOURCE_ROLE],
				    "role must be primary or secondary");
		return -EINVAL;
	}

	drbd_cfg_lock();
	obj.resource = drbd_resource_lookup(nla_data(info->attrs[DRBD2_A_RESOURCE_NAME]));
	if (!obj.resource) {
		err = drbd2_report(info->extack, DRBD_R_RES_UNKNOWN,
				   info->attrs[DRBD2_A_RESOURCE_NAME]);
		goto out;
	}
	reason = drbd_set_role_locked(obj.resource, role,
				      nla_get_flag(info->attrs[DRBD2_A_RESOURCE_FORCE]),
				      &changed);
	if (reason)
		err = drbd2_report(info->extack, reason,
				   drbd2_resource_bad_attr(info, reason));
	else
		err = drbd2_reply(info, &obj, false);
out:
	drbd_cfg_unlock();
	return err;
}

/**
 * drbd2_nl_resource_set_options_doit - RESOURCE_SET_OPTIONS
 * @skb: the request
 * @info: the request's attributes and extack
 *
 * Options not in the request keep their values; the whole new set is
 * checked before it replaces the old one. Replies with the resource.
 *
 * Return: 0 or a negative errno.
 */
int drbd2_nl_resource_set_options_doit(struct sk_buff *skb,
				       struct genl_info *info)
{
	struct drbd_resource_options opts;
	struct drbd_event obj = { };
	enum drbd_reason reason;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, DRBD2_A_RESOURCE_NAME) ||
	    GENL_REQ_ATTR_CHECK(info, DRBD2_A_RESOURCE_OPTIONS))
		return -EINVAL;

	drbd_cfg_lock();
	obj.resource = drbd_resource_lookup(nla_data(info->attrs[DRBD2_A_RESOURCE_NAME]));
	if (!obj.resource) {
		err = drbd2_report(info->extack, DRBD_R_RES_UNKNOWN,
				   info->attrs[DRBD2_A_RESOURCE_NAME]);
		goto out;
	}
	opts = obj.resource->options;
	err = drbd2_resource_options_parse(info->attrs[DRBD2_A_RESOURCE_OPTIONS],
					   &opts, info->extack);
	if (err)
		goto out;
	reason = drbd_resource_set_options(obj.resource, &opts);
	if (reason)
		err = drbd2_report(info->extack, reason,
				   drbd2_resource_bad_attr(info, reason));
	else
		err = drbd2_reply(info, &obj, false);
out:
	drbd_cfg_unlock();
	return err;
}

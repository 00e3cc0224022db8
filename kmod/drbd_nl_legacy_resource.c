// SPDX-License-Identifier: GPL-2.0
/*
 * Legacy drbd family: new-resource, resource-opts, del-resource, down.
 * Each finds its objects, calls one core operation and answers with the
 * in-tree driver's ret_code and text.
 */
#include <linux/string.h>
#include <net/genetlink.h>

#include "drbd_nl_legacy.h"

/* set_res_opts_defaults() of 8.4: no CPU mask, io-error */
static void drbd_legacy_res_opts_defaults(struct drbd_resource_options *opts)
{
	opts->cpu_mask[0] = '\0';
	opts->on_no_data = DRBD_ON_NO_DATA_IO_ERROR;
}

/* the res-opts fields of the request over @opts; a ret_code */
static int drbd_legacy_res_opts_parse(struct genl_info *info,
				      struct drbd_resource_options *opts,
				      const char **text)
{
	const struct nlattr *nest = info->attrs[DRBD_NLA_RESOURCE_OPTS];
	struct nlattr *tb[DRBD_A_RES_OPTS_MAX + 1];
	int err;

	if (!nest)
		return NO_ERROR;
	err = drbd_legacy_parse_nest(tb, DRBD_A_RES_OPTS_MAX, nest,
				     drbd_res_opts_nl_policy);
	if (err) {
		*text = err == -EOPNOTSUPP ? "unknown mandatory attribute" :
					     "invalid attribute value";
		return ERR_MANDATORY_TAG;
	}
	if (tb[DRBD_A_RES_OPTS_CPU_MASK])
		nla_strscpy(opts->cpu_mask, tb[DRBD_A_RES_OPTS_CPU_MASK],
			    sizeof(opts->cpu_mask));
	if (tb[DRBD_A_RES_OPTS_ON_NO_DATA])
		opts->on_no_data = nla_get_u32(tb[DRBD_A_RES_OPTS_ON_NO_DATA]);
	return NO_ERROR;
}

/* whether the resource named in the request exists; a ret_code */
static int drbd_legacy_resource_exists(struct drbd_legacy_req *req,
				       bool *exists, const char **text)
{
	struct drbd_legacy_objs objs;
	int ret;

	drbd_cfg_lock();
	ret = drbd_legacy_lookup(req, DRBD_LEGACY_ANY, &objs);
	*exists = req->resource_name &&
		  drbd_resource_lookup(req->resource_name);
	drbd_cfg_unlock();
	*text = objs.text;
	return ret;
}

/**
 * drbd_nl_new_resource_doit - NEW_RESOURCE: create a resource (idempotent)
 * @skb: the request
 * @info: the request's attributes
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_new_resource_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct drbd_resource_config cfg = { };
	struct drbd_legacy_req req;
	enum drbd_reason reason;
	const char *text = NULL;
	bool exists;
	int ret;

	ret = drbd_legacy_begin(&req, info);
	if (ret)
		return ret;
	ret = drbd_legacy_resource_exists(&req, &exists, &text);
	if (ret != NO_ERROR)
		return drbd_legacy_finish(&req, ret, text);

	/* DRBD 9's options get their defaults, auto-promote stays off */
	drbd_resource_options_defaults(&cfg.options);
	cfg.options.auto_promote = false;
	drbd_legacy_res_opts_defaults(&cfg.options);
	ret = drbd_legacy_res_opts_parse(info, &cfg.options, &text);
	if (ret != NO_ERROR)
		return drbd_legacy_finish(&req, ret, text);
	if (!req.resource_name || !req.resource_name[0])
		return drbd_legacy_finish(&req, ERR_MANDATORY_TAG,
					  "resource name missing");
	if (strchr(req.resource_name, '/'))
		return drbd_legacy_finish(&req, ERR_INVALID_REQUEST,
					  "invalid resource name");
	if (exists) {
		if (info->nlhdr->nlmsg_flags & NLM_F_EXCL)
			return drbd_legacy_finish(&req, ERR_INVALID_REQUEST,
						  "resource exists");
		return drbd_legacy_finish(&req, NO_ERROR, NULL);
	}

	cfg.name = req.resource_name;
	reason = drbd_resource_create(&cfg, NULL);
	if (reason == DRBD_R_RES_EXISTS)	/* created meanwhile */
		reason = DRBD_OK;
	if (reason == DRBD_R_NAME_INVALID)
		text = "invalid resource name";
	return drbd_legacy_finish(&req, drbd_legacy_reason_ret_code(reason),
				  text);
}

/**
 * drbd_nl_resource_opts_doit - RESOURCE_OPTS: change resource options
 * @skb: the request
 * @info: the request's attributes
 *
 * Fields not in the request keep their value, or get their default with
 * the set-defaults flag.
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_resource_opts_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct drbd_resource_options opts;
	struct drbd_legacy_objs objs;
	struct drbd_legacy_req req;
	const char *text = NULL;
	int ret;

	ret = drbd_legacy_begin(&req, info);
	if (ret)
		return ret;
	drbd_cfg_lock();
	ret = drbd_legacy_lookup(&req, DRBD_LEGACY_NEED_RESOURCE, &objs);
	text = objs.text;
	if (ret != NO_ERROR)
		goto out_unlock;
	opts = objs.resource->options;
	if (req.flags & DRBD_GENL_F_SET_DEFAULTS)
		drbd_legacy_res_opts_defaults(&opts);
	ret = drbd_legacy_res_opts_parse(info, &opts, &text);
	if (ret == NO_ERROR)
		ret = drbd_legacy_reason_ret_code(drbd_resource_set_options(objs.resource,
									   &opts));
out_unlock:
	drbd_cfg_unlock();
	return drbd_legacy_finish(&req, ret, text);
}

/* a core operation on the resource the request names */
static int drbd_legacy_resource_op(struct genl_info *info,
				   enum drbd_reason (*op)(const char *name),
				   const char *in_use_text)
{
	struct drbd_legacy_objs objs;
	struct drbd_legacy_req req;
	enum drbd_reason reason;
	int ret;

	ret = drbd_legacy_begin(&req, info);
	if (ret)
		return ret;
	drbd_cfg_lock();
	ret = drbd_legacy_lookup(&req, DRBD_LEGACY_NEED_RESOURCE, &objs);
	drbd_cfg_unlock();
	if (ret != NO_ERROR)
		return drbd_legacy_finish(&req, ret, objs.text);

	reason = op(req.resource_name);
	if (reason == DRBD_R_RES_UNKNOWN)
		objs.text = "unknown resource";
	else if (reason == DRBD_R_DEVICE_OPEN)
		objs.text = in_use_text;
	return drbd_legacy_finish(&req, drbd_legacy_reason_ret_code(reason),
				  objs.text);
}

/**
 * drbd_nl_del_resource_doit - DEL_RESOURCE: delete a resource without devices
 * @skb: the request
 * @info: the request's attributes
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_del_resource_doit(struct sk_buff *skb, struct genl_info *info)
{
	return drbd_legacy_resource_op(info, drbd_resource_delete, NULL);
}

/**
 * drbd_nl_down_doit - DOWN: delete a resource with everything in it
 * @skb: the request
 * @info: the request's attributes
 *
 * Demotes first: a failure answers with its state-change code and
 * "failed to demote", as in-tree.
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_down_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct drbd_legacy_objs objs;
	struct drbd_legacy_req req;
	enum drbd_reason reason;
	bool changed;
	int ret;

	ret = drbd_legacy_begin(&req, info);
	if (ret)
		return ret;
	drbd_cfg_lock();
	ret = drbd_legacy_lookup(&req, DRBD_LEGACY_NEED_RESOURCE, &objs);
	if (ret != NO_ERROR)
		goto out;
	reason = drbd_set_role_locked(objs.resource, DRBD_ROLE_SECONDARY, false,
				      &changed);
	if (reason) {
		ret = drbd_legacy_state_rv(reason, changed);
		objs.text = "failed to demote";
		goto out;
	}
	reason = drbd_resource_down_locked(objs.resource);
	ret = drbd_legacy_reason_ret_code(reason);
	if (reason == DRBD_R_DEVICE_OPEN)
		objs.text = "failed to delete volume";
out:
	drbd_cfg_unlock();
	return drbd_legacy_finish(&req, ret, objs.text);
}

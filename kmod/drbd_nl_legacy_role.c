// SPDX-License-Identifier: GPL-2.0
/*
 * Legacy drbd family: PRIMARY, SECONDARY, OUTDATE and NEW_C_UUID on a
 * node without a connected peer, on the core's state machine
 * (drbd_state.c) and generation identifiers (drbd_uuid.c).
 *
 * Role and outdate answer with 8.4 state-change codes: SS_SUCCESS,
 * SS_NOTHING_TO_DO (already in that state), SS_NO_UP_TO_DATE_DISK,
 * SS_PRIMARY_NOP, SS_DEVICE_IN_USE, SS_LOWER_THAN_OUTDATED; drbdsetup
 * prints their texts. NEW_C_UUID answers with ret_codes (NO_ERROR,
 * ERR_NO_DISK). The minor selects the device; the role is its resource's
 * (8.4 kept one role per volume).
 */
#include <net/genetlink.h>

#include "drbd_nl_legacy.h"

/**
 * drbd_legacy_state_rv - the 8.4 state-change code of a core result
 * @reason: the core's result
 * @changed: whether the state changed (for %DRBD_OK)
 *
 * Return: an enum drbd_state_rv value.
 */
int drbd_legacy_state_rv(enum drbd_reason reason, bool changed)
{
	switch (reason) {
	case DRBD_OK:
		return changed ? SS_SUCCESS : SS_NOTHING_TO_DO;
	case DRBD_R_NO_UP_TO_DATE:
		return SS_NO_UP_TO_DATE_DISK;
	case DRBD_R_PEER_NOT_OUTDATED:
		return SS_PRIMARY_NOP;
	case DRBD_R_DEVICE_OPEN:
		return SS_DEVICE_IN_USE;
	case DRBD_R_LOWER_THAN_OUTDATED:
		return SS_LOWER_THAN_OUTDATED;
	case DRBD_R_NO_DISK:
		return SS_IS_DISKLESS;
	default:
		return SS_UNKNOWN_ERROR;
	}
}

/**
 * drbd_legacy_parse_parms - parse an optional parameter nest of a request
 * @req: the request
 * @attr: the nest's top-level attribute
 * @tb: receives the fields
 * @maxtype: highest field number
 * @policy: the nest's generated policy
 * @text: receives the info text of a failure
 *
 * Return: NO_ERROR (also without the nest) or ERR_MANDATORY_TAG.
 */
int drbd_legacy_parse_parms(const struct drbd_legacy_req *req, int attr,
			    struct nlattr **tb, int maxtype,
			    const struct nla_policy *policy, const char **text)
{
	const struct nlattr *nest = req->info->attrs[attr];
	int err;

	memset(tb, 0, sizeof(*tb) * (maxtype + 1));
	if (!nest)
		return NO_ERROR;
	err = drbd_legacy_parse_nest(tb, maxtype, nest, policy);
	if (!err)
		return NO_ERROR;
	*text = err == -EOPNOTSUPP ? "unknown mandatory attribute" :
				     "invalid attribute value";
	return ERR_MANDATORY_TAG;
}

static int drbd_legacy_set_role(struct genl_info *info, enum drbd_res_role role)
{
	struct nlattr *tb[DRBD_A_SET_ROLE_PARMS_MAX + 1];
	struct drbd_legacy_objs objs;
	struct drbd_legacy_req req;
	enum drbd_reason reason;
	bool force = false;
	bool changed;
	int ret;

	ret = drbd_legacy_begin(&req, info);
	if (ret)
		return ret;
	drbd_cfg_lock();
	ret = drbd_legacy_lookup(&req, DRBD_LEGACY_NEED_MINOR, &objs);
	if (ret == NO_ERROR)
		ret = drbd_legacy_parse_parms(&req, DRBD_NLA_SET_ROLE_PARMS, tb,
					      DRBD_A_SET_ROLE_PARMS_MAX,
					      drbd_set_role_parms_nl_policy,
					      &objs.text);
	if (ret != NO_ERROR) {
		drbd_cfg_unlock();
		return drbd_legacy_finish(&req, ret, objs.text);
	}
	if (role == DRBD_ROLE_PRIMARY && tb[DRBD_A_SET_ROLE_PARMS_ASSUME_UPTODATE])
		force = nla_get_u8(tb[DRBD_A_SET_ROLE_PARMS_ASSUME_UPTODATE]);
	reason = drbd_set_role_locked(objs.device->resource, role, force,
				      &changed);
	drbd_cfg_unlock();
	return drbd_legacy_finish(&req, drbd_legacy_state_rv(reason, changed),
				  NULL);
}

/**
 * drbd_nl_primary_doit - PRIMARY: promote the minor's resource
 * @skb: the request
 * @info: the request's attributes (set-role-parms assume-uptodate: force)
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_primary_doit(struct sk_buff *skb, struct genl_info *info)
{
	return drbd_legacy_set_role(info, DRBD_ROLE_PRIMARY);
}

/**
 * drbd_nl_secondary_doit - SECONDARY: demote the minor's resource
 * @skb: the request
 * @info: the request's attributes
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_secondary_doit(struct sk_buff *skb, struct genl_info *info)
{
	return drbd_legacy_set_role(info, DRBD_ROLE_SECONDARY);
}

/**
 * drbd_nl_outdate_doit - OUTDATE: mark the minor's data outdated
 * @skb: the request
 * @info: the request's attributes
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_outdate_doit(struct sk_buff *skb, struct genl_info *info)
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
	ret = drbd_legacy_lookup(&req, DRBD_LEGACY_NEED_MINOR, &objs);
	if (ret != NO_ERROR) {
		drbd_cfg_unlock();
		return drbd_legacy_finish(&req, ret, objs.text);
	}
	reason = drbd_device_outdate_locked(objs.device, &changed);
	drbd_cfg_unlock();
	return drbd_legacy_finish(&req, drbd_legacy_state_rv(reason, changed),
				  NULL);
}

/**
 * drbd_nl_new_c_uuid_doit - NEW_C_UUID: start a new data generation
 * @skb: the request
 * @info: the request's attributes (new-c-uuid-parms clear-bm)
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_new_c_uuid_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[DRBD_A_NEW_C_UUID_PARMS_MAX + 1];
	struct drbd_legacy_objs objs;
	struct drbd_legacy_req req;
	enum drbd_reason reason;
	bool clear_bm = false;
	int ret;

	ret = drbd_legacy_begin(&req, info);
	if (ret)
		return ret;
	drbd_cfg_lock();
	ret = drbd_legacy_lookup(&req, DRBD_LEGACY_NEED_MINOR, &objs);
	if (ret == NO_ERROR)
		ret = drbd_legacy_parse_parms(&req, DRBD_NLA_NEW_C_UUID_PARMS, tb,
					      DRBD_A_NEW_C_UUID_PARMS_MAX,
					      drbd_new_c_uuid_parms_nl_policy,
					      &objs.text);
	if (ret != NO_ERROR) {
		drbd_cfg_unlock();
		return drbd_legacy_finish(&req, ret, objs.text);
	}
	if (tb[DRBD_A_NEW_C_UUID_PARMS_CLEAR_BM])
		clear_bm = nla_get_u8(tb[DRBD_A_NEW_C_UUID_PARMS_CLEAR_BM]);
	reason = drbd_device_new_current_uuid_locked(objs.device, clear_bm);
	drbd_cfg_unlock();
	if (reason == DRBD_R_NO_DISK)
		return drbd_legacy_finish(&req, ERR_NO_DISK, NULL);
	if (reason == DRBD_R_MD_IO)
		return drbd_legacy_finish(&req, ERR_IO_MD_DISK, NULL);
	return drbd_legacy_finish(&req, drbd_legacy_reason_ret_code(reason),
				  NULL);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * Legacy drbd family: CONNECT, DISCONNECT and CHG_NET_OPTS on the core's
 * 8.4 connection (drbd_resource_connect84_locked(),
 * drbd_connection_disconnect84_locked(), drbd_net_options_check()), with
 * the in-tree driver's ret_codes. There is no data plane yet: a connection
 * stays Connecting (8.4: WFConnection) until it is disconnected.
 */
#include <net/genetlink.h>

#include "drbd_nl_legacy.h"

/* the net-conf fields 8.4 refuses to change (DRBD_F_INVARIANT) */
static const int drbd_legacy_net_invariants[] = {
	DRBD_A_NET_CONF_DISCARD_MY_DATA, DRBD_A_NET_CONF_TENTATIVE,
};

/*
 * Parse the request's net-conf nest (absent: nothing to parse) into @tb.
 * Return: NO_ERROR, or ERR_MANDATORY_TAG with *@text set.
 */
static int drbd_legacy_parse_net_conf(struct genl_info *info, struct nlattr **tb,
				      bool change, const char **text)
{
	const struct nlattr *nest = info->attrs[DRBD_NLA_NET_CONF];
	unsigned int i;
	int err;

	memset(tb, 0, sizeof(*tb) * (DRBD_A_NET_CONF_MAX + 1));
	if (!nest)
		return NO_ERROR;
	err = drbd_legacy_parse_nest(tb, DRBD_A_NET_CONF_MAX, nest,
				     drbd_net_conf_nl_policy);
	if (err) {
		*text = err == -EOPNOTSUPP ? "unknown mandatory attribute" :
					     "invalid attribute value";
		return ERR_MANDATORY_TAG;
	}
	for (i = 0; change && i < ARRAY_SIZE(drbd_legacy_net_invariants); i++) {
		if (tb[drbd_legacy_net_invariants[i]]) {
			*text = "can not change invariant setting";
			return ERR_MANDATORY_TAG;
		}
	}
	return NO_ERROR;
}

static void drbd_legacy_addr_from(struct drbd_addr *addr,
				  const struct nlattr *nla)
{
	addr->len = min_t(u32, nla_len(nla), sizeof(addr->addr));
	memcpy(addr->addr, nla_data(nla), addr->len);
}

/**
 * drbd_nl_connect_doit - CONNECT: configure the connection and connect
 * @skb: the request
 * @info: the request's attributes (cfg-context with both addresses,
 *        net-conf)
 *
 * Answers SS_SUCCESS (the state change to Unconnected, as in-tree) or a
 * ret_code: 162 without both addresses, 102/103 for addresses in use,
 * 125 when configured already, the net-option checks, as in-tree.
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_connect_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[DRBD_A_NET_CONF_MAX + 1];
	struct drbd_addr my_addr, peer_addr;
	struct drbd_net_options *net;
	struct drbd_legacy_objs objs;
	struct drbd_legacy_req req;
	enum drbd_reason reason;
	int ret;

	ret = drbd_legacy_begin(&req, info);
	if (ret)
		return ret;
	net = kzalloc_obj(*net, GFP_KERNEL);
	if (!net)
		return drbd_legacy_finish(&req, ERR_NOMEM, NULL);
	drbd_cfg_lock();
	ret = drbd_legacy_lookup(&req, DRBD_LEGACY_NEED_RESOURCE, &objs);
	if (ret != NO_ERROR)
		goto out;
	if (!req.my_addr || !req.peer_addr) {
		objs.text = "connection endpoint(s) missing";
		ret = ERR_INVALID_REQUEST;
		goto out;
	}
	ret = drbd_legacy_parse_net_conf(info, tb, false, &objs.text);
	if (ret != NO_ERROR)
		goto out;
	drbd_net_options_defaults(net);
	drbd_legacy_net_opts_from(tb, net);
	drbd_legacy_addr_from(&my_addr, req.my_addr);
	drbd_legacy_addr_from(&peer_addr, req.peer_addr);
	reason = drbd_resource_connect84_locked(objs.resource, &my_addr,
						&peer_addr, net);
	ret = reason ? drbd_legacy_reason_ret_code(reason) : SS_SUCCESS;
out:
	drbd_cfg_unlock();
	kfree(net);
	return drbd_legacy_finish(&req, ret, objs.text);
}

/**
 * drbd_nl_disconnect_doit - DISCONNECT: disconnect and forget the connection
 * @skb: the request
 * @info: the request's attributes (cfg-context with both addresses,
 *        disconnect-parms)
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_disconnect_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[DRBD_A_DISCONNECT_PARMS_MAX + 1];
	struct drbd_legacy_objs objs;
	struct drbd_legacy_req req;
	int ret;

	ret = drbd_legacy_begin(&req, info);
	if (ret)
		return ret;
	drbd_cfg_lock();
	ret = drbd_legacy_lookup(&req, DRBD_LEGACY_NEED_CONNECTION, &objs);
	if (ret != NO_ERROR)
		goto out;
	if (info->attrs[DRBD_NLA_DISCONNECT_PARMS]) {
		ret = drbd_legacy_parse_nest(tb, DRBD_A_DISCONNECT_PARMS_MAX,
					     info->attrs[DRBD_NLA_DISCONNECT_PARMS],
					     drbd_disconnect_parms_nl_policy);
		if (ret) {
			objs.text = ret == -EOPNOTSUPP ?
				    "unknown mandatory attribute" :
				    "invalid attribute value";
			ret = ERR_MANDATORY_TAG;
			goto out;
		}
	}
	/* no peer: a forced disconnect is no different */
	drbd_connection_disconnect84_locked(objs.connection);
	ret = NO_ERROR;
out:
	drbd_cfg_unlock();
	return drbd_legacy_finish(&req, ret, objs.text);
}

/**
 * drbd_nl_chg_net_opts_doit - CHG_NET_OPTS: change the net options
 * @skb: the request
 * @info: the request's attributes (cfg-context with both addresses,
 *        net-conf without the invariant fields)
 *
 * Fields not in the request keep their value, or get their default with
 * the set-defaults flag (not the invariant ones).
 *
 * Return: 0 or a negative errno.
 */
int drbd_nl_chg_net_opts_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[DRBD_A_NET_CONF_MAX + 1];
	struct drbd_net_options *net;
	struct drbd_legacy_objs objs;
	struct drbd_legacy_req req;
	enum drbd_reason reason;
	int ret;

	ret = drbd_legacy_begin(&req, info);
	if (ret)
		return ret;
	net = kzalloc_obj(*net, GFP_KERNEL);
	if (!net)
		return drbd_legacy_finish(&req, ERR_NOMEM, NULL);
	drbd_cfg_lock();
	ret = drbd_legacy_lookup(&req, DRBD_LEGACY_NEED_CONNECTION, &objs);
	if (ret != NO_ERROR)
		goto out;
	*net = objs.connection->net;
	if (req.flags & DRBD_GENL_F_SET_DEFAULTS) {
		bool discard_my_data = net->discard_my_data;
		bool tentative = net->tentative;
		bool allow_remote_read = net->allow_remote_read;
		char transport[sizeof(net->transport)];
		u32 fencing = net->fencing;

		/* not the invariant ones, nor DRBD 9's (drbd2 sets those) */
		memcpy(transport, net->transport, sizeof(transport));
		drbd_net_options_defaults(net);
		net->discard_my_data = discard_my_data;
		net->tentative = tentative;
		memcpy(net->transport, transport, sizeof(transport));
		net->fencing = fencing;
		net->allow_remote_read = allow_remote_read;
	}
	ret = drbd_legacy_parse_net_conf(info, tb, true, &objs.text);
	if (ret != NO_ERROR)
		goto out;
	drbd_legacy_net_opts_from(tb, net);
	reason = drbd_connection_set_options_locked(objs.connection, net);
	if (reason) {
		ret = drbd_legacy_reason_ret_code(reason);
		goto out;
	}
	ret = NO_ERROR;
out:
	drbd_cfg_unlock();
	kfree(net);
	return drbd_legacy_finish(&req, ret, objs.text);
}

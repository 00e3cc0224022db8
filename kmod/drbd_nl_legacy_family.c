// SPDX-License-Identifier: GPL-2.0
/*
 * The legacy drbd family: registration, request prologue (fixed header,
 * cfg-context, mandatory bits), replies with ret_code and info text, and the
 * translation of core failure reasons into 8.4 ret_codes.
 */
#include <linux/genetlink.h>
#include <linux/module.h>
#include <net/genetlink.h>

#include "drbd_nl_legacy.h"

static const struct genl_multicast_group drbd_legacy_mcgrps[] = {
	[DRBD_NLGRP_EVENTS] = { .name = "events", },
};

/*
 * Like the in-tree family: one family-wide policy, every command below
 * resv_start_op (so the old lenient header rules and the relaxed
 * validation the spec asks for with dont-validate apply), hdrsize 8.
 * DRBD objects are global (netnsok false); handlers lock the core
 * themselves (parallel_ops). The maxattr is that of the generated global
 * policy, i.e. the highest attribute a request may carry (6.1's in-tree
 * family reports 24, 7.2's 0; the tools do not look at it).
 */
struct genl_family drbd_legacy_family __ro_after_init = {
	.name		= DRBD_FAMILY_NAME,
	.version	= DRBD_FAMILY_VERSION,
	.hdrsize	= NLA_ALIGN(sizeof(struct drbd_genlmsghdr)),
	.maxattr	= ARRAY_SIZE(drbd_nl_policy) - 1,
	.policy		= drbd_nl_policy,
	.netnsok	= false,
	.parallel_ops	= true,
	.resv_start_op	= DRBD_ADM_HELPER + 2,
	.module		= THIS_MODULE,
	.small_ops	= drbd_nl_ops,
	.n_small_ops	= ARRAY_SIZE(drbd_nl_ops),
	.mcgrps		= drbd_legacy_mcgrps,
	.n_mcgrps	= ARRAY_SIZE(drbd_legacy_mcgrps),
};

MODULE_ALIAS_GENL_FAMILY(DRBD_FAMILY_NAME);

static_assert(sizeof(struct drbd_genlmsghdr) == 8);

/* whether the generated policy of a nest knows a field */
static bool drbd_legacy_known(const struct nla_policy *policy, int maxtype,
			      int type)
{
	return type >= 1 && type <= maxtype && policy[type].type != NLA_UNSPEC;
}

/**
 * drbd_legacy_parse_nest - parse a request nest of DRBD fields
 * @tb: receives the fields, indexed by field number
 * @maxtype: highest field number of the nest
 * @nest: the nest (already validated by the core against @policy)
 * @policy: the nest's generated policy
 *
 * Fields the module does not know are ignored, unless they carry the
 * mandatory bit: then the request is refused, as the in-tree driver does.
 *
 * Return: 0, -EOPNOTSUPP for an unknown mandatory field, or another
 *         negative errno from parsing.
 */
int drbd_legacy_parse_nest(struct nlattr **tb, int maxtype,
			   const struct nlattr *nest,
			   const struct nla_policy *policy)
{
	const struct nlattr *field;
	int rem;

	nla_for_each_nested(field, nest, rem) {
		if ((field->nla_type & DRBD_LEGACY_F_MANDATORY) &&
		    !drbd_legacy_known(policy, maxtype, nla_type(field)))
			return -EOPNOTSUPP;
	}
	return nla_parse_nested_deprecated(tb, maxtype, nest, policy, NULL);
}

/*
 * The reply echoes the request's cfg-context, with the mandatory bits of
 * its fields cleared (the 6.1 in-tree driver strips them in place while
 * parsing; 7.2 keeps them).
 */
static int drbd_legacy_echo_context(struct sk_buff *reply,
				    const struct nlattr *ctx)
{
	struct nlattr *copy = (struct nlattr *)skb_tail_pointer(reply);
	struct nlattr *field;
	int rem;

	if (nla_put_nohdr(reply, ctx->nla_len, ctx))
		return -EMSGSIZE;
	nla_for_each_nested(field, copy, rem)
		field->nla_type &= ~DRBD_LEGACY_F_MANDATORY;
	return 0;
}

/**
 * drbd_legacy_begin - request prologue of every do handler
 * @req: the request state to fill in
 * @info: the request
 *
 * Reads the fixed header and the cfg-context and starts the reply (fixed
 * header with the request's minor and ret_code NO_ERROR, then the echoed
 * cfg-context). On success the caller must end with drbd_legacy_finish().
 *
 * Return: 0, or a negative errno to return from the handler (no reply).
 */
int drbd_legacy_begin(struct drbd_legacy_req *req, struct genl_info *info)
{
	const struct drbd_genlmsghdr *hdr = drbd_genl_userhdr(info);
	const struct nlattr *ctx = info->attrs[DRBD_NLA_CFG_CONTEXT];
	struct nlattr *tb[DRBD_A_DRBD_CFG_CONTEXT_MAX + 1];
	int err;

	memset(req, 0, sizeof(*req));
	req->info = info;
	req->minor = hdr->minor;
	req->flags = hdr->flags;
	req->volume = DRBD_LEGACY_NO_VOLUME;
	if (ctx) {
		err = drbd_legacy_parse_nest(tb, DRBD_A_DRBD_CFG_CONTEXT_MAX, ctx,
					     drbd_drbd_cfg_context_nl_policy);
		if (err)
			return err;
		if (tb[DRBD_A_DRBD_CFG_CONTEXT_CTX_RESOURCE_NAME])
			req->resource_name =
				nla_data(tb[DRBD_A_DRBD_CFG_CONTEXT_CTX_RESOURCE_NAME]);
		if (tb[DRBD_A_DRBD_CFG_CONTEXT_CTX_VOLUME])
			req->volume =
				nla_get_u32(tb[DRBD_A_DRBD_CFG_CONTEXT_CTX_VOLUME]);
		req->my_addr = tb[DRBD_A_DRBD_CFG_CONTEXT_CTX_MY_ADDR];
		req->peer_addr = tb[DRBD_A_DRBD_CFG_CONTEXT_CTX_PEER_ADDR];
	}

	req->reply = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!req->reply)
		return -ENOMEM;
	req->reply_hdr = genlmsg_put_reply(req->reply, info, &drbd_legacy_family,
					   0, info->genlhdr->cmd);
	if (!req->reply_hdr)
		goto out_free;
	req->reply_hdr->minor = req->minor;
	req->reply_hdr->ret_code = NO_ERROR;
	if (ctx && drbd_legacy_echo_context(req->reply, ctx))
		goto out_free;
	return 0;

out_free:
	nlmsg_free(req->reply);
	req->reply = NULL;
	return -EMSGSIZE;
}

static int drbd_legacy_put_info(struct sk_buff *skb, const char *text)
{
	struct nlattr *nest;

	nest = nla_nest_start_noflag(skb, DRBD_NLA_CFG_REPLY);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_string(skb, DRBD_A_DRBD_CFG_REPLY_INFO_TEXT |
			   DRBD_LEGACY_F_MANDATORY, text)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * drbd_legacy_finish - send the reply of a do request
 * @req: the request, prepared with drbd_legacy_begin()
 * @ret_code: the reply's ret_code (enum drbd_ret_code or drbd_state_rv)
 * @text: info text for the cfg-reply nest, or NULL
 *
 * Return: 0 (DRBD-level errors travel in @ret_code), or a negative errno
 *         if the reply could not be sent.
 */
int drbd_legacy_finish(struct drbd_legacy_req *req, int ret_code,
		       const char *text)
{
	struct sk_buff *reply = req->reply;

	req->reply = NULL;
	req->reply_hdr->ret_code = ret_code;
	if (text && text[0] && drbd_legacy_put_info(reply, text))
		pr_warn_ratelimited("drbd: reply text \"%s\" did not fit\n", text);
	genlmsg_end(reply, req->reply_hdr);
	return genlmsg_reply(reply, req->info);
}

/**
 * drbd_legacy_reason_ret_code - the 8.4 ret_code for a core failure reason
 * @reason: why a core operation failed
 *
 * Return: an enum drbd_ret_code value.
 */
int drbd_legacy_reason_ret_code(enum drbd_reason reason)
{
	switch (reason) {
	case DRBD_OK:
		return NO_ERROR;
	case DRBD_R_NOMEM:
		return ERR_NOMEM;
	case DRBD_R_RES_UNKNOWN:
		return ERR_RES_NOT_KNOWN;
	case DRBD_R_RES_IN_USE:
		return ERR_RES_IN_USE;
	case DRBD_R_MINOR_UNKNOWN:
		return ERR_MINOR_INVALID;
	case DRBD_R_MINOR_EXISTS:
	case DRBD_R_VOLUME_EXISTS:
		return ERR_MINOR_OR_VOLUME_EXISTS;
	case DRBD_R_DEVICE_OPEN:
	case DRBD_R_DISK_CONFIGURED:
	case DRBD_R_PRIMARY:
		return ERR_MINOR_CONFIGURED;
	case DRBD_R_NET_CONFIGURED:
		return ERR_NET_CONFIGURED;
	case DRBD_R_LOCAL_ADDR:
		return ERR_LOCAL_ADDR;
	case DRBD_R_PEER_ADDR:
		return ERR_PEER_ADDR;
	case DRBD_R_NEED_TWO_PRI:
		return ERR_NEED_ALLOW_TWO_PRI;
	case DRBD_R_NOT_PROTO_C:
		return ERR_NOT_PROTO_C;
	case DRBD_R_STONITH_PROTO_A:
		return ERR_STONITH_AND_PROT_A;
	case DRBD_R_DISCARD_PRIMARY:
		return ERR_DISCARD_IMPOSSIBLE;
	case DRBD_R_CONG_NOT_PROTO_A:
		return ERR_CONG_NOT_PROTO_A;
	case DRBD_R_CSUMS_ALG:
		return ERR_CSUMS_ALG;
	case DRBD_R_VERIFY_ALG:
		return ERR_VERIFY_ALG;
	case DRBD_R_INTEGRITY_ALG:
		return ERR_INTEGRITY_ALG;
	case DRBD_R_AUTH_ALG:
		return ERR_AUTH_ALG;
	case DRBD_R_PAUSE_IS_SET:
		return ERR_PAUSE_IS_SET;
	case DRBD_R_PAUSE_IS_CLEAR:
		return ERR_PAUSE_IS_CLEAR;
	default:
		return ERR_INVALID_REQUEST;
	}
}

/**
 * drbd_legacy_family_init - register the legacy family and its events
 *
 * Return: 0 or a negative errno.
 */
int drbd_legacy_family_init(void)
{
	int err;

	err = genl_register_family(&drbd_legacy_family);
	if (err)
		return err;
	err = drbd_legacy_events_init();
	if (err)
		genl_unregister_family(&drbd_legacy_family);
	return err;
}

/**
 * drbd_legacy_family_exit - unregister the legacy family
 *
 * Waits for running handlers; afterwards no request reaches the core.
 */
void drbd_legacy_family_exit(void)
{
	drbd_legacy_events_exit();
	genl_unregister_family(&drbd_legacy_family);
}

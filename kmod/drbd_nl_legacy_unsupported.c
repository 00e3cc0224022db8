// SPDX-License-Identifier: GPL-2.0
/*
 * Legacy drbd family: the commands that need state this module does not
 * model yet (resync, online verify, I/O suspension). They find
 * their objects like the in-tree driver (so an unknown minor still gets 127 "unknown
 * minor") and otherwise answer ERR_INVALID_REQUEST with a text; they never
 * change anything.
 */
#include <net/genetlink.h>

#include "drbd_nl_legacy.h"

#define DRBD_LEGACY_UNSUPPORTED(op, scope)				\
int drbd_nl_##op##_doit(struct sk_buff *skb, struct genl_info *info)	\
{									\
	return drbd_legacy_unsupported(skb, info, scope);		\
}

DRBD_LEGACY_UNSUPPORTED(start_ov, DRBD_LEGACY_NEED_MINOR)
DRBD_LEGACY_UNSUPPORTED(invalidate, DRBD_LEGACY_NEED_MINOR)
DRBD_LEGACY_UNSUPPORTED(inval_peer, DRBD_LEGACY_NEED_MINOR)
DRBD_LEGACY_UNSUPPORTED(pause_sync, DRBD_LEGACY_NEED_MINOR)
DRBD_LEGACY_UNSUPPORTED(resume_sync, DRBD_LEGACY_NEED_MINOR)
DRBD_LEGACY_UNSUPPORTED(suspend_io, DRBD_LEGACY_NEED_MINOR)
DRBD_LEGACY_UNSUPPORTED(resume_io, DRBD_LEGACY_NEED_MINOR)

/**
 * drbd_nl_get_initial_state_dumpit - GET_INITIAL_STATE (events2 initial dump)
 * @skb: the dump's buffer
 * @cb: the dump's state
 *
 * Not used by the 8.4 tools; refused until the events2 dump exists.
 *
 * Return: -EOPNOTSUPP.
 */
int drbd_nl_get_initial_state_dumpit(struct sk_buff *skb,
				     struct netlink_callback *cb)
{
	return -EOPNOTSUPP;
}

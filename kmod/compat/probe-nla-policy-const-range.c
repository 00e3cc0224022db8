// SPDX-License-Identifier: GPL-2.0
/* HAVE_NLA_POLICY_CONST_RANGE: nla_policy.range points to const (6.2+) */
#include <net/netlink.h>

static const struct netlink_range_validation probe_range = { .max = 1 };
const struct nla_policy probe_policy[2] = {
	[1] = NLA_POLICY_FULL_RANGE(NLA_U32, &probe_range),
};

// SPDX-License-Identifier: GPL-2.0
/* HAVE_GENL_INFO_DUMP: genl_info_dump(cb) (6.6+) */
#include <net/genetlink.h>

struct nlattr **probe(struct netlink_callback *cb);
struct nlattr **probe(struct netlink_callback *cb)
{
	return genl_info_dump(cb)->attrs;
}

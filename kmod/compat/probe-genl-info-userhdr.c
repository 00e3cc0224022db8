// SPDX-License-Identifier: GPL-2.0
/* HAVE_GENL_INFO_USERHDR: genl_info_userhdr(info) (6.7+; 6.1 has info->userhdr) */
#include <net/genetlink.h>

void *probe(const struct genl_info *info);
void *probe(const struct genl_info *info)
{
	return genl_info_userhdr(info);
}

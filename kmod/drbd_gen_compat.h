/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Forced into the compilation of generated sources (drbd2_nl_gen.c,
 * drbd_nl_legacy_gen.c) by Kbuild, so that the generator's output builds
 * unchanged on every supported kernel.
 */
#ifndef DRBD_GEN_COMPAT_H
#define DRBD_GEN_COMPAT_H

#include "drbd_compat.h"

#ifndef HAVE_NLA_POLICY_CONST_RANGE
/*
 * Before 6.2 nla_policy.range is a pointer to non-const, while ynl-gen
 * emits const range tables. The validator only reads through the pointer.
 */
#pragma GCC diagnostic ignored "-Wdiscarded-qualifiers"
#endif

#ifndef NLA_POLICY_MAX_LEN
/* binary attribute with a maximum length (7.x); the same policy spelled out */
#define NLA_POLICY_MAX_LEN(_len)	NLA_POLICY_MAX(NLA_BINARY, _len)
#endif

/*
 * ynl_gen_c.py (7.2) emits NLA_POLICY_FULL_RANGE() for signed types as well,
 * with a struct netlink_range_validation_signed table, which the kernel's
 * macro (unsigned types only) refuses. The validator reads the table
 * through .range_signed for signed types: the same union slot as .range.
 * So the policy is spelled out for any integer type.
 */
#undef NLA_POLICY_FULL_RANGE
#define NLA_POLICY_FULL_RANGE(tp, _range) {				\
	.type = NLA_ENSURE_INT_OR_BINARY_TYPE(tp),			\
	.validation_type = NLA_VALIDATE_RANGE_PTR,			\
	.range = (const void *)(_range),				\
}

#endif /* DRBD_GEN_COMPAT_H */

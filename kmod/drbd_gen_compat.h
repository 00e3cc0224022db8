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

#endif /* DRBD_GEN_COMPAT_H */

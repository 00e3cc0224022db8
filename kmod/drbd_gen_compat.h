/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Forced into the compilation of generated sources (drbd2_nl_gen.c) by
 * Kbuild, so that the generator's output builds unchanged on every
 * supported kernel.
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

#endif /* DRBD_GEN_COMPAT_H */

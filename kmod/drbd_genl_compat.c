// SPDX-License-Identifier: GPL-2.0
/*
 * Registering a generic netlink family from a split-op table (as generated
 * by ynl_gen_c.py) on every supported kernel.
 *
 * Kernels with split ops take the table as it is. Linux 6.1 has only
 * classic genl_ops: one entry per command carrying both doit and dumpit and
 * one policy. There the table is converted at registration: the do and dump
 * entries of a command are merged, and if both have different policies the
 * command gets the union of the two (so on 6.1 a dump also accepts the
 * attributes of the do request, and vice versa; the handlers ignore what
 * they do not use). Per-op pre_doit/post_doit hooks are not supported there.
 */
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/genetlink.h>

#include "drbd_compat.h"

#ifdef HAVE_GENL_SPLIT_OPS

/**
 * drbd_genl_register_family - register a family with a split-op table
 * @family: the family, without ops
 * @ops: the split ops, sorted by command, do before dump
 * @n_ops: number of entries in @ops
 *
 * Return: 0 or a negative errno.
 */
int drbd_genl_register_family(struct genl_family *family,
			      const struct genl_split_ops *ops, unsigned int n_ops)
{
	family->split_ops = ops;
	family->n_split_ops = n_ops;
	return genl_register_family(family);
}

/**
 * drbd_genl_unregister_family - unregister a family
 * @family: a family registered with drbd_genl_register_family()
 */
void drbd_genl_unregister_family(struct genl_family *family)
{
	genl_unregister_family(family);
}

#else /* !HAVE_GENL_SPLIT_OPS */

/*
 * What a converted family owns. Registration and unregistration happen in
 * module init and exit only, which the module loader serialises.
 */
struct drbd_genl_converted {
	struct list_head list;
	struct genl_family *family;
	struct genl_ops *ops;
	unsigned int n_ops;
	unsigned int n_slots;
	struct nla_policy *merged[];	/* one per op, NULL if not merged */
};

static LIST_HEAD(drbd_genl_converted_families);

static void drbd_genl_converted_free(struct drbd_genl_converted *conv)
{
	unsigned int i;

	for (i = 0; i < conv->n_slots; i++)
		kfree(conv->merged[i]);
	kfree(conv->ops);
	kfree(conv);
}

/* the union of two policies; entries of @a win where both have one */
static struct nla_policy *drbd_genl_merge_policy(const struct nla_policy *a,
						 unsigned int a_max,
						 const struct nla_policy *b,
						 unsigned int b_max)
{
	unsigned int max = max(a_max, b_max);
	struct nla_policy *pol;
	unsigned int i;

	pol = kcalloc(max + 1, sizeof(*pol), GFP_KERNEL);
	if (!pol)
		return NULL;
	/* memcpy: struct nla_policy has const members */
	memcpy(pol, b, (b_max + 1) * sizeof(*pol));
	for (i = 0; i <= a_max; i++)
		if (a[i].type != NLA_UNSPEC)
			memcpy(&pol[i], &a[i], sizeof(*pol));
	return pol;
}

static int drbd_genl_add_split_op(struct drbd_genl_converted *conv,
				  const struct genl_split_ops *sop)
{
	struct genl_ops *op = NULL;

	if (sop->pre_doit || sop->post_doit)
		return -EOPNOTSUPP;
	if (conv->n_ops && conv->ops[conv->n_ops - 1].cmd == sop->cmd)
		op = &conv->ops[conv->n_ops - 1];
	if (!op) {
		op = &conv->ops[conv->n_ops++];
		op->cmd = sop->cmd;
		op->flags = sop->flags & (GENL_ADMIN_PERM | GENL_UNS_ADMIN_PERM);
		op->internal_flags = sop->internal_flags;
		op->validate = sop->validate;
	}
	if (sop->flags & GENL_CMD_CAP_DO) {
		op->doit = sop->doit;
	} else {
		op->start = sop->start;
		op->dumpit = sop->dumpit;
		op->done = sop->done;
	}
	if (!sop->policy)
		return 0;
	if (!op->policy) {
		op->policy = sop->policy;
		op->maxattr = sop->maxattr;
		return 0;
	}
	if (op->policy == sop->policy)
		return 0;
	conv->merged[op - conv->ops] =
		drbd_genl_merge_policy(op->policy, op->maxattr,
				       sop->policy, sop->maxattr);
	if (!conv->merged[op - conv->ops])
		return -ENOMEM;
	op->policy = conv->merged[op - conv->ops];
	op->maxattr = max(op->maxattr, sop->maxattr);
	return 0;
}

int drbd_genl_register_family(struct genl_family *family,
			      const struct genl_split_ops *ops, unsigned int n_ops)
{
	struct drbd_genl_converted *conv;
	unsigned int i;
	int err;

	if (n_ops > U8_MAX)
		return -EINVAL;
	conv = kzalloc(struct_size(conv, merged, n_ops), GFP_KERNEL);
	if (!conv)
		return -ENOMEM;
	conv->family = family;
	conv->n_slots = n_ops;
	conv->ops = kcalloc(n_ops, sizeof(*conv->ops), GFP_KERNEL);
	if (!conv->ops) {
		err = -ENOMEM;
		goto out_free;
	}
	for (i = 0; i < n_ops; i++) {
		err = drbd_genl_add_split_op(conv, &ops[i]);
		if (err)
			goto out_free;
	}

	family->ops = conv->ops;
	family->n_ops = conv->n_ops;
	err = genl_register_family(family);
	if (err)
		goto out_free;
	list_add(&conv->list, &drbd_genl_converted_families);
	return 0;

out_free:
	drbd_genl_converted_free(conv);
	return err;
}

void drbd_genl_unregister_family(struct genl_family *family)
{
	struct drbd_genl_converted *conv;

	genl_unregister_family(family);
	list_for_each_entry(conv, &drbd_genl_converted_families, list) {
		if (conv->family == family) {
			list_del(&conv->list);
			drbd_genl_converted_free(conv);
			return;
		}
	}
}

#endif /* HAVE_GENL_SPLIT_OPS */

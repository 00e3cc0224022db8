// SPDX-License-Identifier: GPL-2.0
/*
 * labtest - a tiny generic netlink family for the drbdctl kernel lab.
 *
 * Registers the family "labtest" (version 1) with one multicast group
 * "events" and one command, ECHO, that answers with the string it got.
 * The lab builds this module against each kernel's headers and loads it
 * in a guest to check the out-of-tree build path end to end.
 */
#include <linux/module.h>
#include <linux/kernel.h>
#include <net/genetlink.h>

enum {
	LABTEST_A_UNSPEC,
	LABTEST_A_MSG,
	__LABTEST_A_MAX,
};
#define LABTEST_A_MAX (__LABTEST_A_MAX - 1)

enum {
	LABTEST_CMD_UNSPEC,
	LABTEST_CMD_ECHO,
	__LABTEST_CMD_MAX,
};

static const struct nla_policy labtest_policy[LABTEST_A_MAX + 1] = {
	[LABTEST_A_MSG] = { .type = NLA_NUL_STRING, .len = 255 },
};

static struct genl_family labtest_family;

static int labtest_echo(struct sk_buff *skb, struct genl_info *info)
{
	const char *msg = "";
	struct sk_buff *reply;
	void *hdr;

	if (info->attrs[LABTEST_A_MSG])
		msg = nla_data(info->attrs[LABTEST_A_MSG]);

	reply = genlmsg_new(NLMSG_GOODSIZE, GFP_KERNEL);
	if (!reply)
		return -ENOMEM;

	hdr = genlmsg_put_reply(reply, info, &labtest_family, 0, LABTEST_CMD_ECHO);
	if (!hdr || nla_put_string(reply, LABTEST_A_MSG, msg)) {
		nlmsg_free(reply);
		return -EMSGSIZE;
	}
	genlmsg_end(reply, hdr);
	return genlmsg_reply(reply, info);
}

static const struct genl_small_ops labtest_ops[] = {
	{
		.cmd = LABTEST_CMD_ECHO,
		.doit = labtest_echo,
	},
};

static const struct genl_multicast_group labtest_mcgrps[] = {
	{ .name = "events" },
};

static struct genl_family labtest_family = {
	.name = "labtest",
	.version = 1,
	.maxattr = LABTEST_A_MAX,
	.policy = labtest_policy,
	.module = THIS_MODULE,
	.small_ops = labtest_ops,
	.n_small_ops = ARRAY_SIZE(labtest_ops),
	.resv_start_op = __LABTEST_CMD_MAX,
	.mcgrps = labtest_mcgrps,
	.n_mcgrps = ARRAY_SIZE(labtest_mcgrps),
};

static int __init labtest_init(void)
{
	int err;

	err = genl_register_family(&labtest_family);
	if (err)
		return err;

	pr_info("labtest: registered generic netlink family %s (id %u)\n",
		labtest_family.name, labtest_family.id);
	return 0;
}

static void __exit labtest_exit(void)
{
	genl_unregister_family(&labtest_family);
	pr_info("labtest: unregistered\n");
}

module_init(labtest_init);
module_exit(labtest_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Generic netlink test family for the drbdctl kernel lab");

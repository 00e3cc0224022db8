/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	genl-drbd2/drbd2.yaml */
/* YNL-GEN kernel header */
/* To regenerate run: tools/net/ynl/ynl-regen.sh */

#ifndef _LINUX_DRBD2_GEN_H
#define _LINUX_DRBD2_GEN_H

#include <net/netlink.h>
#include <net/genetlink.h>

#include <uapi/linux/drbd2.h>

/* Common nested types */
extern const struct nla_policy drbd2_disk_options_nl_policy[DRBD2_A_DISK_OPTIONS_PAD + 1];
extern const struct nla_policy drbd2_net_options_nl_policy[DRBD2_A_NET_OPTIONS_ALLOW_REMOTE_READ + 1];
extern const struct nla_policy drbd2_peer_device_options_nl_policy[DRBD2_A_PEER_DEVICE_OPTIONS_BITMAP + 1];
extern const struct nla_policy drbd2_resource_options_nl_policy[DRBD2_A_RESOURCE_OPTIONS_ON_SUSPENDED_PRIMARY_OUTDATED + 1];

/* Ops table for drbd2 */
extern const struct genl_split_ops drbd2_nl_ops[35];

int drbd2_nl_resource_get_doit(struct sk_buff *skb, struct genl_info *info);
int drbd2_nl_resource_get_dumpit(struct sk_buff *skb,
				 struct netlink_callback *cb);
int drbd2_nl_resource_new_doit(struct sk_buff *skb, struct genl_info *info);
int drbd2_nl_resource_del_doit(struct sk_buff *skb, struct genl_info *info);
int drbd2_nl_device_get_doit(struct sk_buff *skb, struct genl_info *info);
int drbd2_nl_device_get_dumpit(struct sk_buff *skb,
			       struct netlink_callback *cb);
int drbd2_nl_device_new_doit(struct sk_buff *skb, struct genl_info *info);
int drbd2_nl_device_del_doit(struct sk_buff *skb, struct genl_info *info);
int drbd2_nl_connection_get_doit(struct sk_buff *skb, struct genl_info *info);
int drbd2_nl_connection_get_dumpit(struct sk_buff *skb,
				   struct netlink_callback *cb);
int drbd2_nl_connection_new_doit(struct sk_buff *skb, struct genl_info *info);
int drbd2_nl_connection_del_doit(struct sk_buff *skb, struct genl_info *info);
int drbd2_nl_device_attach_doit(struct sk_buff *skb, struct genl_info *info);
int drbd2_nl_device_detach_doit(struct sk_buff *skb, struct genl_info *info);
int drbd2_nl_resource_set_role_doit(struct sk_buff *skb,
				    struct genl_info *info);
int drbd2_nl_device_outdate_doit(struct sk_buff *skb, struct genl_info *info);
int drbd2_nl_device_new_current_uuid_doit(struct sk_buff *skb,
					  struct genl_info *info);
int drbd2_nl_device_resize_doit(struct sk_buff *skb, struct genl_info *info);
int drbd2_nl_connection_connect_doit(struct sk_buff *skb,
				     struct genl_info *info);
int drbd2_nl_connection_disconnect_doit(struct sk_buff *skb,
					struct genl_info *info);
int drbd2_nl_path_get_doit(struct sk_buff *skb, struct genl_info *info);
int drbd2_nl_path_get_dumpit(struct sk_buff *skb, struct netlink_callback *cb);
int drbd2_nl_path_new_doit(struct sk_buff *skb, struct genl_info *info);
int drbd2_nl_path_del_doit(struct sk_buff *skb, struct genl_info *info);
int drbd2_nl_peer_device_get_doit(struct sk_buff *skb, struct genl_info *info);
int drbd2_nl_peer_device_get_dumpit(struct sk_buff *skb,
				    struct netlink_callback *cb);
int drbd2_nl_peer_device_set_options_doit(struct sk_buff *skb,
					  struct genl_info *info);
int drbd2_nl_resource_set_options_doit(struct sk_buff *skb,
				       struct genl_info *info);
int drbd2_nl_device_set_disk_options_doit(struct sk_buff *skb,
					  struct genl_info *info);
int drbd2_nl_connection_set_options_doit(struct sk_buff *skb,
					 struct genl_info *info);
int drbd2_nl_device_invalidate_doit(struct sk_buff *skb,
				    struct genl_info *info);
int drbd2_nl_peer_device_invalidate_doit(struct sk_buff *skb,
					 struct genl_info *info);
int drbd2_nl_peer_device_verify_doit(struct sk_buff *skb,
				     struct genl_info *info);
int drbd2_nl_peer_device_pause_sync_doit(struct sk_buff *skb,
					 struct genl_info *info);
int drbd2_nl_peer_device_resume_sync_doit(struct sk_buff *skb,
					  struct genl_info *info);

enum {
	DRBD2_NLGRP_EVENTS,
};

#endif /* _LINUX_DRBD2_GEN_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The drbd2 generic netlink family: handwritten half. The policies and the
 * op table are generated from genl-drbd2/drbd2.yaml (drbd2_nl_gen.[ch]).
 */
#ifndef DRBD2_H
#define DRBD2_H

#include <linux/netlink.h>
#include <net/genetlink.h>

#include "drbd_compat.h"
#include "drbd_core.h"
#include "drbd2_nl_gen.h"

extern struct genl_family drbd2_family;

/**
 * struct drbd2_dump_ctx - dump cursor kept in netlink_callback.ctx
 * @pos: table index of the next object to dump
 * @sub_pos: index within the object at @pos (objects below a resource)
 */
struct drbd2_dump_ctx {
	unsigned long pos;
	unsigned long sub_pos;
};

static_assert(sizeof(struct drbd2_dump_ctx) <=
	      sizeof_field(struct netlink_callback, ctx));

static inline struct drbd2_dump_ctx *drbd2_dump_ctx(struct netlink_callback *cb)
{
	return (struct drbd2_dump_ctx *)cb->ctx;
}

/*
 * The object a message is about is passed as a struct drbd_event: a peer
 * device if .peer_device is set, a device if .device is set, a path if
 * .path is set, a connection if .connection
 * is set, otherwise the resource.
 */

/* drbd2_family.c */
int drbd2_family_init(void);
void drbd2_family_exit(void);
int drbd2_report(struct netlink_ext_ack *extack, enum drbd_reason reason,
		 const struct nlattr *bad_attr);
int drbd2_reply(struct genl_info *info, const struct drbd_event *obj,
		bool identity_only);
int drbd2_dump_one(struct sk_buff *skb, struct netlink_callback *cb,
		   const struct drbd_event *obj);

/* drbd2_resource_nl.c */
int drbd2_resource_put(struct sk_buff *msg, const struct drbd_resource *resource,
		       bool identity_only);

/* drbd2_device_nl.c */
int drbd2_device_put(struct sk_buff *msg, const struct drbd_device *device);

/* drbd2_connection_nl.c */
int drbd2_connection_put(struct sk_buff *msg,
			 const struct drbd_connection *connection,
			 bool identity_only);

/* drbd2_path_nl.c */
int drbd2_path_put(struct sk_buff *msg, const struct drbd_path *path);

/* drbd2_options.c */
int drbd2_net_options_put(struct sk_buff *msg, int attr,
			  const struct drbd_net_options *net);
int drbd2_net_options_parse(const struct nlattr *nest,
			    struct drbd_net_options *net, struct nlattr **tb,
			    struct netlink_ext_ack *extack);
const struct nlattr *drbd2_net_options_bad_attr(enum drbd_reason reason,
						struct nlattr **tb,
						const struct nlattr *nest);
int drbd2_disk_options_put(struct sk_buff *msg, int attr,
			   const struct drbd_disk_options *opts, u64 size);
int drbd2_disk_options_parse(const struct nlattr *nest,
			     struct drbd_disk_options *opts, u64 *size,
			     struct nlattr **tb, struct netlink_ext_ack *extack);
int drbd2_resource_options_put(struct sk_buff *msg, int attr,
			       const struct drbd_resource_options *opts);
int drbd2_resource_options_parse(const struct nlattr *nest,
				 struct drbd_resource_options *opts,
				 struct netlink_ext_ack *extack);

/* drbd2_peer_device_nl.c */
int drbd2_peer_device_put(struct sk_buff *msg, const struct drbd_peer_device *pd);
int drbd2_peer_device_find(struct genl_info *info, struct drbd_event *obj);

#endif /* DRBD2_H */

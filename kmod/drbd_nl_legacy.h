/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The legacy "drbd" generic netlink family (the DRBD 8.4 API, version 1):
 * handwritten half. The policies and the op table are generated from
 * genl-v8/drbd.yaml (drbd_nl_legacy_gen.[ch]).
 *
 * Wire rules (see the spec's top doc string):
 *  - after the genlmsghdr comes the 8-byte struct drbd_genlmsghdr: the minor,
 *    and flags in requests / ret_code in replies;
 *  - DRBD errors are not netlink errors: the reply carries a ret_code
 *    (enum drbd_ret_code, NO_ERROR = 101, or enum drbd_state_rv for state
 *    changes) and optionally a cfg-reply nest with an info text;
 *  - fields may carry DRBD's mandatory bit 0x4000 (NLA_F_NET_BYTEORDER to
 *    the netlink core, which nla_type() masks). A field the kernel does not
 *    know that carries it makes the request fail.
 * Replies follow the 6.1 in-tree driver byte for byte where the objects
 * exist: bare (non-NLA_F_NESTED) cfg-reply, cfg-context and state-info
 * nests with the mandatory bit on the fields the kernel builds by hand,
 * generated structs (res-opts, info, statistics) nested and bare.
 */
#ifndef DRBD_NL_LEGACY_H
#define DRBD_NL_LEGACY_H

#include <linux/netlink.h>
#include <net/genetlink.h>

#include "drbd_compat.h"
#include "drbd_core.h"
#include "drbd_nl_legacy_gen.h"

/* DRBD_GENLA_F_MANDATORY: the field must be understood */
#define DRBD_LEGACY_F_MANDATORY	(1 << 14)

/* the minor of requests and objects that are not about one device */
#define DRBD_LEGACY_NO_MINOR	(~0U)

/* DRBD 8.4's VOLUME_UNSPECIFIED and the limits it checks new-minor against */
#define DRBD_LEGACY_NO_VOLUME	(~0U)

/**
 * struct drbd_genlmsghdr - the family's fixed header (hdrsize 8)
 * @minor: the device, or %DRBD_LEGACY_NO_MINOR
 * @flags: request flags (enum drbd_genl_flags)
 * @ret_code: reply status
 */
struct drbd_genlmsghdr {
	u32 minor;
	union {
		u32 flags;
		s32 ret_code;
	};
};

extern struct genl_family drbd_legacy_family;

/**
 * struct drbd_legacy_req - a do request being answered
 * @info: the request
 * @reply: the reply under construction
 * @reply_hdr: the reply's fixed header
 * @minor: the minor of the request header
 * @flags: the flags of the request header
 * @resource_name: ctx-resource-name of the request, or NULL
 * @volume: ctx-volume of the request, or %DRBD_LEGACY_NO_VOLUME
 */
struct drbd_legacy_req {
	struct genl_info *info;
	struct sk_buff *reply;
	struct drbd_genlmsghdr *reply_hdr;
	u32 minor;
	u32 flags;
	const char *resource_name;
	u32 volume;
	const struct nlattr *my_addr;
	const struct nlattr *peer_addr;
};

/**
 * struct drbd_legacy_dump_ctx - dump cursor kept in netlink_callback.ctx
 * @pos: table index of the next resource (or device)
 * @sub_pos: index below the object at @pos (volume)
 * @filtered: only the resource with id @filter_id is dumped
 * @started: the request was parsed (first call done)
 * @done: nothing more to dump
 * @filter_id: table index of the resource the dump is limited to
 */
struct drbd_legacy_dump_ctx {
	unsigned long pos;
	unsigned long sub_pos;
	bool filtered;
	bool started;
	bool done;
	u32 filter_id;
};

static_assert(sizeof(struct drbd_legacy_dump_ctx) <=
	      sizeof_field(struct netlink_callback, ctx));

static inline struct drbd_legacy_dump_ctx *
drbd_legacy_dump_ctx(struct netlink_callback *cb)
{
	return (struct drbd_legacy_dump_ctx *)cb->ctx;
}

/* drbd_nl_legacy_family.c */
int drbd_legacy_family_init(void);
void drbd_legacy_family_exit(void);
int drbd_legacy_begin(struct drbd_legacy_req *req, struct genl_info *info);
int drbd_legacy_finish(struct drbd_legacy_req *req, int ret_code,
		       const char *text);
int drbd_legacy_parse_nest(struct nlattr **tb, int maxtype,
			   const struct nlattr *nest,
			   const struct nla_policy *policy);
int drbd_legacy_reason_ret_code(enum drbd_reason reason);

/* what a command addresses (the in-tree DRBD_ADM_NEED_* flags) */
enum drbd_legacy_scope {
	DRBD_LEGACY_ANY = 0,
	DRBD_LEGACY_NEED_MINOR = 1 << 0,
	DRBD_LEGACY_NEED_RESOURCE = 1 << 1,
	DRBD_LEGACY_NEED_CONNECTION = 1 << 2,
};

/**
 * struct drbd_legacy_objs - the objects a request addresses
 * @device: the device of the header's minor, or NULL
 * @resource: the named resource, else the device's, or NULL
 * @text: info text explaining a failed lookup
 */
struct drbd_legacy_objs {
	struct drbd_device *device;
	struct drbd_resource *resource;
	struct drbd_connection *connection;
	const char *text;
};

/* drbd_nl_legacy_lookup.c */
int drbd_legacy_lookup(const struct drbd_legacy_req *req,
		       enum drbd_legacy_scope scope,
		       struct drbd_legacy_objs *objs);
int drbd_legacy_unsupported(struct sk_buff *skb, struct genl_info *info,
			    enum drbd_legacy_scope scope);

/**
 * drbd_legacy_disk_state - the 8.4 number of a core disk state
 * @state: the core's disk state
 *
 * Return: an enum drbd_disk_state value of the 8.4 API.
 */
static inline u32 drbd_legacy_disk_state(enum drbd_dstate state)
{
	switch (state) {
	case DRBD_DISK_INCONSISTENT:
		return D_INCONSISTENT;
	case DRBD_DISK_OUTDATED:
		return D_OUTDATED;
	case DRBD_DISK_CONSISTENT:
		return D_CONSISTENT;
	case DRBD_DISK_UP_TO_DATE:
		return D_UP_TO_DATE;
	case DRBD_DISK_ATTACHING:
		return D_ATTACHING;
	case DRBD_DISK_FAILED:
		return D_FAILED;
	case DRBD_DISK_UNKNOWN:
		return D_UNKNOWN;
	default:
		return D_DISKLESS;
	}
}

static inline u32 drbd_legacy_conn_state(enum drbd_conn_state cstate)
{
	switch (cstate) {
	case DRBD_CONN_DISCONNECTING:
		return C_DISCONNECTING;
	case DRBD_CONN_UNCONNECTED:
		return C_UNCONNECTED;
	case DRBD_CONN_CONNECTING:
		return C_WF_CONNECTION;
	default:
		return C_STANDALONE;
	}
}

/* drbd_nl_legacy_fill.c */
int drbd_legacy_put_context(struct sk_buff *skb,
			    const struct drbd_resource *resource,
			    const struct drbd_device *device);
int drbd_legacy_put_context_conn(struct sk_buff *skb,
				 const struct drbd_resource *resource,
				 const struct drbd_connection *connection,
				 const struct drbd_device *device);
void drbd_legacy_net_opts_from(struct nlattr **tb, struct drbd_net_options *net);
int drbd_legacy_put_net_conf(struct sk_buff *skb,
			     const struct drbd_net_options *net,
			     bool exclude_sensitive);
int drbd_legacy_put_res_opts(struct sk_buff *skb,
			     const struct drbd_resource_options *options);
u32 drbd_legacy_state_word(enum drbd_res_role role, enum drbd_dstate disk,
			   bool peer_outdated, enum drbd_conn_state cstate);
int drbd_legacy_put_status(struct sk_buff *skb, const struct drbd_device *device,
			   u32 sib_reason, const u32 *words);
int drbd_legacy_put_resource_state(struct sk_buff *skb,
				   const struct drbd_resource *resource,
				   bool info);
int drbd_legacy_put_device_state(struct sk_buff *skb,
				 const struct drbd_device *device, bool info,
				 enum drbd_dstate disk);
int drbd_legacy_put_peer_device_state(struct sk_buff *skb,
				      const struct drbd_device *device,
				      bool peer_outdated);
int drbd_legacy_put_notification_header(struct sk_buff *skb, u32 type);

/* drbd_nl_legacy_role.c */
int drbd_legacy_state_rv(enum drbd_reason reason, bool changed);
int drbd_legacy_parse_parms(const struct drbd_legacy_req *req, int attr,
			    struct nlattr **tb, int maxtype,
			    const struct nla_policy *policy, const char **text);

/* drbd_nl_legacy_dump.c */
int drbd_legacy_dump_filter(struct netlink_callback *cb,
			    struct drbd_resource **resource);

/* drbd_nl_legacy_events.c */
int drbd_legacy_events_init(void);
void drbd_legacy_events_exit(void);

#endif /* DRBD_NL_LEGACY_H */

// SPDX-License-Identifier: GPL-2.0
/*
 * Resources: creation, deletion, lookup and iteration.
 */
#include <linux/cpumask.h>
#include <linux/ctype.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "drbd_compat.h"
#include "drbd_core.h"

/* id -> struct drbd_resource; holds one reference per entry */
static DEFINE_XARRAY_ALLOC(drbd_resources);

static void drbd_resource_release(struct kref *kref)
{
	struct drbd_resource *resource =
		container_of(kref, struct drbd_resource, kref);

	WARN_ON(!xa_empty(&resource->volumes));
	WARN_ON(!xa_empty(&resource->connections));
	xa_destroy(&resource->volumes);
	xa_destroy(&resource->connections);
	kfree(resource);
}

/**
 * drbd_resource_get - take a reference on a resource
 * @resource: the resource
 */
void drbd_resource_get(struct drbd_resource *resource)
{
	kref_get(&resource->kref);
}

/**
 * drbd_resource_put - drop a reference on a resource
 * @resource: the resource, may be NULL
 */
void drbd_resource_put(struct drbd_resource *resource)
{
	if (resource)
		kref_put(&resource->kref, drbd_resource_release);
}

static bool drbd_resource_name_valid(const char *name)
{
	size_t len = strnlen(name, DRBD_NAME_MAX + 1);
	size_t i;

	if (len == 0 || len > DRBD_NAME_MAX)
		return false;
	/* names become parts of paths and command lines: printable, no '/' */
	for (i = 0; i < len; i++)
		if (!isgraph(name[i]) || name[i] == '/')
			return false;
	return true;
}

static bool drbd_cpu_mask_valid(const char *mask)
{
	cpumask_var_t cpus;
	bool valid;

	if (!mask[0])
		return true;
	if (!zalloc_cpumask_var(&cpus, GFP_KERNEL))
		return false;
	valid = cpumask_parse(mask, cpus) == 0;
	free_cpumask_var(cpus);
	return valid;
}

/**
 * drbd_resource_options_defaults - the default options of a resource
 * @opts: receives them (8.4's cpu-mask and on-no-data-accessible, DRBD 9's
 *        others)
 */
void drbd_resource_options_defaults(struct drbd_resource_options *opts)
{
	*opts = (struct drbd_resource_options){
		.on_no_data = DRBD_ON_NO_DATA_IO_ERROR,
		.auto_promote = true,
		.peer_ack_window = 4096,
		.peer_ack_delay = 100,
		.twopc_timeout = 300,
		.twopc_retry_timeout = 1,
		.auto_promote_timeout = 20,
		.max_io_depth = 8000,
		.quorum = DRBD_QUORUM_OFF,
		.on_no_quorum = DRBD_ON_NO_DATA_SUSPEND_IO,
		.quorum_min_redundancy = DRBD_QUORUM_OFF,
		.on_susp_pri_outdated = DRBD_SUSP_PRI_OUTDATED_DISCONNECT,
	};
}

static bool drbd_quorum_valid(u32 quorum)
{
	return quorum <= DRBD_QUORUM_NODES_MAX ||
	       quorum == DRBD_QUORUM_MAJORITY || quorum == DRBD_QUORUM_ALL;
}

static bool drbd_in_range(u32 value, u32 min, u32 max)
{
	return value >= min && value <= max;
}

static enum drbd_reason
drbd_resource_check_options(const struct drbd_resource_options *opts)
{
	if (strnlen(opts->cpu_mask, sizeof(opts->cpu_mask)) >= sizeof(opts->cpu_mask) ||
	    !drbd_cpu_mask_valid(opts->cpu_mask))
		return DRBD_R_CPU_MASK_INVALID;
	/* DRBD 9's ranges (the 8.4 family cannot set these) */
	if (!drbd_in_range(opts->peer_ack_window, 2048, 204800) ||
	    !drbd_in_range(opts->peer_ack_delay, 1, 10000) ||
	    !drbd_in_range(opts->twopc_timeout, 50, 600) ||
	    !drbd_in_range(opts->twopc_retry_timeout, 1, 50) ||
	    opts->auto_promote_timeout > 600 || opts->max_io_depth < 4 ||
	    !drbd_quorum_valid(opts->quorum) ||
	    !drbd_quorum_valid(opts->quorum_min_redundancy) ||
	    opts->on_no_quorum > DRBD_ON_NO_DATA_SUSPEND_IO ||
	    opts->on_susp_pri_outdated > DRBD_SUSP_PRI_OUTDATED_FORCE_SECONDARY)
		return DRBD_R_OPTION_RANGE;
	return DRBD_OK;
}

static enum drbd_reason
drbd_resource_check_config(const struct drbd_resource_config *cfg)
{
	if (!cfg->name || !drbd_resource_name_valid(cfg->name))
		return DRBD_R_NAME_INVALID;
	if (cfg->node_id > DRBD_NODE_ID_MAX)
		return DRBD_R_NODE_ID_INVALID;
	return drbd_resource_check_options(&cfg->options);
}

/**
 * drbd_resource_lookup - find a resource by name
 * @name: the name
 *
 * Context: control-path mutex held; the result stays valid while it is.
 * Return: the resource (no reference taken) or NULL.
 */
struct drbd_resource *drbd_resource_lookup(const char *name)
{
	struct drbd_resource *resource;
	unsigned long id;

	drbd_cfg_assert_held();
	xa_for_each(&drbd_resources, id, resource)
		if (!strcmp(resource->name, name))
			return resource;
	return NULL;
}

/**
 * drbd_resource_next - iterate over resources in table order
 * @pos: cursor; start with 0, advanced past the returned resource
 *
 * Context: control-path mutex held.
 * Return: the first resource at or after @pos (no reference taken) or NULL.
 */
struct drbd_resource *drbd_resource_next(unsigned long *pos)
{
	struct drbd_resource *resource;

	drbd_cfg_assert_held();
	resource = xa_find(&drbd_resources, pos, ULONG_MAX, XA_PRESENT);
	if (resource)
		(*pos)++;
	return resource;
}

/**
 * drbd_resource_create - create a resource
 * @cfg: name, node id and options
 * @created: if not NULL, receives the new resource with a reference the
 *           caller must drop with drbd_resource_put()
 *
 * Announces %DRBD_EV_RESOURCE_CREATED.
 *
 * Return: %DRBD_OK or the reason of the failure.
 */
enum drbd_reason drbd_resource_create(const struct drbd_resource_config *cfg,
				      struct drbd_resource **created)
{
	struct drbd_resource *resource;
	enum drbd_reason reason;
	int err;

	reason = drbd_resource_check_config(cfg);
	if (reason)
		return reason;

	resource = kzalloc_obj(*resource, GFP_KERNEL);
	if (!resource)
		return DRBD_R_NOMEM;
	kref_init(&resource->kref);
	strscpy(resource->name, cfg->name, sizeof(resource->name));
	resource->node_id = cfg->node_id;
	resource->role = DRBD_ROLE_SECONDARY;
	resource->write_ordering = DRBD_WO_FLUSH;
	resource->options = cfg->options;
	xa_init(&resource->volumes);
	xa_init(&resource->connections);

	drbd_cfg_lock();
	if (drbd_resource_lookup(cfg->name)) {
		reason = DRBD_R_RES_EXISTS;
		goto out_free;
	}
	err = xa_alloc(&drbd_resources, &resource->id, resource, xa_limit_32b,
		       GFP_KERNEL);
	if (err) {
		reason = DRBD_R_NOMEM;
		goto out_free;
	}
	drbd_cfg_changed();
	drbd_notify(DRBD_EV_RESOURCE_CREATED,
		    &(struct drbd_event){ .resource = resource });
	if (created) {
		drbd_resource_get(resource);
		*created = resource;
	}
	drbd_cfg_unlock();
	return DRBD_OK;

out_free:
	drbd_cfg_unlock();
	drbd_resource_put(resource);
	return reason;
}

/* Context: control-path mutex held, @resource has no volumes or connections. */
static void drbd_resource_destroy(struct drbd_resource *resource)
{
	xa_erase(&drbd_resources, resource->id);
	drbd_cfg_changed();
	drbd_notify(DRBD_EV_RESOURCE_DESTROYED,
		    &(struct drbd_event){ .resource = resource });
	drbd_resource_put(resource);
}

/**
 * drbd_resource_delete - delete a resource without volumes and connections
 * @name: the resource's name
 *
 * Announces %DRBD_EV_RESOURCE_DESTROYED.
 *
 * Return: %DRBD_OK or the reason of the failure.
 */
enum drbd_reason drbd_resource_delete(const char *name)
{
	struct drbd_resource *resource;
	enum drbd_reason reason = DRBD_OK;

	drbd_cfg_lock();
	resource = drbd_resource_lookup(name);
	if (!resource)
		reason = DRBD_R_RES_UNKNOWN;
	else if (!xa_empty(&resource->volumes) ||
		 !xa_empty(&resource->connections))
		reason = DRBD_R_RES_IN_USE;
	else
		drbd_resource_destroy(resource);
	drbd_cfg_unlock();
	return reason;
}

/**
 * drbd_resource_set_options - replace the options of a resource
 * @resource: the resource
 * @options: the new options (all of them)
 *
 * Announces %DRBD_EV_RESOURCE_CHANGED.
 *
 * Context: control-path mutex held.
 * Return: %DRBD_OK or the reason of the failure (nothing changed then).
 */
enum drbd_reason
drbd_resource_set_options(struct drbd_resource *resource,
			  const struct drbd_resource_options *options)
{
	enum drbd_reason reason;

	drbd_cfg_assert_held();
	reason = drbd_resource_check_options(options);
	if (reason)
		return reason;
	resource->options = *options;
	drbd_cfg_changed();
	drbd_notify(DRBD_EV_RESOURCE_CHANGED,
		    &(struct drbd_event){ .resource = resource });
	return DRBD_OK;
}

/**
 * drbd_resource_down_locked - delete a resource with everything in it
 * @resource: the resource
 *
 * As 8.4's down: demote, delete the connections, detach every device,
 * then delete the devices in volume order and the resource; each step is
 * announced. Stops at the first failure (a block device is open); what
 * was done until then stays done.
 *
 * Context: control-path mutex held; @resource is invalid afterwards.
 * Return: %DRBD_OK or %DRBD_R_DEVICE_OPEN.
 */
enum drbd_reason drbd_resource_down_locked(struct drbd_resource *resource)
{
	struct drbd_connection *connection;
	struct drbd_device *device;
	enum drbd_reason reason;
	unsigned long index;
	bool changed;

	reason = drbd_set_role_locked(resource, DRBD_ROLE_SECONDARY, false,
				      &changed);
	if (reason)
		return reason;
	xa_for_each(&resource->connections, index, connection)
		drbd_connection_disconnect84_locked(connection);
	xa_for_each(&resource->volumes, index, device)
		if (device->ldev)
			drbd_device_detach_locked(device, false);
	xa_for_each(&resource->volumes, index, device) {
		reason = drbd_device_delete_locked(device);
		if (reason)
			return reason;
	}
	drbd_resource_destroy(resource);
	return DRBD_OK;
}

/**
 * drbd_resources_destroy_all - delete all resources (module unload)
 *
 * Devices and connections must be gone already.
 */
void drbd_resources_destroy_all(void)
{
	struct drbd_resource *resource;
	unsigned long pos = 0;

	drbd_cfg_lock();
	while ((resource = drbd_resource_next(&pos)))
		drbd_resource_destroy(resource);
	drbd_cfg_unlock();
	WARN_ON(!xa_empty(&drbd_resources));
}

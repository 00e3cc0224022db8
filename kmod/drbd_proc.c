// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/drbd in the 8.4 format, for what the core models so far: the
 * version lines the 8.4 tools look for (drbdsetup-84 refuses to run
 * without the file, drbdadm picks its 8.4 or 9 personality by the
 * version), then one line per minor. A diskless Secondary without an 8.4
 * connection is "Unconfigured" in 8.4's words, any other shows the state
 * of its resource's 8.4 connection (StandAlone without one), its role and
 * disk state (the peer's is DUnknown, or Outdated if known so), the
 * connection's protocol letter, and zero counters (I/O is not counted
 * yet).
 */
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>

#include "drbd_core.h"

/* the 8.4 API the legacy family implements (REL_VERSION, API_VERSION, protocols) */
#define DRBD_PROC_VERSION	"8.4.11 (api:1/proto:86-101)"

static const char *const drbd_cstate_names[] = {
	[DRBD_CONN_STANDALONE]		= "StandAlone",
	[DRBD_CONN_DISCONNECTING]	= "Disconnecting",
	[DRBD_CONN_UNCONNECTED]		= "Unconnected",
	[DRBD_CONN_CONNECTING]		= "WFConnection",
};

static int drbd_proc_show(struct seq_file *seq, void *v)
{
	struct drbd_connection *connection;
	struct drbd_device *device;
	unsigned long pos = 0;
	long prev = -1;

	seq_printf(seq, "version: " DRBD_PROC_VERSION "\nsrcversion: %-24s\n",
		   THIS_MODULE->srcversion ?: "drbdctl");
	drbd_cfg_lock();
	while ((device = drbd_device_next(&pos))) {
		/* a gap in the minor numbers is shown as an empty line */
		if (prev != (long)device->minor - 1)
			seq_putc(seq, '\n');
		prev = device->minor;
		connection = drbd_resource_connection84(device->resource);
		if (!connection && device->disk_state == DRBD_DISK_DISKLESS &&
		    device->resource->role != DRBD_ROLE_PRIMARY) {
			seq_printf(seq, "%2u: cs:Unconfigured\n", device->minor);
			continue;
		}
		seq_printf(seq, "%2u: cs:%s ro:%s/Unknown ds:%s/%s %c r-----\n"
			   "    ns:0 nr:0 dw:0 dr:0 al:0 bm:0 lo:0 pe:0 ua:0 ap:0 ep:1 wo:%c oos:0\n",
			   device->minor,
			   drbd_cstate_names[connection ? connection->cstate :
					     DRBD_CONN_STANDALONE],
			   drbd_role_name(device->resource->role),
			   drbd_disk_state_name(device->disk_state),
			   device->peer_outdated ? "Outdated" : "DUnknown",
			   connection ? 'A' + connection->net.protocol -
					DRBD_PROTOCOL_A : ' ',
			   "ndf"[device->resource->write_ordering]);
	}
	drbd_cfg_unlock();
	return 0;
}

/**
 * drbd_proc_init - create /proc/drbd
 *
 * Return: 0 or -ENOMEM.
 */
int drbd_proc_init(void)
{
	if (!proc_create_single("drbd", 0444, NULL, drbd_proc_show))
		return -ENOMEM;
	return 0;
}

/**
 * drbd_proc_exit - remove /proc/drbd
 */
void drbd_proc_exit(void)
{
	remove_proc_entry("drbd", NULL);
}

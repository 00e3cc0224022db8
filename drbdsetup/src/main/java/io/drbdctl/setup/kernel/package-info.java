/** The kernel side: V8Control (the only user of the legacy drbd family), its replies, and the Host seam for the machine (module, devices, lock and state files). */
package io.drbdctl.setup.kernel;

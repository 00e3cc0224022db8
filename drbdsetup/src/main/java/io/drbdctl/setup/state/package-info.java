/** Neutral snapshots of what the kernel reported, the input of the formatters. */
package io.drbdctl.setup.state;

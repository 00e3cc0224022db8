/**
 * The drbd2 generic netlink family: a codec generated at build time from
 * {@code genl-drbd2/drbd2.yaml} by drbdctl-genl-codegen (see its README), the same generator
 * and code path as the legacy family. While drbd2.yaml is absent the module builds empty.
 * Generated: {@code Drbd2Family}, {@code Drbd2Op}, {@code Drbd2Constants}, one record per
 * attribute set, the enums and flags of the spec.
 */
package io.drbdctl.genl.drbd2;

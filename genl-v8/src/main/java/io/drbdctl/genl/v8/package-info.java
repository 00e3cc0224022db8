/**
 * The legacy DRBD 8.4 generic netlink family ({@code drbd}, genl version 1): a codec
 * generated at build time from {@code genl-v8/drbd.yaml} by drbdctl-genl-codegen (see its
 * README). Every class of this package except this file is generated into
 * {@code target/generated-sources/genl}: {@code DrbdFamily} (name, version, fixed header
 * size, multicast groups), {@code DrbdOp} (the commands), {@code DrbdGenlmsghdr} /
 * {@code DrbdGenlmsghdrReply} (the fixed header), one record per attribute set
 * ({@code Drbd} for the top level, {@code DiskConf}, {@code NetConf}, {@code StateInfo}, ...),
 * the enums and flags of the spec and {@code DrbdConstants} (the {@code *_DEF} defaults).
 */
package io.drbdctl.genl.v8;

package io.drbdctl.meta.api;

import io.drbdctl.meta.format.FormatVersion;
import io.drbdctl.meta.format.MetaIndex;

import java.nio.file.Path;

/**
 * What drbdmeta works on: a DRBD minor (selects lock and last-known files), the metadata format,
 * the device holding the metadata and where on it the metadata lives.
 */
public record Target(int minor, FormatVersion version, Path device, MetaIndex index) {
}

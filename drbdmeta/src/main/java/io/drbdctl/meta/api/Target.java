package io.drbdctl.meta.api;

import io.drbdctl.meta.format.FormatVersion;
import io.drbdctl.meta.format.MetaIndex;

import java.nio.file.Path;

/**
 * What drbdmeta works on: a DRBD minor (selects lock and last-known files; {@code minorLabel} is
 * how the command line named it, used in messages), the metadata format, the device holding the
 * metadata and where on it the metadata lives.
 */
public record Target(int minor, FormatVersion version, Path device, MetaIndex index, String minorLabel) {

    public Target(int minor, FormatVersion version, Path device, MetaIndex index) {
        this(minor, version, device, index, Integer.toString(minor));
    }
}

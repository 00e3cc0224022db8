package io.drbdctl.config.model;

import java.util.List;

/**
 * A volume in a resource or host section. {@code implicit} for statements written directly in
 * the host/resource (volume 0). Fields are null / -1 when not written; the parsed* flags say
 * which statements were written at this level.
 */
public record Volume(int vnr, boolean implicit, String device, int minor, boolean parsedDevice,
                     String disk, boolean parsedDisk, String metaDisk, String metaIndex,
                     boolean parsedMetaDisk, List<Opt> diskOptions, List<Opt> pdOptions, Pos pos) {
    public Volume {
        diskOptions = List.copyOf(diskOptions);
        pdOptions = List.copyOf(pdOptions);
    }
}

package io.drbdctl.config.parse;

import io.drbdctl.config.model.Opt;
import io.drbdctl.config.model.Pos;
import io.drbdctl.config.model.Volume;
import java.util.ArrayList;
import java.util.List;

/** Mutable helper while a volume's statements are read; {@link #build()} freezes it. */
final class VolumeBuilder {
    final int vnr;
    final boolean implicit;
    final Pos pos;
    String device;
    int minor = -1;
    boolean parsedDevice;
    String disk;
    boolean parsedDisk;
    String metaDisk;
    String metaIndex;
    boolean parsedMetaDisk;
    final List<Opt> diskOptions = new ArrayList<>();
    final List<Opt> pdOptions = new ArrayList<>();

    VolumeBuilder(int vnr, boolean implicit, Pos pos) {
        this.vnr = vnr;
        this.implicit = implicit;
        this.pos = pos;
    }

    Volume build() {
        return new Volume(vnr, implicit, device, minor, parsedDevice, disk, parsedDisk, metaDisk, metaIndex,
                parsedMetaDisk, diskOptions, pdOptions, pos);
    }
}

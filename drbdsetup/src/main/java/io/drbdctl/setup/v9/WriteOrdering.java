package io.drbdctl.setup.v9;

import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.DiskOptions;

/**
 * The write-ordering method of a resource, derived from what drbd2 reports as the module
 * derives it: "flush", unless an attached disk has disk-flushes off ("drain"), and then one
 * with disk-drain off too ("none").
 */
final class WriteOrdering {
    private WriteOrdering() {
    }

    static String of(ResourceView v) {
        String wo = "flush";
        for (Device d : v.devices()) {
            if (d.diskState().orElse(0) == 0 || d.backingDev().filter(s -> !s.isEmpty()).isEmpty()) {
                continue;
            }
            DiskOptions o = d.diskOptions().orElse(null);
            if (o == null) {
                continue;
            }
            if (wo.equals("flush") && o.diskFlushes().orElse(1) == 0) {
                wo = "drain";
            }
            if (wo.equals("drain") && o.diskDrain().orElse(1) == 0) {
                wo = "none";
            }
        }
        return wo;
    }
}

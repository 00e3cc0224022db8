package io.drbdctl.setup.run;

import io.drbdctl.setup.kernel.KernelReply;
import io.drbdctl.setup.state.DeviceSnapshot;

/**
 * The output function of a get command, called per object and once at the end. A non-zero
 * result stops the command: negative means "done, success", positive is the exit code.
 */
interface ShowFn {
    int show(DeviceSnapshot d);

    /** The raw message; the default shows its snapshot. */
    default int show(KernelReply r) {
        return show(DeviceSnapshot.of(r));
    }

    default int end() {
        return 0;
    }
}

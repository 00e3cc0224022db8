package io.drbdctl.setup.state;

import io.drbdctl.genl.v8.DiskConf;
import io.drbdctl.genl.v8.DrbdCfgContext;
import io.drbdctl.genl.v8.NetConf;
import io.drbdctl.genl.v8.ResOpts;
import io.drbdctl.genl.v8.StateInfo;
import io.drbdctl.setup.kernel.KernelReply;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the kernel reported about one minor (a GET_STATUS object or a legacy state event):
 * the neutral input of show, sh-status, role, cstate, dstate, gi and events.
 */
public record DeviceSnapshot(long seq, long minor, int retCode, Optional<DrbdCfgContext> context,
                             Optional<ResOpts> resOpts, Optional<DiskConf> disk, Optional<NetConf> net,
                             Optional<StateInfo> state, Optional<String> infoText) {

    public static DeviceSnapshot of(KernelReply r) {
        var a = r.attrs();
        return new DeviceSnapshot(r.seq(), r.minor(), r.retCode(), a.cfgContext(), a.resourceOpts(), a.diskConf(),
                a.netConf(), a.stateInfo(), a.cfgReply().flatMap(c -> c.infoText()));
    }

    public Optional<String> resourceName() {
        return context.flatMap(DrbdCfgContext::ctxResourceName);
    }

    /** The volume, or -1 (as drbdsetup's unsigned -1) when the context has none. */
    public long volume() {
        return context.map(DrbdCfgContext::ctxVolume).orElse(OptionalLong.empty()).orElse(0xffffffffL);
    }

    public long currentState() {
        return state.flatMap(s -> s.currentState().isPresent() ? Optional.of(s.currentState().getAsLong())
                : Optional.empty()).orElse(0L);
    }
}

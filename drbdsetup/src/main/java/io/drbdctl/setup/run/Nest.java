package io.drbdctl.setup.run;

import io.drbdctl.genl.v8.AttrInfo;
import io.drbdctl.genl.v8.DetachParms;
import io.drbdctl.genl.v8.DiskConf;
import io.drbdctl.genl.v8.DisconnectParms;
import io.drbdctl.genl.v8.Drbd;
import io.drbdctl.genl.v8.DrbdCfgContext;
import io.drbdctl.genl.v8.NetConf;
import io.drbdctl.genl.v8.NewCUuidParms;
import io.drbdctl.genl.v8.ResOpts;
import io.drbdctl.genl.v8.ResizeParms;
import io.drbdctl.genl.v8.SetRoleParms;
import io.drbdctl.genl.v8.StartOvParms;
import io.drbdctl.netlink.NlAttr;
import io.drbdctl.netlink.NlAttrs;
import io.drbdctl.setup.command.OptionFields;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one top-level attribute, collected in command-line order and turned into the
 * generated record of its attribute set (which keeps that order on the wire).
 */
final class Nest {
    private final String set;
    private final List<NlAttr> fields = new ArrayList<>();

    Nest(String set) {
        this.set = set;
    }

    boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Appends a field: numbers by the spec's width, strings NUL-terminated, binaries raw. */
    void put(String field, Object value) {
        AttrInfo a = OptionFields.attrs(set).stream().filter(i -> i.name().equals(field)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(set + " has no field " + field));
        byte[] payload = switch (a.wireType()) {
            case "u8" -> new byte[] {(byte) number(value)};
            case "u32", "s32" -> ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt((int) number(value))
                    .array();
            case "u64", "s64" -> ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(number(value))
                    .array();
            case "string" -> {
                byte[] t = ((String) value).getBytes(StandardCharsets.UTF_8);
                byte[] p = new byte[t.length + 1];
                System.arraycopy(t, 0, p, 0, t.length);
                yield p;
            }
            default -> (byte[]) value;
        };
        fields.add(new NlAttr(a.type() | (a.mandatory() ? 0x4000 : 0), payload));
    }

    private static long number(Object v) {
        return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).longValue();
    }

    /** Adds this nest, as its generated record, to {@code b}. */
    void addTo(Drbd.Builder b) {
        NlAttrs attrs = NlAttrs.of(fields);
        switch (set) {
            case "disk-conf" -> b.diskConf(DiskConf.decode(attrs));
            case "net-conf" -> b.netConf(NetConf.decode(attrs));
            case "res-opts" -> b.resourceOpts(ResOpts.decode(attrs));
            case "set-role-parms" -> b.setRoleParms(SetRoleParms.decode(attrs));
            case "detach-parms" -> b.detachParms(DetachParms.decode(attrs));
            case "disconnect-parms" -> b.disconnectParms(DisconnectParms.decode(attrs));
            case "resize-parms" -> b.resizeParms(ResizeParms.decode(attrs));
            case "new-c-uuid-parms" -> b.newCUuidParms(NewCUuidParms.decode(attrs));
            case "start-ov-parms" -> b.startOvParms(StartOvParms.decode(attrs));
            default -> b.cfgContext(DrbdCfgContext.decode(attrs));
        }
    }
}

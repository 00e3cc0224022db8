package io.drbdctl.genl.v8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drbdctl.genl.v8.V8Traces.Captured;
import io.drbdctl.netlink.GenlMessage;
import io.drbdctl.netlink.GenlRequest;
import io.drbdctl.netlink.NlAttr;
import io.drbdctl.netlink.NlAttrBuilder;
import io.drbdctl.netlink.NlAttrs;
import io.drbdctl.netlink.NlMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated legacy codec against real traffic: drbdsetup-84 and the in-tree DRBD 8.4 of
 * Linux 6.1 and 7.2 (shared/reference/v8-traces). Skipped when the traces are absent.
 */
class V8CodecTraceTest {
    private static final int FAMILY_ID = 32; // as resolved in the captures
    private static List<Captured> lifecycle;

    @BeforeAll
    static void load() throws IOException {
        Optional<Path> dir = V8Traces.dir();
        Assumptions.assumeTrue(dir.isPresent(), "shared/reference/v8-traces not found");
        lifecycle = V8Traces.read(dir.get().resolve("k6.1").resolve("lifecycle84.decoded.txt"));
    }

    /** The message a decoded one re-encodes to, attributes in their decoded wire order. */
    private static byte[] reencode(GenlMessage m, WireStyle style) {
        NlAttrBuilder b = new NlAttrBuilder();
        Drbd.decode(m.attrs()).encode(b, style);
        byte[] hdr = DrbdGenlmsghdr.decode(m.familyHeader()).toBytes();
        GenlRequest r = new GenlRequest(m.familyId(), m.cmd(), m.version(), hdr, b.build(), 8);
        return r.toMessage(m.header().flags(), m.header().seq(), m.header().pid()).toBytes();
    }

    /**
     * A 6.1 reply that echoes the request's cfg-context: the kernel copies the tool's nest
     * (NLA_F_NESTED kept, mandatory bits stripped) in front of what it builds itself.
     */
    private static byte[] reencodeEchoedContext(GenlMessage m) {
        Drbd d = Drbd.decode(m.attrs());
        NlAttrBuilder b = new NlAttrBuilder();
        d.cfgContext().ifPresent(ctx -> b.nest(Drbd.A_CFG_CONTEXT,
                nb -> ctx.encode(nb, WireStyle.KERNEL)));
        d.toBuilder().clearCfgContext().build().encode(b, WireStyle.KERNEL);
        byte[] hdr = DrbdGenlmsghdr.decode(m.familyHeader()).toBytes();
        GenlRequest r = new GenlRequest(m.familyId(), m.cmd(), m.version(), hdr, b.build(), 8);
        return r.toMessage(m.header().flags(), m.header().seq(), m.header().pid()).toBytes();
    }

    @Test
    void newResourceRequestFromTheBuilderIsByteIdentical() {
        // drbdsetup-84 new-resource r0 --on-no-data-accessible=io-error
        Captured c = V8Traces.find(lifecycle, 22);
        Drbd attrs = Drbd.builder()
                .cfgContext(DrbdCfgContext.builder().ctxResourceName("r0").build())
                .resourceOpts(ResOpts.builder().onNoData(OnNoData.IO_ERROR).build())
                .build();
        GenlRequest req = DrbdOp.NEW_RESOURCE.doRequest(FAMILY_ID,
                new DrbdGenlmsghdr(0xffffffffL, 0), attrs);
        NlMessage captured = c.message();
        byte[] ours = req.toMessage(captured.flags(), captured.seq(), captured.pid()).toBytes();
        assertEquals(HexFormat.of().formatHex(captured.toBytes()), HexFormat.of().formatHex(ours));
        assertEquals(attrs, Drbd.decode(c.genl().attrs()));
    }

    @Test
    void attachWithDiskConfInCommandLineOrder() {
        // drbdsetup-84 attach 0 /dev/loop0 /dev/loop0 internal --al-extents=1237
        //     --on-io-error=detach: options first, then the positional arguments
        Captured c = V8Traces.find(lifecycle, 56);
        DiskConf dc = DiskConf.builder().alExtents(1237).onIoError(IoErrorP.DETACH)
                .backingDev("/dev/loop0").metaDev("/dev/loop0").metaDevIdx(-3).build();
        GenlRequest req = DrbdOp.ATTACH.doRequest(FAMILY_ID, new DrbdGenlmsghdr(0, 0),
                Drbd.builder().diskConf(dc).build());
        assertArrayEquals(c.genl().attrs().toBytes(), req.attributes());
        DiskConf back = Drbd.decode(c.genl().attrs()).diskConf().orElseThrow();
        assertEquals(dc, back);
        assertEquals(List.of(10, 6, 1, 2, 3), back.wireOrder());
        assertEquals(250, back.resyncRateOrDefault(), "absent: the kernel default");
        assertTrue(back.resyncRate().isEmpty());
    }

    @Test
    void getStatusReplyDecodesAndReencodesAsTheKernelSentIt() {
        Captured c = V8Traces.find(lifecycle, 125);
        GenlMessage m = c.genl();
        assertEquals(Optional.of(DrbdOp.GET_STATUS), DrbdFamily.op(m));
        DrbdGenlmsghdrReply h = DrbdGenlmsghdrReply.decode(m.familyHeader());
        assertEquals(new DrbdGenlmsghdrReply(0, 101), h);
        assertEquals(Optional.of(RetCode.NO_ERROR), RetCode.fromValue(h.retCode()));
        Drbd d = Drbd.decode(m.attrs());
        assertTrue(d.unknownAttrs().isEmpty());
        DrbdCfgContext ctx = d.cfgContext().orElseThrow();
        assertEquals("r0", ctx.ctxResourceName().orElseThrow());
        assertEquals("02001e147f0000010000000000000000", ctx.ctxMyAddr().orElseThrow().toString());
        StateInfo si = d.stateInfo().orElseThrow();
        assertEquals(Optional.of(StateInfoBcastReason.GET_STATUS_REPLY), si.sibReasonAsEnum());
        assertEquals(0x88aa, si.currentState().getAsLong());
        assertEquals(65456, si.capacity().getAsLong());
        assertEquals(Optional.of(Set.of(Mdf.CONNECTED_IND, Mdf.PEER_OUT_DATED)),
                si.diskFlagsAsFlags());
        assertEquals(4, si.uuidsAsStruct().orElseThrow().current());
        assertEquals(8182, si.bitsOos().getAsLong());
        assertTrue(si.prevState().isEmpty());
        DiskConf dc = d.diskConf().orElseThrow();
        assertEquals(Optional.of(true), dc.diskDrain());
        assertEquals(Optional.of(false), dc.diskBarrier());
        assertEquals(-1, dc.resyncAfter().getAsInt());
        NetConf nc = d.netConf().orElseThrow();
        assertEquals("crc32c", nc.verifyAlg().orElseThrow());
        assertEquals(Optional.of(WireProtocol.C), nc.wireProtocolAsEnum());
        assertEquals(Optional.of(true), nc.useRle());
        assertEquals("1", d.resourceOpts().orElseThrow().cpuMask().orElseThrow());
        // 6.1's own order (disk-conf 1-15, 20, 21, 25, 16-19, ...) and flags come back as sent
        assertEquals(HexFormat.of().formatHex(c.message().toBytes()),
                HexFormat.of().formatHex(reencode(m, WireStyle.KERNEL)));
    }

    @Test
    void everyCapturedMessageDecodesAndRequestsReencodeByteIdentically() throws IOException {
        Path dir = V8Traces.dir().orElseThrow();
        List<Captured> all = new ArrayList<>();
        for (String k : List.of("k6.1", "k7.2")) {
            try (Stream<Path> s = Files.list(dir.resolve(k))) {
                for (Path p : s.filter(p -> p.toString().endsWith(".decoded.txt")).sorted()
                        .toList()) {
                    all.addAll(V8Traces.read(p));
                }
            }
        }
        int requests = 0;
        int kernel61 = 0;
        List<String> mismatches = new ArrayList<>();
        for (Captured c : all) {
            GenlMessage m = c.genl();
            Drbd d = Drbd.decode(m.attrs());
            assertTrue(d.unknownAttrs().isEmpty(), c + ": unknown attributes " + d.unknownAttrs());
            assertTrue(DrbdFamily.op(m).isPresent(), c + ": unknown cmd " + m.cmd());
            assertEquals(d, Drbd.decode(d.toAttrs()), c + ": round trip");
            boolean k61 = !c.file().contains("k72");
            if (!c.fromUser() && !k61) {
                continue; // 7.2 drops the mandatory bits of its own structs: no style for that
            }
            WireStyle style = c.fromUser() ? WireStyle.REQUEST : WireStyle.KERNEL;
            byte[] bytes = c.message().toBytes();
            boolean echoed = !c.fromUser() && m.attrs().first(Drbd.A_CFG_CONTEXT)
                    .map(NlAttr::nestedFlag).orElse(false);
            if (java.util.Arrays.equals(bytes, echoed ? reencodeEchoedContext(m)
                    : reencode(m, style))) {
                if (c.fromUser()) {
                    requests++;
                } else {
                    kernel61++;
                }
            } else {
                mismatches.add(c.toString());
            }
        }
        System.out.printf("v8 traces: %d drbd messages decoded; byte-identical re-encoding: %d"
                + " requests, %d 6.1 kernel messages%n", all.size(), requests, kernel61);
        assertTrue(all.size() > 1000, "messages read: " + all.size());
        assertTrue(requests > 200, "requests: " + requests);
        assertTrue(kernel61 > 500, "6.1 kernel messages: " + kernel61);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void nlaNestedAndMandatoryBitsAreIgnoredOnDecode() {
        byte[] wire = new NlAttrBuilder()
                .nestRaw(Drbd.A_CFG_CONTEXT, n -> n.string(DrbdCfgContext.A_CTX_RESOURCE_NAME
                        | 0x4000, "r1").u32(DrbdCfgContext.A_CTX_VOLUME | 0x4000, 3))
                .nest(Drbd.A_STATE_INFO, n -> n.u32(StateInfo.A_CURRENT_STATE | 0x4000, 0x1234))
                .build();
        Drbd d = Drbd.decode(NlAttrs.decode(wire));
        assertEquals(3, d.cfgContext().orElseThrow().ctxVolume().getAsLong());
        assertEquals(0x1234, d.stateInfo().orElseThrow().currentState().getAsLong());
        NlAttr ctx = d.toAttrs().require(Drbd.A_CFG_CONTEXT);
        assertTrue(ctx.nestedFlag(), "requests set NLA_F_NESTED on every top-level nest");
    }
}

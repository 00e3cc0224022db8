package io.drbdctl.netlink;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NlMessageFramingTest {

    @Test
    void getFamilyRequestHasTheKernelsLayout() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
        NlMessage m = GenlRequest.of(16, 3, 2, new NlAttrBuilder().string(2, "nlctrl"))
                .toMessage(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, 7, 0x1234);
        String expected = "20000000" + "1000" + "0500" + "07000000" + "34120000" // nlmsghdr
                + "03020000" // genlmsghdr: cmd 3, version 2, reserved 0
                + "0b000200" + "6e6c6374726c00" + "00"; // nla_len 11, type 2, "nlctrl\0", pad
        assertEquals(expected, HexFormat.of().formatHex(m.toBytes()));
    }

    @Test
    void familyHeaderIsPaddedAndPrecedesAttributes() {
        byte[] drbdHeader = {1, 0, 0, 0, 0, 0, 0, 0}; // like DRBD's 8-byte drbd_genlmsghdr
        GenlRequest r = GenlRequest.of(30, 5, 2, new NlAttrBuilder().u32(1, 9))
                .withFamilyHeader(drbdHeader);
        NlMessage m = r.toMessage(Netlink.NLM_F_REQUEST, 1, 2);
        assertEquals(16 + 4 + 8 + 8, m.header().length());
        GenlMessage g = GenlMessage.decode(m, 8);
        assertArrayEquals(drbdHeader, g.familyHeader());
        assertEquals(9, g.attrs().require(1).asU32());
        assertEquals(5, g.cmd());
        assertEquals(2, g.version());
        // a 6-byte family header is padded to 8 on the wire
        GenlRequest odd = GenlRequest.of(30, 5, 2, new NlAttrBuilder().u8(1, 1))
                .withFamilyHeader(new byte[6]);
        GenlMessage back = GenlMessage.decode(odd.toMessage(0, 1, 2), 6);
        assertEquals(6, back.familyHeader().length);
        assertEquals(1, back.attrs().require(1).asU8());
    }

    @Test
    void splitsSeveralMessagesWithPadding() {
        NlMessage a = NlMessage.of(20, 2, 1, 5, new byte[] {1}); // len 17, padded to 20
        NlMessage b = NlMessage.of(21, 0, 1, 5, new byte[] {1, 2, 3, 4});
        byte[] dg = Frames.datagram(a, b);
        assertEquals(20 + 20, dg.length);
        assertEquals(List.of(a, b), NlMessage.split(dg));
        assertEquals(17, NlMessage.split(dg).get(0).header().length());
    }

    @Test
    void malformedFramesAreTypedProtocolErrors() {
        byte[] dg = NlMessage.of(20, 0, 1, 5, new byte[4]).toBytes();
        ByteBuffer b = ByteBuffer.wrap(dg).order(ByteOrder.nativeOrder());
        b.putInt(0, 12); // below the header size
        assertThrows(NetlinkProtocolException.class, () -> NlMessage.split(dg));
        b.putInt(0, 64); // past the end
        assertThrows(NetlinkProtocolException.class, () -> NlMessage.split(dg));
        b.putInt(0, -1);
        assertThrows(NetlinkProtocolException.class, () -> NlMessage.split(dg));
        assertThrows(NetlinkProtocolException.class, () -> NlMessage.split(new byte[10]));
        // genl payload too short for genlmsghdr or for the family header
        NlMessage tiny = NlMessage.of(20, 0, 1, 5, new byte[2]);
        assertThrows(NetlinkProtocolException.class, () -> GenlMessage.decode(tiny, 0));
        NlMessage noFixed = NlMessage.of(20, 0, 1, 5, new byte[4]);
        assertThrows(NetlinkProtocolException.class, () -> GenlMessage.decode(noFixed, 8));
    }

    @Test
    void randomDatagramsNeverEscapeAsUntypedExceptions() {
        Random rnd = new Random(7);
        for (int i = 0; i < 20000; i++) {
            byte[] junk = new byte[rnd.nextInt(64)];
            rnd.nextBytes(junk);
            if (junk.length >= 4 && rnd.nextBoolean()) {
                ByteBuffer.wrap(junk).order(ByteOrder.nativeOrder())
                        .putInt(0, rnd.nextInt(junk.length + 1));
            }
            try {
                for (NlMessage m : NlMessage.split(junk)) {
                    if (m.type() == Netlink.NLMSG_ERROR) {
                        NlAck.fromError(m);
                    } else if (m.type() == Netlink.NLMSG_DONE) {
                        NlAck.fromDone(m);
                    } else {
                        GenlMessage.decode(m, rnd.nextInt(3) * 4);
                    }
                }
            } catch (NetlinkProtocolException expected) {
                // fine: typed
            }
        }
    }

    @Test
    void headerFieldsMustFitSixteenBits() {
        assertThrows(IllegalArgumentException.class, () -> new NlMsgHeader(16, 0x10000, 0, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new NlMessage(new NlMsgHeader(20, 1, 0, 0, 0), new byte[3]));
    }
}

package io.drbdctl.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Bounds-checked reads of native-order integers; every failure is a protocol exception. */
final class Wire {
    private Wire() {
    }

    static ByteBuffer allocate(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
    }

    static void check(byte[] buf, int off, int len, String what) {
        if (off < 0 || len < 0 || off > buf.length - len) {
            throw new NetlinkProtocolException("truncated " + what + ": need " + len
                    + " byte(s) at offset " + off + ", have " + Math.max(0, buf.length - off));
        }
    }

    static ByteBuffer view(byte[] buf, int off, int len, String what, ByteOrder order) {
        check(buf, off, len, what);
        return ByteBuffer.wrap(buf, off, len).slice().order(order);
    }

    static int u16(byte[] buf, int off, String what) {
        return view(buf, off, 2, what, ByteOrder.nativeOrder()).getShort() & 0xffff;
    }

    static int s32(byte[] buf, int off, String what) {
        return view(buf, off, 4, what, ByteOrder.nativeOrder()).getInt();
    }
}

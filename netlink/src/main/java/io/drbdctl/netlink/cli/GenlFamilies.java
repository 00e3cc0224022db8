package io.drbdctl.netlink.cli;

import io.drbdctl.netlink.Errno;
import io.drbdctl.netlink.GenlClient;
import io.drbdctl.netlink.NetlinkErrnoException;
import io.drbdctl.netlink.NetlinkException;
import io.drbdctl.netlink.ctrl.GenlFamily;
import io.drbdctl.netlink.ctrl.McastGroup;
import io.drbdctl.netlink.ctrl.Nlctrl;
import io.drbdctl.netlink.socket.NetlinkSocket;
import io.drbdctl.netlink.socket.SocketOptions;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/**
 * Lists generic netlink families: {@code GenlFamilies} dumps all, {@code GenlFamilies NAME}
 * shows one. Exit codes: 0 success, 1 error or usage, 2 named family not found.
 */
public final class GenlFamilies {
    private GenlFamilies() {
    }

    static final String PROG = "GenlFamilies";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit code. Never throws. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            err.println("usage: " + PROG + " [FAMILY]");
            return 1;
        }
        String name = args.length == 1 ? args[0] : null;
        try (GenlClient client = new GenlClient(NetlinkSocket.open(
                SocketOptions.defaults().withReceiveTimeout(TIMEOUT)))) {
            Nlctrl ctrl = new Nlctrl(client);
            List<GenlFamily> families = name == null ? ctrl.families() : List.of(ctrl.family(name));
            for (GenlFamily f : families) {
                out.print(format(f));
            }
            out.flush();
            return out.checkError() ? 1 : 0;
        } catch (NetlinkErrnoException e) {
            if (name != null && e.errno() == Errno.ENOENT) {
                err.println(PROG + ": family '" + name + "' not found: " + e.getMessage());
                return 2;
            }
            err.println(PROG + ": " + e.getMessage());
            return 1;
        } catch (NetlinkException e) {
            err.println(PROG + ": " + e.getMessage());
            return 1;
        } catch (RuntimeException | Error e) {
            err.println(PROG + ": " + e);
            return 1;
        }
    }

    /** The block for one family: a header line, then one line per multicast group. */
    static String format(GenlFamily f) {
        StringBuilder sb = new StringBuilder();
        sb.append("family ").append(f.name()).append(" id=").append(f.id())
                .append(" version=").append(f.version()).append(" hdrsize=").append(f.hdrSize())
                .append(" maxattr=").append(f.maxAttr()).append(" ops=").append(f.ops().size())
                .append('\n');
        for (McastGroup g : f.mcastGroups()) {
            sb.append("  mcast ").append(g.name()).append(" id=").append(g.id()).append('\n');
        }
        return sb.toString();
    }
}

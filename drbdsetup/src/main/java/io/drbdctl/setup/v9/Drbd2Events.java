package io.drbdctl.setup.v9;

import io.drbdctl.genl.drbd2.Drbd2Op;
import io.drbdctl.netlink.GenlClient;
import io.drbdctl.netlink.GenlMessage;
import io.drbdctl.netlink.NetlinkTimeoutException;
import io.drbdctl.netlink.NetlinkTransport;
import io.drbdctl.netlink.socket.NetlinkSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * drbd2's "events" multicast group on a socket of its own (requests keep theirs), and the
 * initial snapshot taken without missing or double-counting a change.
 *
 * <p>The socket joins the group before anything is dumped. drbd2 multicasts each
 * notification while it holds the lock the change was made under, and dumps read under that
 * lock too, so a change made before a dump's last part has its notification queued on this
 * socket by the time the dump is complete. {@link #snapshot} therefore discards what is
 * queued, dumps, and dumps again if anything arrived meanwhile: a snapshot with nothing queued
 * behind it is exactly the state before every notification still to come. (The dumps
 * themselves are consistent: the kernel flags a dump interrupted by a configuration change and
 * {@link Drbd2Control} repeats it.)
 */
public final class Drbd2Events implements AutoCloseable {
    /** How often the snapshot is retried while changes keep coming. */
    private static final int SNAPSHOT_ATTEMPTS = 20;

    private final GenlClient client;
    private final int familyId;

    private Drbd2Events(GenlClient client, int familyId) {
        this.client = client;
        this.familyId = familyId;
    }

    /** One notification: its operation and attributes. */
    public record Notification(Drbd2Op op, io.drbdctl.netlink.NlAttrs attrs) {
    }

    /**
     * Joins the events group on {@code transport} (a real socket; a test transport is taken as
     * subscribed already).
     *
     * @return empty if the family has no "events" group
     */
    public static Optional<Drbd2Events> subscribe(NetlinkTransport transport, Drbd2Control k) {
        if (transport instanceof NetlinkSocket s) {
            Optional<io.drbdctl.netlink.ctrl.McastGroup> g = k.family().mcastGroup("events");
            if (g.isEmpty()) {
                transport.close();
                return Optional.empty();
            }
            s.addMembership(g.get().id());
        }
        return Optional.of(new Drbd2Events(new GenlClient(transport), k.family().id()));
    }

    /** The resources (all, or the one named) as of now; later notifications all postdate it. */
    public List<ResourceView> snapshot(Drbd2Control k, String name) {
        List<ResourceView> views = List.of();
        for (int i = 0; i < SNAPSHOT_ATTEMPTS; i++) {
            while (next(Duration.ZERO).isPresent()) {
                // discard: the dump below shows their effect
            }
            views = ResourceView.read(k, name);
            if (next(Duration.ZERO).isEmpty()) {
                return views;
            }
        }
        return views;
    }

    /**
     * The drbd2 notifications of the next datagram (possibly none), waiting at most
     * {@code timeout} (null: without limit); empty when the time is up.
     */
    public Optional<List<Notification>> next(Duration timeout) {
        if (client.transport() instanceof NetlinkSocket s) {
            s.setReceiveTimeout(timeout == null ? Duration.ofDays(3650) : timeout.isZero()
                    ? Duration.ofNanos(1000) : timeout);
        }
        List<GenlMessage> ms;
        try {
            ms = client.receiveEvents(0);
        } catch (NetlinkTimeoutException e) {
            return Optional.empty();
        }
        List<Notification> out = new ArrayList<>();
        for (GenlMessage m : ms) {
            if (m.familyId() == familyId) {
                Drbd2Op.fromValue(m.cmd()).ifPresent(op -> out.add(new Notification(op, m.attrs())));
            }
        }
        return Optional.of(List.copyOf(out));
    }

    @Override
    public void close() {
        client.close();
    }
}

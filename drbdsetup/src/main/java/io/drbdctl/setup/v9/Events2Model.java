package io.drbdctl.setup.v9;

import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.Drbd2Op;
import io.drbdctl.genl.drbd2.Path;
import io.drbdctl.genl.drbd2.PeerDevice;
import io.drbdctl.genl.drbd2.Resource;
import io.drbdctl.netlink.NlAttrs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What events2 knows: every resource with its objects, kept up to date from drbd2
 * notifications, and the lines that tell what changed. Like drbd-utils 9.22, each event
 * re-derives the objects of its resource and prints the difference to what was printed
 * before: "create" for new objects, "change" with the fields that changed (all with --full),
 * "destroy" for objects gone. A notification that tells nothing new (the initial dump already
 * showed it) prints nothing. One instance per command run.
 */
public final class Events2Model {
    private static final List<String> DESTROY_ORDER = List.of("path", "peer-device", "connection", "device",
            "resource");

    private final String filter;
    private final boolean statistics;
    private final boolean full;
    private final Map<String, ResourceView> views = new LinkedHashMap<>();
    private final Map<String, EventObject> known = new LinkedHashMap<>();

    /**
     * @param filter     the resource shown, or "all"
     * @param statistics print the statistics fields
     * @param full       change lines show every field
     */
    public Events2Model(String filter, boolean statistics, boolean full) {
        this.filter = filter;
        this.statistics = statistics || full;
        this.full = full;
    }

    /** The "exists" lines of an initial snapshot (without the closing "exists -"). */
    public List<String> exists(List<ResourceView> snapshot) {
        List<String> out = new ArrayList<>();
        for (ResourceView v : snapshot) {
            views.put(v.name(), v);
            out.addAll(diff(v.name(), "exists"));
        }
        return out;
    }

    /** The resources as now known. */
    public List<ResourceView> views() {
        return List.copyOf(views.values());
    }

    /** Applies one notification; returns the lines it causes (possibly none). */
    public List<String> apply(Drbd2Op op, NlAttrs attrs) {
        String res;
        switch (op) {
            case RESOURCE_CREATE_NTF, RESOURCE_CHANGE_NTF -> {
                Resource r = Resource.decode(attrs);
                res = r.name().orElse("");
                ResourceView v = views.get(res);
                views.put(res, v == null ? new ResourceView(r, List.of(), List.of(), List.of(), List.of())
                        : new ResourceView(r, v.devices(), v.connections(), v.paths(), v.peerDevices()));
            }
            case RESOURCE_DELETE_NTF -> {
                res = Resource.decode(attrs).name().orElse("");
                views.remove(res);
            }
            case DEVICE_CREATE_NTF, DEVICE_CHANGE_NTF, DEVICE_DELETE_NTF -> {
                Device d = Device.decode(attrs);
                res = d.resource().orElse("");
                update(res, v -> new ResourceView(v.resource(), replace(v.devices(), d,
                        x -> x.minor().equals(d.minor()), op == Drbd2Op.DEVICE_DELETE_NTF), v.connections(),
                        v.paths(), v.peerDevices()));
            }
            case CONNECTION_CREATE_NTF, CONNECTION_CHANGE_NTF, CONNECTION_DELETE_NTF -> {
                Connection c = Connection.decode(attrs);
                res = c.resource().orElse("");
                update(res, v -> new ResourceView(v.resource(), v.devices(), replace(v.connections(), c,
                        x -> x.peerNodeId().equals(c.peerNodeId()), op == Drbd2Op.CONNECTION_DELETE_NTF),
                        v.paths(), v.peerDevices()));
            }
            case PATH_CREATE_NTF, PATH_DELETE_NTF -> {
                Path p = Path.decode(attrs);
                res = p.resource().orElse("");
                update(res, v -> new ResourceView(v.resource(), v.devices(), v.connections(),
                        replace(v.paths(), p, x -> x.peerNodeId().equals(p.peerNodeId())
                                && x.myAddr().equals(p.myAddr()) && x.peerAddr().equals(p.peerAddr()),
                                op == Drbd2Op.PATH_DELETE_NTF), v.peerDevices()));
            }
            case PEER_DEVICE_CREATE_NTF, PEER_DEVICE_CHANGE_NTF, PEER_DEVICE_DELETE_NTF -> {
                PeerDevice pd = PeerDevice.decode(attrs);
                res = pd.resource().orElse("");
                update(res, v -> new ResourceView(v.resource(), v.devices(), v.connections(), v.paths(),
                        replace(v.peerDevices(), pd, x -> x.peerNodeId().equals(pd.peerNodeId())
                                && x.volume().equals(pd.volume()), op == Drbd2Op.PEER_DEVICE_DELETE_NTF)));
            }
            default -> {
                return List.of();
            }
        }
        return filter.equals("all") || filter.equals(res) ? diff(res, "create") : List.of();
    }

    private void update(String res, java.util.function.UnaryOperator<ResourceView> f) {
        ResourceView v = views.get(res);
        if (v != null) {
            views.put(res, f.apply(v));
        }
    }

    private static <T> List<T> replace(List<T> list, T item, Predicate<T> same, boolean delete) {
        List<T> out = new ArrayList<>(list.stream().filter(same.negate()).toList());
        if (!delete) {
            out.add(item);
        }
        return out;
    }

    /** The lines for resource {@code res} against what was printed before; remembers the new state. */
    private List<String> diff(String res, String action) {
        ResourceView v = views.get(res);
        List<EventObject> now = v == null ? List.of() : EventObjects.of(v);
        List<String> out = new ArrayList<>();
        for (EventObject o : now) {
            EventObject old = known.put(o.key(), o);
            line(old, o, action).ifPresent(out::add);
        }
        List<String> keys = now.stream().map(EventObject::key).toList();
        known.values().stream().filter(o -> o.resource().equals(res) && !keys.contains(o.key()))
                .sorted(Comparator.comparingInt(o -> DESTROY_ORDER.indexOf(o.kind())))
                .toList().forEach(o -> {
                    known.remove(o.key());
                    out.add("destroy " + o.kind() + " " + o.destroyId());
                });
        return out;
    }

    private Optional<String> line(EventObject old, EventObject o, String action) {
        StringBuilder b = new StringBuilder(old == null ? action : "change").append(' ').append(o.kind())
                .append(' ').append(o.id());
        boolean any = false;
        for (int i = 0; i < o.groups().size(); i++) {
            EventObject.Group g = o.groups().get(i);
            if (g.statistics() && !statistics) {
                continue;
            }
            boolean changed = old == null || !Objects.equals(old.groups().get(i), g);
            if (changed || full) {
                g.fields().forEach(f -> b.append(' ').append(f));
                any |= changed;
            }
        }
        return any ? Optional.of(b.toString()) : Optional.empty();
    }
}

package io.drbdctl.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * drbdsetup events2 and wait-* over drbd2 against the project's drbd.ko in a 6.1 guest
 * (lab/d2/events2-guest.sh): "events2 --timestamps all" in the background while new-resource,
 * new-minor, attach, primary, secondary, new-peer, new-path, connect, disconnect and down
 * run; "events2 --now" (with and without --statistics); status --json and show --json parse
 * as JSON and hold every object; status --verbose --statistics; wait-connect/wait-sync time out with
 * exit 5 (no data plane: the connection never gets established), and end at once with 0 once
 * the connection is StandAlone.
 */
@Tag("lab")
class Events2GuestTest {
    private static final String TS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}[+-]\\d\\d:\\d\\d ";

    @Test
    @Timeout(1500)
    void events2AndWaitOverDrbd2On61() throws Exception {
        Lab lab = LabSupport.lab("6.1").withTimeout(Duration.ofMinutes(20));
        Path repo = lab.home().getParent();
        assertTrue(Files.isExecutable(repo.resolve("dist/target/drbdctl/bin/drbdsetup")), "package dist first");
        Path ko = build(lab);
        LabResult r = lab.run(GuestSpec.ofFile("6.1", repo.resolve("lab/d2/events2-guest.sh"))
                .withModules("loop")
                .withEnv("DRBD_REPO", repo.toString())
                .withEnv("DRBD_KO", ko.toString()));
        r.assertSuccess();
        String log = r.result(0, "cmdlog.txt");
        String loop = r.result(0, "loop").strip();
        String events = r.result(0, "events.txt");
        List<DrbdSetup9GuestTest.Block> b = DrbdSetup9GuestTest.parse(log);
        assertEquals(19, b.size(), log);
        for (int i = 0; i < 9; i++) {
            assertEquals(0, b.get(i).rc(), b.get(i).command() + "\n" + log);
        }
        String now = b.get(9).out();
        assertEquals("exists resource name:r0 role:Secondary suspended:no force-io-failures:no may_promote:yes "
                + "promotion_score:10101\n"
                + "exists connection name:r0 peer-node-id:2 conn-name:peer connection:Connecting role:Unknown\n"
                + "exists device name:r0 volume:0 minor:0 backing_dev:" + loop
                + " disk:UpToDate client:no quorum:yes\n"
                + "exists peer-device name:r0 peer-node-id:2 conn-name:peer volume:0 replication:Off "
                + "peer-disk:DUnknown peer-client:no resync-suspended:no\n"
                + "exists path name:r0 peer-node-id:2 conn-name:peer local:ipv4:192.0.2.1:7789 "
                + "peer:ipv4:192.0.2.2:7789 established:no\n"
                + "exists -\n", now, log);
        String stats = b.get(10).out();
        assertTrue(stats.contains(" quorum:yes size:"), log);
        assertTrue(stats.contains(" resync-suspended:no received:0 sent:0 out-of-sync:0 pending:0 unacked:0\n"),
                log);
        statusJson(b.get(11), loop, log);
        showJson(b.get(12), loop, log);
        assertEquals(new DrbdSetup9GuestTest.Block(b.get(13).command(),
                "r0 node-id:1 role:Secondary suspended:no force-io-failures:no\n"
                + "    write-ordering:flush\n"
                + "  volume:0 minor:0 disk:UpToDate backing_dev:" + loop + " quorum:yes\n"
                + "      size:65496\n"
                + "  peer node-id:2 connection:Connecting role:Unknown congested:no\n"
                + "    volume:0 replication:Off peer-disk:DUnknown resync-suspended:no\n"
                + "        received:0 sent:0 out-of-sync:0 pending:0 unacked:0\n\n", "", 0), b.get(13), log);
        assertEquals(5, b.get(14).rc(), "wait-connect-resource times out\n" + log);
        assertTrue(b.get(14).err().startsWith("degr-wfc-timeout has to be shorter than wfc-timeout\n"), log);
        assertEquals(5, b.get(15).rc(), "wait-sync-volume times out\n" + log);
        assertEquals("", b.get(15).err(), log);
        assertEquals(0, b.get(16).rc(), log);                        // disconnect
        assertEquals(0, b.get(17).rc(), "StandAlone ends wait-connect\n" + log);
        assertEquals(0, b.get(18).rc(), log);                        // down

        List<String> lines = events.lines().toList();
        assertTrue(lines.stream().allMatch(l -> l.matches(TS + "(exists|create|change|destroy) .*")),
                "every line has a timestamp\n" + events);
        List<String> plain = lines.stream().map(l -> l.replaceFirst(TS, "")).toList();
        assertEquals("exists -", plain.get(0), events);
        List<String> expected = List.of(
                "create resource name:r0 role:Secondary suspended:no force-io-failures:no may_promote:no "
                        + "promotion_score:0",
                "create device name:r0 volume:0 minor:0 backing_dev:none disk:Diskless client:no quorum:yes",
                "create connection name:r0 peer-node-id:2 conn-name:peer connection:StandAlone role:Unknown",
                "create peer-device name:r0 peer-node-id:2 conn-name:peer volume:0 replication:Off "
                        + "peer-disk:DUnknown peer-client:no resync-suspended:no",
                "create path name:r0 peer-node-id:2 conn-name:peer local:ipv4:192.0.2.1:7789 "
                        + "peer:ipv4:192.0.2.2:7789 established:no",
                "change connection name:r0 peer-node-id:2 conn-name:peer connection:Connecting",
                "change connection name:r0 peer-node-id:2 conn-name:peer connection:StandAlone",
                "destroy connection name:r0 peer-node-id:2 conn-name:peer",
                "destroy device name:r0 volume:0",
                "destroy resource name:r0");
        int at = 0;
        for (String e : expected) {
            int found = plain.subList(at, plain.size()).indexOf(e);
            assertTrue(found >= 0, "missing (in this order): " + e + "\n" + events);
            at += found + 1;
        }
        assertTrue(plain.contains("change resource name:r0 role:Primary"), events);
        assertTrue(plain.contains("change resource name:r0 role:Secondary may_promote:yes promotion_score:10101"),
                events);
        assertTrue(plain.contains("change connection name:r0 peer-node-id:2 conn-name:peer connection:Unconnected"),
                events);
        assertTrue(plain.contains("destroy peer-device name:r0 peer-node-id:2 conn-name:peer volume:0"), events);
        assertTrue(plain.contains("destroy path name:r0 peer-node-id:2 conn-name:peer local:ipv4:192.0.2.1:7789 "
                + "peer:ipv4:192.0.2.2:7789"), events);
        assertTrue(plain.stream().anyMatch(l -> l.startsWith("change device name:r0 volume:0 minor:0 backing_dev:"
                + loop + " disk:UpToDate")), events);
        // detach (in down) announces the device's final Diskless, not the transient Detaching
        int upToDate = -1;
        for (int i = 0; i < plain.size(); i++) {
            if (plain.get(i).startsWith("change device name:r0 volume:0 minor:0 backing_dev:" + loop + " disk:UpToDate")) {
                upToDate = i;
            }
        }
        assertTrue(plain.subList(upToDate + 1, plain.indexOf("destroy device name:r0 volume:0")).stream()
                .anyMatch(l -> l.startsWith("change device name:r0 volume:0") && l.contains("disk:Diskless")), events);
        assertEquals("destroy resource name:r0", plain.get(plain.size() - 1), events);
    }

    @SuppressWarnings("unchecked")
    private static void statusJson(DrbdSetup9GuestTest.Block b, String loop, String log) {
        assertEquals(0, b.rc(), log);
        List<Object> rs = (List<Object>) MiniJson.parse(b.out());
        assertEquals(1, rs.size(), b.out());
        Map<String, Object> r = (Map<String, Object>) rs.get(0);
        assertEquals("r0", r.get("name"));
        assertEquals(1.0, r.get("node-id"));
        assertEquals("Secondary", r.get("role"));
        assertEquals("flush", r.get("write-ordering"));
        List<Object> devs = (List<Object>) r.get("devices");
        assertEquals(1, devs.size(), b.out());
        Map<String, Object> d = (Map<String, Object>) devs.get(0);
        assertEquals(List.of(0.0, 0.0, "UpToDate"), List.of(d.get("volume"), d.get("minor"), d.get("disk-state")));
        List<Object> conns = (List<Object>) r.get("connections");
        assertEquals(1, conns.size(), b.out());
        Map<String, Object> c = (Map<String, Object>) conns.get(0);
        assertEquals(List.of(2.0, "peer", "Connecting"),
                List.of(c.get("peer-node-id"), c.get("name"), c.get("connection-state")));
        List<Object> pds = (List<Object>) c.get("peer_devices");
        assertEquals(1, pds.size(), b.out());
        Map<String, Object> pd = (Map<String, Object>) pds.get(0);
        assertEquals(List.of(0.0, "Off", "DUnknown"),
                List.of(pd.get("volume"), pd.get("replication-state"), pd.get("peer-disk-state")));
    }

    @SuppressWarnings("unchecked")
    private static void showJson(DrbdSetup9GuestTest.Block b, String loop, String log) {
        assertEquals(0, b.rc(), log);
        List<Object> rs = (List<Object>) MiniJson.parse(b.out());
        assertEquals(1, rs.size(), b.out());
        Map<String, Object> r = (Map<String, Object>) rs.get(0);
        assertEquals("r0", r.get("resource"));
        Map<String, Object> host = (Map<String, Object>) r.get("_this_host");
        assertEquals(1.0, host.get("node-id"));
        Map<String, Object> vol = (Map<String, Object>) ((List<Object>) host.get("volumes")).get(0);
        assertEquals(List.of(0.0, 0.0, loop, "internal"), List.of(vol.get("volume_nr"), vol.get("device_minor"),
                vol.get("backing-disk"), vol.get("meta-disk")));
        Map<String, Object> c = (Map<String, Object>) ((List<Object>) r.get("connections")).get(0);
        assertEquals(2.0, c.get("_peer_node_id"));
        Map<String, Object> path = (Map<String, Object>) c.get("path");
        assertEquals(List.of("ipv4 192.0.2.1:7789", "ipv4 192.0.2.2:7789"),
                List.of(path.get("_this_host"), path.get("_remote_host")));
        assertEquals("peer", ((Map<String, Object>) c.get("net")).get("_name"));
    }

    private static Path build(Lab lab) throws Exception {
        return KmodBuild.of(lab, "6.1").ko();
    }
}

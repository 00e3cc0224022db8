package io.drbdctl.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.drbdctl.genl.drbd2.Binary;
import io.drbdctl.genl.drbd2.Connection;
import io.drbdctl.genl.drbd2.Device;
import io.drbdctl.genl.drbd2.Path;
import io.drbdctl.genl.drbd2.PeerDevice;
import io.drbdctl.genl.drbd2.PeerDeviceOptions;
import io.drbdctl.genl.drbd2.Resource;
import io.drbdctl.setup.v9.Addresses;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** status --verbose/--statistics/--json and show --json over the fake drbd2 kernel. */
class ReportV9Test {

    record Run(int rc, String out, String err) {
    }

    static Run run(FakeDrbd2Kernel k, String... argv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (SetupSession s = SetupSession.open(new FakeHost(k), Map.of())) {
            int rc = s.run(List.of(argv), new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    static FakeDrbd2Kernel configured() {
        FakeDrbd2Kernel k = new FakeDrbd2Kernel(Set.of("drbd2"));
        k.resources.add(Resource.builder().name("r0").nodeId(1).role(2).build());
        k.devices.add(Device.builder().resource("r0").minor(5).volume(0).diskState(4).backingDev("/dev/loop0")
                .metaIdx(-1).size(2048).build());
        k.connections.add(Connection.builder().resource("r0").peerNodeId(2).name("peer").cstate(3).build());
        k.peerDevices.add(PeerDevice.builder().resource("r0").peerNodeId(2).volume(0).minor(5).peerDiskState(5)
                .replState(0).received(3).sent(4).outOfSync(0).pending(0).unacked(0)
                .options(PeerDeviceOptions.builder().resyncRate(1000).build()).build());
        k.paths.add(Path.builder().resource("r0").peerNodeId(2)
                .myAddr(Binary.of(Addresses.parse("192.0.2.1:7789").orElseThrow()))
                .peerAddr(Binary.of(Addresses.parse("192.0.2.2:7789").orElseThrow())).build());
        return k;
    }

    @Test
    void statusVerboseAndStatistics() {
        assertEquals(new Run(0, """
                r0 node-id:1 role:Secondary suspended:no force-io-failures:no
                    write-ordering:flush
                  volume:0 minor:5 disk:UpToDate backing_dev:/dev/loop0 quorum:yes
                      size:1024
                  peer node-id:2 connection:Connecting role:Unknown congested:no
                    volume:0 replication:Off peer-disk:DUnknown resync-suspended:no
                        received:3 sent:4 out-of-sync:0 pending:0 unacked:0

                """, ""), run(configured(), "status", "--verbose", "--statistics"));
        assertEquals(new Run(0, """
                r0 role:Secondary
                  disk:UpToDate
                      size:1024
                  peer connection:Connecting
                    peer-disk:DUnknown
                        received:3 sent:4

                """, ""), run(configured(), "status", "r0", "--statistics"));
        assertEquals(10, run(configured(), "status", "r9", "--verbose").rc());
    }

    @Test
    void statusJson() {
        Run r = run(configured(), "status", "--json");
        assertEquals(0, r.rc());
        assertEquals(true, r.out().startsWith("[\n{\n  \"name\": \"r0\",\n  \"node-id\": 1,\n  \"role\": \"Secondary\",\n"),
                r.out());
        for (String key : List.of("\"write-ordering\": \"flush\"", "\"disk-state\": \"UpToDate\"",
                "\"connection-state\": \"Connecting\", \n", "\"peer-role\": \"Unknown\"",
                "\"replication-state\": \"Off\"", "\"percent-in-sync\": 100.00\n        } ]\n    } ]\n}\n]\n\n")) {
            assertEquals(true, r.out().contains(key), key + "\n" + r.out());
        }
        assertEquals(new Run(0, "[\n]\n\n", ""), run(new FakeDrbd2Kernel(Set.of("drbd2")), "status", "--json"));
    }

    @Test
    void showJson() {
        assertEquals(new Run(0, """
                [
                    {
                        "resource": "r0",
                        "_this_host": {
                            "node-id": 1,
                            "volumes": [
                                {
                                    "volume_nr": 0,
                                    "device_minor": 5,
                                    "backing-disk": "/dev/loop0",
                                    "meta-disk": "internal"
                                }
                            ]
                        },
                        "connections": [
                            {
                                "path": {
                                    "_this_host": "ipv4 192.0.2.1:7789",
                                    "_remote_host": "ipv4 192.0.2.2:7789"
                                },
                                "net": {
                                    "_name": "peer"
                                },
                                "volumes": [
                                    {
                                        "volume_nr": 0,
                                        "disk": {
                                            "resync-rate": "1000k"
                                        }
                                    }
                                ],
                                "_peer_node_id": 2
                            }
                        ]
                    }
                ]
                """, ""), run(configured(), "show", "--json"));
    }
}

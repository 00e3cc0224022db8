package io.drbdctl.setup.v9;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressesTest {

    private static String roundTrip(String s) {
        return Addresses.format(Addresses.parse(s).orElseThrow());
    }

    @Test
    void parsesAndPrintsLike922() {
        assertEquals("ipv4 192.0.2.1:7789", roundTrip("192.0.2.1:7789"));
        assertEquals("ipv4 10.0.0.1:1", roundTrip("ipv4:10.0.0.1:1"));
        assertEquals("ipv6 [fe80::1]:7790", roundTrip("ipv6:[fe80::1]:7790"));
        assertEquals("ipv6 [2001:db8::5:0:1]:7", roundTrip("[2001:db8:0:0:0:5:0:1]:7"));
        assertEquals(16, Addresses.parse("192.0.2.1:7789").orElseThrow().length);
        assertEquals(28, Addresses.parse("ipv6:[::1]:7789").orElseThrow().length);
    }

    @Test
    void refusesWhatIsNoNumericSocketAddress() {
        for (String bad : new String[] {"192.0.2.1", "host.example:1", "192.0.2.1:70000", "ipv6:192.0.2.1:1",
                "ipv4:[::1]:1", ":1", "[::1", "192.0.2.1:x"}) {
            assertTrue(Addresses.parse(bad).isEmpty(), bad);
        }
    }
}

package io.drbdctl.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.drbdctl.setup.run.Values;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class ValuesTest {
    private static final PrintStream ERR = new PrintStream(new ByteArrayOutputStream());

    @Test
    void numbersWithUnits() {
        assertEquals(4096, Values.strtoll("4M", 'k', ERR));
        assertEquals(1, Values.strtoll("1s", 'k', ERR));
        assertEquals(2097152, Values.strtoll("1G", 's', ERR));
        assertEquals(-1, Values.strtoll("-1", '1', ERR));
        assertEquals(250, Values.strtoll("250", 'k', ERR));
    }

    @Test
    void addressesRoundTrip() {
        assertEquals("ipv4 127.0.0.1:7700", Values.formatSockaddr(Values.sockaddr("ipv4:127.0.0.1:7700", ERR)));
        assertEquals("ipv4 10.0.0.2:7788", Values.formatSockaddr(Values.sockaddr("10.0.0.2", ERR)));
        assertEquals("ipv6 [fe80::1]:7789", Values.formatSockaddr(Values.sockaddr("ipv6:[fe80::1]:7789", ERR)));
        assertEquals("ipv6 [2001:db8::2:0:0:1]:1", Values.formatSockaddr(Values.sockaddr("ipv6:[2001:db8:0:0:2:0:0:1]:1",
                ERR)));
    }
}

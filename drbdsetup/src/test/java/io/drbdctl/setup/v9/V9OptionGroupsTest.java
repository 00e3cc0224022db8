package io.drbdctl.setup.v9;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drbdctl.config.options.OptionType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The option groups come from the table and every option reaches a drbd2 attribute. */
class V9OptionGroupsTest {

    @Test
    void everyTableOptionIsBoundToItsAttribute() {
        for (List<V9TableOption> g : List.of(V9OptionGroups.RESOURCE, V9OptionGroups.NET, V9OptionGroups.DISK,
                V9OptionGroups.PEER_DEVICE)) {
            assertTrue(!g.isEmpty());
            for (V9TableOption t : g) {
                assertTrue(t.attr().isPresent() || t.name().equals("_name"), "no drbd2 attribute for " + t.name());
                assertTrue(t.def() != null, "no default for " + t.name());
                assertTrue(t.parse(t.def()).ok(), t.name() + ": its default does not parse: " + t.parse(t.def()));
                if (t.type() == OptionType.ENUM) {
                    for (String e : t.enumNames()) {
                        assertTrue(t.parse(e).ok(), t.name() + ": no wire value for " + e);
                    }
                }
            }
        }
        assertEquals(13, V9OptionGroups.RESOURCE.size());
        assertEquals(14, V9OptionGroups.DISK.size());
        assertEquals(7, V9OptionGroups.PEER_DEVICE.size());
    }

    @Test
    void numbersAsNewStrtoll() {
        assertEquals(new V9Number(1024, null), V9Number.parse("1M", 'k', false));
        assertEquals(new V9Number(1, null), V9Number.parse("1s", 'k', false), "rounded up");
        assertEquals(new V9Number(20, null), V9Number.parse("20", 's', false));
        assertEquals(new V9Number(-1, null), V9Number.parse("-1", '1', true));
        assertEquals("-1 is not a valid number", V9Number.parse("-1", '1', false).error());
        assertEquals("1x is not a valid number", V9Number.parse("1x", '1', false).error());
        assertEquals("1kk is not a valid number", V9Number.parse("1kk", '1', false).error());
        assertEquals("99999999999999999999: out of range", V9Number.parse("99999999999999999999", '1', false)
                .error());
        assertEquals("missing number argument", V9Number.parse("", '1', false).error());
    }
}

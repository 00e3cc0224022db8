package io.drbdctl.setup.v9;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SectorsTest {
    @Test
    void numbersAreSectorsAndUnitsScale() {
        assertEquals(OptionalLong.of(100), Sectors.parse("100"));
        assertEquals(OptionalLong.of(100), Sectors.parse("100s"));
        assertEquals(OptionalLong.of(2), Sectors.parse("1k"));
        assertEquals(OptionalLong.of(2048), Sectors.parse("1M"));
        assertEquals(OptionalLong.of(2097152), Sectors.parse("1g"));
        assertEquals(OptionalLong.of(1L << 31), Sectors.parse("1T"));
    }

    @Test
    void otherTextIsRefused() {
        for (String s : new String[] {"", "k", "-1", "1.5G", "12Q", "99999999999999999999", "9223372036854775807T"}) {
            assertEquals(OptionalLong.empty(), Sectors.parse(s), s);
        }
    }
}

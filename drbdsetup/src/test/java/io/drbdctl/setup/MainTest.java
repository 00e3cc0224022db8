package io.drbdctl.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void versionAndHelpSucceed() {
        assertEquals(0, Main.execute("--version"));
        assertEquals(0, Main.execute("--help"));
    }

    @Test
    void missingCommandIsAUsageError() {
        assertEquals(2, Main.execute());
    }
}

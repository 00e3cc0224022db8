package io.drbdctl.genl.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * man/drbd2.7 is generated from genl-drbd2/drbd2.yaml; regenerate it with
 * {@code java -cp genl-codegen/target/classes:SNAKEYAML io.drbdctl.genl.codegen.ManPage
 * genl-drbd2/drbd2.yaml man/drbd2.7} after changing the spec.
 */
class ManPageTest {
    private static final Path SPEC = Path.of("../genl-drbd2/drbd2.yaml");
    private static final Path PAGE = Path.of("../man/drbd2.7");

    @Test
    void committedPageIsTheGeneratedOne() throws Exception {
        String page = ManPage.render(SPEC);
        assertEquals(page, Files.readString(PAGE), "man/drbd2.7 is stale: regenerate it from drbd2.yaml");
    }

    @Test
    void everyOperationAndAttributeSetIsThere() {
        String page = ManPage.render(SPEC);
        for (String s : new String[] {"resource\\-new", "device\\-get", "connection\\-del", ".SS resource",
            ".SS device", ".SS connection", "events"}) {
            assertTrue(page.contains(s), s);
        }
    }
}

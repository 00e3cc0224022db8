package io.drbdctl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.drbdctl.config.doc.ConfManPage;
import io.drbdctl.config.options.OptionDef;
import io.drbdctl.config.options.OptionTable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** man/drbd.conf.5 is the rendering of the option table and lists every option. */
class ManPageTest {
    static final Path MAN = Path.of("../man/drbd.conf.5");

    @Test
    void everyOptionIsDocumented() {
        String text = ConfManPage.render(OptionTable.load()).replace("\\-", "-");
        for (OptionDef d : OptionTable.load().all()) {
            assertTrue(text.contains(".B " + d.name() + "\n"), "missing " + d.name());
        }
    }

    @Test
    void checkedInPageIsCurrent() throws Exception {
        assumeTrue(Files.exists(MAN), "man page not found at " + MAN.toAbsolutePath());
        assertEquals(ConfManPage.render(OptionTable.load()), Files.readString(MAN),
                "man/drbd.conf.5 is stale: regenerate with ConfManPage (see its javadoc)");
    }
}

package io.drbdctl.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.drbdctl.config.options.OptionTable;
import io.drbdctl.setup.command.CommandDef;
import io.drbdctl.setup.command.Commands;
import io.drbdctl.setup.command.OptionField;
import io.drbdctl.setup.doc.SetupManPage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ManPageTest {
    static final Path MAN = Path.of("../man/drbdsetup.8");

    @Test
    void everyCommandAndOptionIsDocumented() {
        Commands c = Commands.of(OptionTable.load());
        String text = SetupManPage.render(c).replace("\\-", "-");
        for (CommandDef d : c.all()) {
            assertTrue(text.contains(".B " + d.name()), "missing " + d.name());
            for (OptionField f : d.fields()) {
                assertTrue(text.contains(".B --" + f.name() + "\n"), "missing " + d.name() + " --" + f.name());
            }
        }
    }

    @Test
    void checkedInPageIsCurrent() throws Exception {
        assumeTrue(Files.exists(MAN), "man page not found at " + MAN.toAbsolutePath());
        assertEquals(SetupManPage.render(Commands.of(OptionTable.load())), Files.readString(MAN),
                "man/drbdsetup.8 is stale: regenerate with SetupManPage (see its javadoc)");
    }
}

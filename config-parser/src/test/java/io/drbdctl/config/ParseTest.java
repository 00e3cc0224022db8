package io.drbdctl.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drbdctl.config.model.Config;
import io.drbdctl.config.model.HostKind;
import io.drbdctl.config.model.Resource;
import io.drbdctl.config.options.Dialect;
import io.drbdctl.config.options.OptionTable;
import io.drbdctl.config.parse.ConfigLoader;
import io.drbdctl.config.parse.ParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseTest {
    static ParseResult parse(String text) {
        return new ConfigLoader(OptionTable.load(), Dialect.V9).loadText(text, "t.res");
    }

    @Test
    void twoHostResource() {
        ParseResult r = parse("resource r0 { device /dev/drbd3; disk /dev/sda; meta-disk internal;"
                + " on a { address 10.0.0.1:7789; node-id 0; } on b { address ipv6 [fd00::2]:7789; node-id 1; } }");
        assertTrue(r.ok(), r.diagnostics().toString());
        Resource res = r.config().resources().get(0);
        assertEquals(3, res.volumes().get(0).minor());
        assertEquals("ipv6", res.hosts().get(1).address().af());
        assertEquals("fd00::2", res.hosts().get(1).address().addr());
    }

    @Test
    void thisHostSyntaxAsDrbdsetupShowPrintsIt() {
        ParseResult r = parse("resource r { _this_host { node-id 0; volume 0 { device minor 1; disk /dev/x;"
                + " meta-disk internal; } } connection { _peer_node_id 1; path { _this_host ipv4 10.0.0.1:7000;"
                + " _remote_host ipv4 10.0.0.2:7000; } net { _name b; } } }");
        assertTrue(r.ok(), r.diagnostics().toString());
        assertEquals(HostKind.THIS_HOST, r.config().resources().get(0).hosts().get(0).kind());
    }

    @Test
    void includeGlobIsRelativeToIncludingFile(@TempDir Path dir) throws Exception {
        Path sub = Files.createDirectories(dir.resolve("conf/d"));
        Files.writeString(sub.resolve("a.res"), "resource a { on x { device minor 1; disk /dev/a; meta-disk internal; address 1.1.1.1:1; } }");
        Files.writeString(sub.resolve("b.res"), "resource b { on x { device minor 2; disk /dev/b; meta-disk internal; address 1.1.1.1:2; } }");
        Files.writeString(dir.resolve("conf/main.conf"), "include \"d/*.res\";\n");
        ParseResult r = new ConfigLoader(OptionTable.load(), Dialect.V9).load(dir.resolve("conf/main.conf"));
        Config c = r.config();
        assertTrue(r.ok(), r.diagnostics().toString());
        assertEquals(2, c.resources().size());
        assertEquals("a", c.resources().get(0).name());
    }

    @Test
    void optionTableHasBothDialects() {
        OptionTable t = OptionTable.load();
        assertTrue(t.find("net", "unplug-watermark", Dialect.V84).isPresent());
        assertTrue(t.find("net", "unplug-watermark", Dialect.V9).isEmpty());
        assertTrue(t.find("options", "quorum", Dialect.V9).isPresent());
        assertTrue(t.all().size() > 100);
        assertEquals(250L, t.find("peer-device", "resync-rate", Dialect.V9).orElseThrow().def() == null ? 0L
                : Long.parseLong(t.find("peer-device", "resync-rate", Dialect.V9).orElseThrow().def()));
    }
}

package io.drbdctl.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drbdctl.config.diag.Diagnostic;
import io.drbdctl.config.parse.ParseResult;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken configurations: each must give a diagnostic at the asserted position with the text. */
class BrokenConfigTest {
    static final String H = " on a { device minor 1; disk /dev/x; meta-disk internal; address 10.0.0.1:7789; node-id 0; }"
            + " on b { device minor 1; disk /dev/x; meta-disk internal; address 10.0.0.2:7789; node-id 1; }";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("resource r {\n net { protocoll C; }\n" + H + " }", "t.res:2:8:", "did you mean 'protocol'?"),
                Arguments.of("resource r {\n net { protocol D; }\n" + H + " }", "t.res:2:17:", "is not valid"),
                Arguments.of("resource r {\n net { max-buffers 1; }\n" + H + " }", "t.res:2:20:", "out of range"),
                Arguments.of("resource r {\n disk { disk-barrier maybe; }\n" + H + " }", "t.res:2:22:", "not 'yes' or 'no'"),
                Arguments.of("resource r {\n net { max-buffers lots; }\n" + H + " }", "t.res:2:20:", "not a number"),
                Arguments.of("resource r {\n net { on-io-error detach; }\n" + H + " }", "t.res:2:8:", "belongs in the 'disk' section"),
                Arguments.of("resource r {\n" + H + "\n", "t.res:3:1:", "unexpected end of file"),
                Arguments.of("resource r {\n" + H + " }\n}\n", "t.res:3:1:", "unmatched '}'"),
                Arguments.of("resource r {\n" + H + "\n connection-mesh { hosts a c; }\n}", "t.res:3:2:", "host 'c'"),
                Arguments.of("resource r {\n" + H + "\n connection { host a; host bb; }\n}", "t.res:3:23:", "host 'bb' is not defined"),
                Arguments.of("resource r {\n" + H + "\n}\nresource r {\n" + H + "\n}", "t.res:4:10:", "conflicting use of resource name"),
                Arguments.of("resource r {\n on a { address 10.0.0.1:99999; }\n}", "t.res:2:26:", "port 99999 out of range"),
                Arguments.of("resource r {\n on a { node-id 40; }\n}", "t.res:2:17:", "node-id 40 out of range"),
                Arguments.of("resource r {\n on a { device /dev/drbd1 minor 2; }\n}", "t.res:2:33:", "must match with device name"),
                Arguments.of("resource r {\n on a { device /dev/sdb; }\n}", "t.res:2:16:", "must start with /dev/drbd"),
                Arguments.of("resource r {\n on a { meta-disk internal [0]; }\n}", "t.res:2:29:", "takes no index"),
                Arguments.of("resource r {\n on a { floating 1.2.3.4:5; }\n}", "t.res:2:9:", "unexpected 'floating'"),
                Arguments.of("resource r {\n protocl C;\n}", "t.res:2:2:", "did you mean 'protocol'?"),
                Arguments.of("global { minor-count 0; }", "t.res:1:22:", "out of range"),
                Arguments.of("global { usage-count maybe; }", "t.res:1:22:", "unexpected 'maybe'"),
                Arguments.of("resource r { on a { address 10.0.0.1:7789; } on b { address 10.0.0.1:7789; } }", "t.res:1:61:", "conflicting use of IP:port"),
                Arguments.of("resource r {\n on a { disk /dev/x; volume 0 { device minor 1; } }\n}", "t.res:2:", "mixing explicit and implicit"),
                Arguments.of("resource r {\n startup { wfc-timeout -1; }\n}", "t.res:2:", "wfc-timeout"),
                Arguments.of("resource r {\n net { ping-int; }\n}", "t.res:2:8:", "needs a value"),
                Arguments.of("resource r {\n net { shared-secret \"abc\n\"; }\n}", "t.res:2:22:", "unterminated"),
                Arguments.of("resource r {\n disk { size 10Q; }\n}", "t.res:2:14:", "not a number"),
                Arguments.of("common { on a { } }", "t.res:1:10:", "no host sections allowed"),
                Arguments.of("resource r {\n options { quorum most; }\n}", "t.res:2:19:", "not a number"),
                Arguments.of("resource r {\n net { rr-conflict sometimes; }\n}", "t.res:2:20:", "allowed: disconnect"),
                Arguments.of("resource r { $ }", "t.res:1:14:", "unexpected character '$'"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void diagnosed(String text, String position, String message) {
        ParseResult r = ParseTest.parse(text);
        assertFalse(r.ok(), "expected an error");
        boolean found = false;
        for (Diagnostic d : r.diagnostics()) {
            String f = d.format();
            if (f.startsWith(position) && f.contains(message)) {
                found = true;
            }
        }
        assertTrue(found, "wanted " + position + " ... " + message + " in " + r.diagnostics().stream()
                .map(Diagnostic::format).toList());
    }
}

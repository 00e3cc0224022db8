package io.drbdctl.genl.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The small runtime every generated package carries (WireStyle, Binary, AttrInfo,
 * AttributeSet, Codec), from templates in this module's resources, so that the generated
 * code depends on drbdctl-netlink only.
 */
final class SupportEmitter {
    private SupportEmitter() {
    }

    static String emit(String cls, String pkg, String specFile) {
        String res = "support/" + cls + ".java.tmpl";
        try (InputStream in = SupportEmitter.class.getResourceAsStream(res)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + res);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return JavaOut.BANNER + specFile + ". Do not edit.\n"
                    + text.replace("@PACKAGE@", pkg).replace("@GENERATED@",
                    "Generated from " + specFile + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

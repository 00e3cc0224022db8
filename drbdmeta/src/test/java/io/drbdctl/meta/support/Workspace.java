package io.drbdctl.meta.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The per-test set-up of a differential test against the reference drbdmeta, as a JUnit
 * extension ({@code @RegisterExtension}): skips without the reference, gives a scratch
 * directory and our tool's state directory, and afterwards removes both and the reference's
 * files for the test's minor.
 */
public final class Workspace implements BeforeEachCallback, AfterEachCallback {
    private final String name;
    private final int minor;
    private Scratch scratch;
    private Ours ours;

    public Workspace(String name, int minor) {
        this.name = name;
        this.minor = minor;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        assumeTrue(Reference.available(), Reference.SKIP_REASON);
        scratch = new Scratch(name);
        ours = new Ours(scratch.dir().resolve("state"));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (scratch != null) {
            scratch.close();
            scratch = null;
        }
        Reference.cleanup(minor);
    }

    public Path dir() {
        return scratch.dir();
    }

    /** Both tools on a fresh device of {@code size} bytes, for this workspace's minor. */
    public Pair pair(long size) {
        return new Pair(scratch, ours, size, minor);
    }
}

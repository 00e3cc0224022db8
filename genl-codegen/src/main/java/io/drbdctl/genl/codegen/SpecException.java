package io.drbdctl.genl.codegen;

/**
 * A spec the generator cannot handle. The message always names the file, the line (when
 * known) and the path inside the spec, e.g.
 * {@code drbd.yaml:812: attribute-sets[3].attributes[4].type: unsupported type 'indexed-array'}.
 */
public final class SpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SpecException(String file, int line, String path, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (path.isEmpty() ? "" : path + ": ")
                + message);
    }
}

package io.drbdctl.adm.env;

/** {@code require-drbd-module-version-OP X.Y.Z} against the loaded (or pretended) module. */
public final class ModuleVersion {
    private ModuleVersion() {
    }

    /**
     * @param requirement "require-drbd-module-version-ge 9.0.0"
     * @return null when met, else the message
     */
    public static String check(String requirement, String have) {
        String[] parts = requirement.split(" ");
        String op = parts[0].substring(parts[0].lastIndexOf('-') + 1);
        if (have == null || code(have) < 0) {
            return "Could not get drbd-module-version, Module not loaded?";
        }
        long cmp = Long.compare(code(have), code(parts[1]));
        boolean ok = switch (op) {
            case "eq" -> cmp == 0;
            case "ne" -> cmp != 0;
            case "gt" -> cmp > 0;
            case "ge" -> cmp >= 0;
            case "lt" -> cmp < 0;
            case "le" -> cmp <= 0;
            default -> false;
        };
        return ok ? null : "Validation error: drbd-module-version " + have + " " + symbol(op) + " " + parts[1]
                + " not true";
    }

    private static String symbol(String op) {
        return switch (op) {
            case "eq" -> "==";
            case "ne" -> "!=";
            case "gt" -> ">";
            case "ge" -> ">=";
            case "lt" -> "<";
            default -> "<=";
        };
    }

    static long code(String v) {
        String[] p = v.split("[.-]");
        if (p.length < 2) {
            return -1;
        }
        try {
            long major = Long.parseLong(p[0]);
            long minor = Long.parseLong(p[1]);
            long sub = p.length > 2 && p[2].matches("[0-9]+") ? Long.parseLong(p[2]) : 0;
            return major << 16 | minor << 8 | sub;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

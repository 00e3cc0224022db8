package io.drbdctl.setup.family;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the user asked for: the global option {@code --family=drbd2|drbd} (before the command,
 * also {@code --family drbd2}) wins over the environment variable {@value #ENV}; without
 * either the kernel decides ({@link FamilySelector}).
 *
 * @param forced the family asked for, if any
 * @param argv   the command line without the global option
 * @param error  the complaint about an invalid value (the tool exits 20), if any
 */
public record FamilyRequest(Optional<Family> forced, List<String> argv, Optional<String> error) {
    /** The environment variable that pins the family. */
    public static final String ENV = "DRBDCTL_FAMILY";
    /** The global option that pins the family. */
    public static final String OPTION = "--family";

    public FamilyRequest {
        argv = List.copyOf(argv);
    }

    /** No preference: the kernel decides. */
    public static FamilyRequest auto(List<String> argv) {
        return new FamilyRequest(Optional.empty(), argv, Optional.empty());
    }

    /** Pinned to {@code f} (drbdadm's in-process drbdsetup runs its plan's dialect). */
    public static FamilyRequest pinned(Family f, List<String> argv) {
        return new FamilyRequest(Optional.of(f), argv, Optional.empty());
    }

    /** Reads the global option from {@code argv} (only before the command) and {@code env}. */
    public static FamilyRequest of(List<String> argv, Map<String, String> env) {
        List<String> rest = new ArrayList<>(argv);
        String value = null;
        for (int i = 0; i < rest.size(); i++) {
            String a = rest.get(i);
            if (!a.startsWith("-")) {
                break;
            }
            if (a.startsWith(OPTION + "=")) {
                value = a.substring(OPTION.length() + 1);
                rest.remove(i);
                break;
            }
            if (a.equals(OPTION)) {
                rest.remove(i);
                value = i < rest.size() ? rest.remove(i) : "";
                break;
            }
        }
        String source = OPTION;
        if (value == null) {
            value = env.get(ENV);
            source = ENV;
            if (value == null || value.isEmpty()) {
                return auto(rest);
            }
        }
        Optional<Family> f = Family.ofName(value);
        if (f.isEmpty()) {
            return new FamilyRequest(Optional.empty(), rest, Optional.of(source + ": unknown family '"
                    + value + "' (use drbd2 or drbd)"));
        }
        return new FamilyRequest(f, rest, Optional.empty());
    }
}

package io.drbdctl.setup.family;

import io.drbdctl.netlink.ctrl.GenlFamily;
import java.util.Optional;

/**
 * Which family a command runs over, decided in one place for drbdsetup and drbdadm: a family
 * asked for ({@link FamilyRequest}) must be registered; otherwise {@code drbd2} if the
 * kernel registers it, else the legacy {@code drbd} family with the 8.4 dialect.
 */
public final class FamilySelector {
    private FamilySelector() {
    }

    /** Looks a generic netlink family up by name (nlctrl CTRL_CMD_GETFAMILY). */
    @FunctionalInterface
    public interface Lookup {
        Optional<GenlFamily> find(String name);
    }

    /**
     * The decision.
     *
     * @param family the family chosen (empty: none is registered)
     * @param genl   the registered family as nlctrl reported it (with {@code family})
     * @param error  the one-line complaint when there is nothing to talk to
     */
    public record Selection(Optional<Family> family, Optional<GenlFamily> genl, Optional<String> error) {
        static Selection of(Family f, GenlFamily g) {
            return new Selection(Optional.of(f), Optional.of(g), Optional.empty());
        }

        static Selection none(String error) {
            return new Selection(Optional.empty(), Optional.empty(), Optional.of(error));
        }
    }

    /** The one-line complaint when no DRBD module is loaded. */
    public static final String NO_MODULE = "no DRBD kernel module loaded: neither the 'drbd2' "
            + "nor the 'drbd' generic netlink family is registered";

    /** Decides with the kernel's families as {@code lookup} finds them. */
    public static Selection select(Optional<Family> forced, Lookup lookup) {
        if (forced.isPresent()) {
            Family f = forced.get();
            return lookup.find(f.genlName()).map(g -> Selection.of(f, g))
                    .orElseGet(() -> Selection.none("the '" + f.genlName() + "' generic netlink family "
                            + "is not registered (" + FamilyRequest.OPTION + "=" + f.genlName()
                            + "): is the DRBD kernel module loaded?"));
        }
        Optional<GenlFamily> d2 = lookup.find(Family.DRBD2.genlName());
        if (d2.isPresent()) {
            return Selection.of(Family.DRBD2, d2.get());
        }
        return lookup.find(Family.LEGACY.genlName()).map(g -> Selection.of(Family.LEGACY, g))
                .orElseGet(() -> Selection.none(NO_MODULE));
    }
}

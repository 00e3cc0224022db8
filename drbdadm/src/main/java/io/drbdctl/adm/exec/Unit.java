package io.drbdctl.adm.exec;

import io.drbdctl.adm.plan.Stage;
import io.drbdctl.adm.plan.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps that drbdadm treats as one command: {@code drbdmeta ... apply-al} belongs to the
 * {@code attach} after it, and {@code drbdsetup OP MINOR} followed by {@code drbdmeta ... OP}
 * (outdate, invalidate, dstate) is a kernel-first command with an on-disk fallback.
 */
record Unit(String resource, Stage stage, List<Step> steps) {
    Unit {
        steps = List.copyOf(steps);
    }

    /** The command name drbdadm reports for the unit (the name of its drbdsetup step). */
    String name() {
        for (Step s : steps) {
            if (s instanceof Step.Drbdsetup d) {
                return d.op();
            }
        }
        Step first = steps.get(0);
        return first instanceof Step.Drbdmeta m ? opName(m) : "drbd-proxy-ctl";
    }

    /** The minor the unit works on, -1 for resource-wide commands. */
    int minor() {
        Step s = steps.get(steps.size() - 1);
        if (s instanceof Step.Drbdmeta m) {
            return m.minor();
        }
        if (s instanceof Step.Drbdsetup d && !d.args().isEmpty()) {
            // new-minor counts as resource-wide: after one fails, drbdadm makes no more minors
            String a = d.args().get(0);
            if (!a.isEmpty() && a.chars().allMatch(Character::isDigit)) {
                return Integer.parseInt(a);
            }
        }
        return -1;
    }

    /** True for "kernel first, then the meta data" units. */
    boolean isFallback() {
        return steps.size() == 2 && steps.get(0) instanceof Step.Drbdsetup d
                && steps.get(1) instanceof Step.Drbdmeta m && d.op().equals(opName(m));
    }

    /** Groups consecutive steps of one resource and stage into units. */
    static List<Unit> group(String resource, List<Stage> stages, List<Step> steps) {
        List<Unit> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            Stage st = stages.get(i);
            if (i + 1 < steps.size() && stages.get(i + 1) == st && belongTogether(s, steps.get(i + 1))) {
                out.add(new Unit(resource, st, List.of(s, steps.get(i + 1))));
                i++;
            } else {
                out.add(new Unit(resource, st, List.of(s)));
            }
        }
        return out;
    }

    private static boolean belongTogether(Step a, Step b) {
        if (a instanceof Step.Drbdmeta m && opName(m).equals("apply-al") && b instanceof Step.Drbdsetup d) {
            return d.op().equals("attach") && !d.args().isEmpty() && d.args().get(0).equals(String.valueOf(m.minor()));
        }
        if (a instanceof Step.Drbdsetup d && b instanceof Step.Drbdmeta m && d.op().equals(opName(m))) {
            return d.args().contains(String.valueOf(m.minor()));
        }
        return false;
    }

    /** The drbdmeta command without its arguments. */
    static String opName(Step.Drbdmeta m) {
        int sp = m.op().indexOf(' ');
        return sp < 0 ? m.op() : m.op().substring(0, sp);
    }
}

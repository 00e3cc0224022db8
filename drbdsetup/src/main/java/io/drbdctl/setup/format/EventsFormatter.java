package io.drbdctl.setup.format;

import io.drbdctl.genl.v8.StateInfo;
import io.drbdctl.setup.state.DeviceSnapshot;

/** "events": one line per message of the legacy family, drbdsetup 8.4's format. */
public final class EventsFormatter {
    private EventsFormatter() {
    }

    /** The lines for one message (may be empty). */
    public static String format(DeviceSnapshot d, boolean missingOk) {
        if (d.retCode() == 127 && missingOk) {
            return "";
        }
        String seq = Long.toUnsignedString(d.seq());
        if (d.context().isEmpty()) {
            return d.infoText().map(t -> seq + " # " + t.replace('\n', '_') + "\n").orElse("");
        }
        String name = d.resourceName().orElse("(null)");
        if (d.state().isEmpty() || d.state().get().currentState().isEmpty()) {
            return seq + " R - " + name + "\n";
        }
        StateInfo si = d.state().get();
        String mnv = (int) d.minor() + "," + name + "[" + (int) d.volume() + "]";
        long reason = si.sibReason().orElse(0);
        return switch ((int) reason) {
            case 2 -> state("ST-prev", seq, mnv, si.prevState().orElse(0))
                    + state("ST-new", seq, mnv, si.newState().orElse(0))
                    + state("ST", seq, mnv, si.currentState().getAsLong());
            case 1 -> state("ST", seq, mnv, si.currentState().getAsLong());
            case 3 -> seq + " UH " + mnv + " " + si.helper().orElse("(null)") + "\n";
            case 4 -> seq + " UH-post " + mnv + " " + si.helper().orElse("(null)") + " "
                    + String.format("0x%04x", si.helperExitCode().orElse(0)) + "\n";
            case 5 -> seq + " SP " + mnv + " " + ShStatusFormatter.synced(si) + "\n";
            default -> seq + " ?? " + mnv + " <other message, state info broadcast reason:" + reason + ">\n";
        };
    }

    private static String state(String tag, String seq, String mnv, long word) {
        PackedState s = PackedState.of(word);
        return seq + " " + tag + " " + mnv + " { cs:" + DrbdNames.conn(s.conn()) + " ro:" + DrbdNames.role(s.role())
                + "/" + DrbdNames.role(s.peer()) + " ds:" + DrbdNames.disk(s.disk()) + "/" + DrbdNames.disk(s.pdsk())
                + " " + (s.susp() ? 's' : 'r') + (s.aftrIsp() ? 'a' : '-') + (s.peerIsp() ? 'p' : '-')
                + (s.userIsp() ? 'u' : '-') + " }\n";
    }
}

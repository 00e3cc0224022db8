package io.drbdctl.setup.format;

import io.drbdctl.genl.v8.StateInfo;
import io.drbdctl.setup.state.DeviceSnapshot;

/** "sh-status": shell variable assignments per minor. */
public final class ShStatusFormatter {
    private ShStatusFormatter() {
    }

    public static String format(DeviceSnapshot d) {
        StringBuilder b = new StringBuilder();
        b.append("_minor=").append(Long.toUnsignedString(d.minor())).append('\n');
        b.append("_res_name=").append(shellEscape(d.resourceName().orElse(""))).append('\n');
        b.append("_volume=").append((int) d.volume()).append('\n');
        boolean available = d.state().isPresent() && d.state().get().currentState().isPresent();
        PackedState s = PackedState.of(d.currentState());
        if (s.conn() == DrbdNames.C_STANDALONE && s.disk() == DrbdNames.D_DISKLESS && s.role() != DrbdNames.R_PRIMARY) {
            b.append("_known=").append(available ? "Unconfigured" : "NA # not available or not yet created")
                    .append("\n\n");
            b.append("_cstate=Unconfigured\n_role=\n_peer=\n_disk=\n_pdsk=\n_flags_susp=\n_flags_aftr_isp=\n"
                    + "_flags_peer_isp=\n_flags_user_isp=\n_resynced_percent=\n");
        } else {
            b.append("_known=Configured\n\n");
            b.append("_cstate=").append(DrbdNames.conn(s.conn())).append('\n');
            b.append("_role=").append(DrbdNames.role(s.role())).append('\n');
            b.append("_peer=").append(DrbdNames.role(s.peer())).append('\n');
            b.append("_disk=").append(DrbdNames.disk(s.disk())).append('\n');
            b.append("_pdsk=").append(DrbdNames.disk(s.pdsk())).append("\n\n");
            b.append("_flags_susp=").append(s.susp() ? "1" : "").append('\n');
            b.append("_flags_aftr_isp=").append(s.aftrIsp() ? "1" : "").append('\n');
            b.append("_flags_peer_isp=").append(s.peerIsp() ? "1" : "").append('\n');
            b.append("_flags_user_isp=").append(s.userIsp() ? "1" : "").append("\n\n");
            b.append("_resynced_percent=");
            StateInfo si = d.state().orElseThrow();
            if (si.bitsRsTotal().isPresent()) {
                b.append(synced(si)).append('\n');
            } else {
                b.append('\n');
            }
        }
        b.append("\n_sh_status_process\n\n\n");
        return b.toString();
    }

    /** The resync progress in per mille as "NN.N" (drbdsetup's formula). */
    public static String synced(StateInfo si) {
        long total = si.bitsRsTotal().orElse(0);
        long oos = si.bitsOos().orElse(0);
        long failed = si.bitsRsFailed().orElse(0);
        int shift = Long.compareUnsigned(total, 1L << 32) >= 0 ? 16 : 10;
        long left = (oos - failed) >>> shift;
        long tot = 1 + (total >>> shift);
        long tmp = 1000 - Long.divideUnsigned(left * 1000, tot);
        int v = (int) tmp;
        return Integer.toUnsignedString(v / 10) + "." + (v % 10);
    }

    /** Backslash-escapes every character outside drbdsetup's clean set. */
    static String shellEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            boolean clean = c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
                    || "%+-./:=@_".indexOf(c) >= 0;
            if (!clean) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}

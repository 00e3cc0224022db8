package io.drbdctl.adm.plan;

import io.drbdctl.config.model.Config;
import io.drbdctl.config.model.Effective;
import io.drbdctl.config.model.Host;
import io.drbdctl.config.model.HostKind;
import io.drbdctl.config.model.Inherit;
import io.drbdctl.config.model.Resource;
import io.drbdctl.config.model.Sections;
import java.util.ArrayList;
import java.util.List;

/** Plans for an 8.4 kernel: what drbdadm-84 of drbd-utils 9.22 runs. */
public final class Planner84 {
    static final String SETUP = "drbdsetup-84";
    private final Config cfg;

    public Planner84(Config cfg) {
        this.cfg = cfg;
    }

    /** {@code up}; {@code adjust} (without kernel state) runs the same steps staged across resources. */
    public Plan up(Resource r, Host me, boolean adjust) {
        Sections s = Inherit.withCommon(cfg.common(), r);
        List<Plan.Staged> steps = new ArrayList<>();
        String res = r.name();
        steps.add(new Plan.Staged(Stage.PREREQ,
                new Step.Drbdsetup(SETUP, "new-resource", List.of(res), Planner.flags(s.options()))));
        for (Effective.Vol v : Effective.volumes(cfg, r, me)) {
            steps.add(new Plan.Staged(adjust ? Stage.DISK_PREP_UP : Stage.PREREQ, new Step.Drbdsetup(SETUP, "new-minor",
                    List.of(res, String.valueOf(v.minor()), String.valueOf(v.vnr())), List.of())));
            if (v.disk() != null) {
                String md = "internal".equals(v.metaIdx()) ? v.disk() : v.metaDisk();
                steps.add(new Plan.Staged(Stage.DISK, new Step.Drbdmeta(v.minor(), "v08", md,
                        "flexible".equals(v.metaIdx()) ? "flex-external" : v.metaIdx(), "apply-al")));
                steps.add(new Plan.Staged(Stage.DISK, new Step.Drbdsetup(SETUP, "attach",
                        List.of(String.valueOf(v.minor()), v.disk(), md, v.metaIdx()), Planner.flags(v.diskOptions()))));
            }
        }
        Host peer = null;
        for (Host h : r.hosts()) {
            if (h != me) {
                peer = h;
            }
        }
        if (peer != null && me.address() != null && peer.address() != null) {
            steps.add(new Plan.Staged(Stage.NET_CONNECT, new Step.Drbdsetup(SETUP, "connect",
                    List.of(res, me.address().drbdsetupForm(), me.proxy() != null && me.proxy().inside() != null
                            ? me.proxy().inside().drbdsetupForm() : peer.address().drbdsetupForm()),
                    Planner.flags(s.net()))));
        }
        return new Plan(steps);
    }

    public Plan down(Resource r) {
        return new Plan(List.of(new Plan.Staged(Stage.NET_PREP_DOWN,
                new Step.Drbdsetup(SETUP, "down", List.of(r.name()), List.of()))));
    }
}

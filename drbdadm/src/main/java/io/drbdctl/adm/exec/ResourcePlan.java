package io.drbdctl.adm.exec;

import io.drbdctl.adm.plan.Plan;

/** The plan of one resource: the unit drbdadm stops further work on after a failure. */
public record ResourcePlan(String resource, Plan plan) {
}

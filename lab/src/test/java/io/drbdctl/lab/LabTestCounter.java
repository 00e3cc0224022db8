package io.drbdctl.lab;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.engine.TestTag;

/** Prints how many lab tests ran, passed, failed and were skipped (registered as a service). */
public class LabTestCounter implements TestExecutionListener {
    private static final TestTag LAB = TestTag.create("lab");

    private final AtomicInteger passed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    private boolean isLab(TestIdentifier id) {
        if (id.getTags().contains(LAB)) {
            return true;
        }
        return plan != null && plan.getParent(id).map(this::isLab).orElse(false);
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (isLab(id) && id.isTest()) {
            skipped.incrementAndGet();
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest() || !isLab(id)) {
            return;
        }
        switch (result.getStatus()) {
            case SUCCESSFUL -> passed.incrementAndGet();
            case ABORTED -> skipped.incrementAndGet();
            default -> failed.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        int ran = passed.get() + failed.get();
        if (ran + skipped.get() > 0) {
            System.out.printf("lab tests: %d ran (%d passed, %d failed), %d skipped%n",
                    ran, passed.get(), failed.get(), skipped.get());
        }
    }
}

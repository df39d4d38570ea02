package org.causalrx.verdict;

import java.util.List;

import org.causalrx.pipeline.Progress;
import org.causalrx.pipeline.RunContext;
import org.causalrx.pipeline.RunSlots;
import org.causalrx.pipeline.Slot;
import org.causalrx.pipeline.Stage;
import org.causalrx.simulate.FeasibilityStage;

/** The run's exit points ({@link ExitPoints#evaluate}) from its result and, when run, the feasibility simulation. */
public record ExitPointStage() implements Stage {
    /** Every exit point, in step order. */
    public static final Slot<List<ExitPoints.ExitPoint>> EXITS = new Slot<>("exit points");

    @Override
    public String name() {
        return "exit points";
    }

    @Override
    public boolean reported() {
        return false;
    }

    @Override
    public String detail(RunContext c) {
        return "the exit points of TRS steps 2-11";
    }

    @Override
    public RunContext apply(RunContext c, Progress progress) {
        return c.with(EXITS, ExitPoints.evaluate(c.get(RunSlots.OUTPUT).result(),
                c.find(FeasibilityStage.RESULT).orElse(null)));
    }
}

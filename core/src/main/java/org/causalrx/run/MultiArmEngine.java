package org.causalrx.run;

import java.util.List;

import org.causalrx.pipeline.MultiArmStages;
import org.causalrx.pipeline.RunEngine;
import org.causalrx.simulate.FeasibilityStage;
import org.causalrx.simulate.MultiArmFeasibilityStage;

/**
 * A whole K-arm study run: the K-arm pipeline's stages ({@link MultiArmStages#engine}) and the feasibility
 * simulation, which stands before the deferral step ("uncertainty") when the study defers on its intervals (it
 * calibrates them) and after the run otherwise ({@link MultiArmFeasibilityStage}).
 */
public final class MultiArmEngine {
    private MultiArmEngine() {
    }

    /** The K-arm run with its feasibility simulation (for a study with a {@code simulation:} block). */
    public static RunEngine of(boolean parallel) {
        return MultiArmStages.engine(parallel)
                .insertBefore("uncertainty", new MultiArmFeasibilityStage(FeasibilityStage.When.BEFORE, parallel))
                .around(List.of(), List.of(new MultiArmFeasibilityStage(FeasibilityStage.When.AFTER, parallel),
                        new MultiArmFeasibilityStage.Attach()));
    }
}

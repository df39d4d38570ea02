package org.causalrx.run;

import java.util.List;

import org.causalrx.pipeline.MultiArmStages;
import org.causalrx.pipeline.RunEngine;
import org.causalrx.simulate.MultiArmFeasibilityStage;

/** A whole K-arm study run: the K-arm pipeline's stages ({@link MultiArmStages#engine}), then the simulation. */
public final class MultiArmEngine {
    private MultiArmEngine() {
    }

    /** The K-arm run followed by its feasibility simulation (for a study with a {@code simulation:} block). */
    public static RunEngine of(boolean parallel) {
        return MultiArmStages.engine(parallel).around(List.of(), List.of(new MultiArmFeasibilityStage(parallel)));
    }
}

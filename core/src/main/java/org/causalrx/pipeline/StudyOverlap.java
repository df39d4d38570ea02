package org.causalrx.pipeline;

import java.util.function.Supplier;

import org.causalrx.causal.OverlapSet;
import org.causalrx.study.Study;

/**
 * The overlap set of a run (TRS §3.4): the study's {@code overlap:} thresholds where it gives them, and the Crump
 * et al. rule on the training propensities for any it leaves out.
 */
public final class StudyOverlap {
    private StudyOverlap() {
    }

    /**
     * @param study  the study (its {@code overlap:} block may be absent)
     * @param chosen the Crump rule on the training propensities; called only when the study leaves a threshold out
     */
    public static OverlapSet of(Study study, Supplier<OverlapSet> chosen) {
        Study.Overlap o = study.overlap();
        if (o != null && o.etaLow() != null && o.etaHigh() != null) {
            return new OverlapSet(o.etaLow(), o.etaHigh(), "given in the study");
        }
        OverlapSet rule = chosen.get();
        if (o != null && o.etaLow() != null) {
            return new OverlapSet(o.etaLow(), rule.etaHigh(), "eta_low given in the study; eta_high "
                    + rule.method());
        }
        if (o != null && o.etaHigh() != null) {
            return new OverlapSet(rule.etaLow(), o.etaHigh(), "eta_high given in the study; eta_low "
                    + rule.method());
        }
        return rule;
    }
}

package org.causalrx.pipeline;

import java.util.List;

import org.causalrx.causal.AipwEstimands;
import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.Estimand;
import org.causalrx.study.Study;

/** The run's cross-fitted AIPW stage: the ATE (always) and the study's estimands from one set of nuisances. */
final class AteEstimands {
    private AteEstimands() {
    }

    /**
     * @param x encoded covariates per cohort row
     * @param t treatment per cohort row
     * @param y modelled outcome per cohort row
     */
    static RunResult.AteResult estimate(CrossFitAipw aipw, Study study, double[][] x, int[] t, double[] y,
                                        long seed) {
        return estimate(aipw, study, x, t, y, seed, null);
    }

    /** As above, with cross-fitting folds that keep each group's rows together ({@code groups} null: rows). */
    static RunResult.AteResult estimate(CrossFitAipw aipw, Study study, double[][] x, int[] t, double[] y,
                                        long seed, int[] groups) {
        List<Estimand> wanted = study.estimands();
        List<Estimand> all = wanted.contains(Estimand.ATE) ? wanted
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(Estimand.ATE), wanted.stream()).toList();
        List<AipwEstimands.Estimate> est = aipw.estimates(x, t, y, seed, all, groups);
        AipwEstimands.Estimate ate = est.get(all.indexOf(Estimand.ATE));
        List<RunResult.EstimandResult> listed = est.stream().filter(e -> wanted.contains(e.estimand()))
                .map(e -> new RunResult.EstimandResult(e.estimand().key(), e.estimate(), e.se(), e.ciLow(),
                        e.ciHigh(), e.n(), e.folds())).toList();
        return new RunResult.AteResult(ate.estimate(), ate.se(), ate.ciLow(), ate.ciHigh(), "aipw", ate.folds(),
                ate.n(), listed);
    }
}

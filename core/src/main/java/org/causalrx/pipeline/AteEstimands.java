package org.causalrx.pipeline;

import java.util.List;

import org.causalrx.causal.AipwEstimands;
import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.Estimand;
import org.causalrx.policy.HeldOut;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;

/**
 * The run's cross-fitted AIPW stage: the ATE (always) and the study's estimands from one set of nuisances. Public
 * for {@code bench ate}, which replicates the run's AIPW exactly.
 */
public final class AteEstimands {
    private AteEstimands() {
    }

    /**
     * The run's AIPW on {@code rows} rows: p* propensity learner, the DR plug-in's outcome learner, the study's folds
     * for that many rows ({@link Study#ateFolds(long)}).
     */
    public static CrossFitAipw aipw(Learners learners, Study study, int rows) {
        return new CrossFitAipw(learners.evaluationPropensity(),
                learners.ateOutcome(PipelineStages.binary(study)), study.ateFolds(rows), HeldOut.CLIP);
    }

    /** The seed the run's AIPW is fitted with. */
    public static long seed(long runSeed) {
        return Seeds.derive(runSeed, "ate");
    }

    /**
     * @param nuisances the out-of-fold nuisances of every cohort patient (modelled outcome)
     * @param folds     the cross-fitting folds behind them
     */
    static RunResult.AteResult estimate(AipwEstimands nuisances, int folds, Study study) {
        List<Estimand> wanted = study.estimands();
        List<Estimand> all = wanted.contains(Estimand.ATE) ? wanted
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(Estimand.ATE), wanted.stream()).toList();
        List<AipwEstimands.Estimate> est = all.stream().map(e -> nuisances.estimate(e, folds)).toList();
        AipwEstimands.Estimate ate = est.get(all.indexOf(Estimand.ATE));
        List<RunResult.EstimandResult> listed = est.stream().filter(e -> wanted.contains(e.estimand()))
                .map(e -> new RunResult.EstimandResult(e.estimand().key(), e.estimate(), e.se(), e.ciLow(),
                        e.ciHigh(), e.n(), e.folds())).toList();
        return new RunResult.AteResult(ate.estimate(), ate.se(), ate.ciLow(), ate.ciHigh(), "aipw", ate.folds(),
                ate.n(), listed);
    }
}

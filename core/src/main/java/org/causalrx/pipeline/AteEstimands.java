package org.causalrx.pipeline;

import java.util.List;
import java.util.Map;

import org.causalrx.causal.AipwEstimands;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.CrossFit;
import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.CrossFittedNuisances;
import org.causalrx.causal.Estimand;
import org.causalrx.causal.Nuisance;
import org.causalrx.causal.diagnostics.RefutationSubsample;
import org.causalrx.causal.meta.FinalStageModel;
import org.causalrx.causal.uncertainty.Subsample;
import org.causalrx.policy.HeldOut;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

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
     * Training rows from which the run's ATE may take the DR-learner's cross-fitted nuisances ({@link #donor}):
     * {@link CrossFit#LARGE_ROWS}, where the DR-learner and the ATE both cross-fit 2 folds and each fold model still
     * fits at least 100,000 rows (the B-learner's gate too). Below it the ATE cross-fits its own over the whole
     * cohort, its fold models fitting four fifths of every patient instead of half of the training patients.
     */
    public static final int REUSE_ROWS = CrossFit.LARGE_ROWS;

    /**
     * The estimator (study order) whose cross-fitted nuisances the run's ATE takes instead of cross-fitting the whole
     * cohort again, or null. One qualifies when the training split holds at least {@link #REUSE_ROWS} rows, rows are
     * patients (no group column: the estimators' point fits do not group their folds), the refutations do not re-fit
     * the ATE's own folds on every row (they are off, or run on a subsample with their own reference fit), and its
     * fitted model carries cross-fitted nuisances with their fold models, fit by the ATE's propensity and outcome
     * learners (by value) on as many folds as the ATE's (the propensity clip may differ: the fold models' propensities
     * are kept before the clip). {@link #fromTraining} then checks that they were fit on the training split.
     */
    static String donor(Study study, Map<String, CateModel> cateModels, CrossFitAipw aipw, int trainRows,
                        int cohortRows, boolean grouped) {
        if (trainRows < REUSE_ROWS || grouped || cateModels == null || study.refutation().enabled()
                && !Subsample.applies(RefutationSubsample.rowsFor(study.refutation().rows(), cohortRows),
                cohortRows)) {
            return null;
        }
        return CateStage.nuisanceDonor(cateModels, nu -> usable(nu, aipw));
    }

    private static boolean usable(CrossFittedNuisances nu, CrossFitAipw aipw) {
        return nu.models() != null && nu.fitBy(aipw.propensity(), aipw.outcome(), aipw.folds());
    }

    /**
     * The AIPW nuisances of every cohort row from nuisances cross-fitted on the training rows {@code train}: a
     * training row's out-of-fold e (re-clipped to the ATE's clip from the fold models' unclipped propensities), mu_0
     * and mu_1; any other row's (validation and test patients, whom no fold model saw) the mean of the fold models'
     * predictions ({@link CrossFittedNuisances#outside}). Every row's nuisances thus come from models that were not
     * fit on it, as in a cross-fit of the whole cohort. Null when {@code nu} was not fit by the AIPW's learners on as
     * many folds, or not on these training rows (the fingerprint of their covariates, treatments and outcomes).
     */
    public static AipwEstimands fromTraining(CrossFittedNuisances nu, CrossFitAipw aipw, int[] train, double[][] x,
                                             int[] t, double[] y) {
        if (!usable(nu, aipw) || nu.e().length != train.length || nu.data() != CrossFittedNuisances.fingerprint(
                Stats.select(x, train), Stats.select(t, train), Stats.select(y, train))) {
            return null;
        }
        int n = y.length;
        boolean[] inTrain = new boolean[n];
        for (int i : train) {
            inTrain[i] = true;
        }
        int[] others = java.util.stream.IntStream.range(0, n).filter(i -> !inTrain[i]).toArray();
        double[][] out = nu.outside(Stats.select(x, others), aipw.clip());
        double[] eTrain = Nuisance.clipped(nu.models().eRaw(), aipw.clip());
        double[] e = new double[n];
        double[] m0 = new double[n];
        double[] m1 = new double[n];
        for (int j = 0; j < train.length; j++) {
            int i = train[j];
            e[i] = eTrain[j];
            m0[i] = nu.mu()[0][j];
            m1[i] = nu.mu()[1][j];
        }
        for (int j = 0; j < others.length; j++) {
            int i = others[j];
            e[i] = out[0][j];
            m0[i] = out[1][j];
            m1[i] = out[2][j];
        }
        return new AipwEstimands(t, y, e, m0, m1);
    }

    /**
     * The nuisances a run of {@code study} seeded {@code runSeed} on these rows takes for its ATE from the estimator
     * {@code donor}: the run's train / validation / test split (rows as patients), {@code donor} fitted on the
     * training rows as the policies stage fits it (its seed), then {@link #fromTraining}; null when they do not
     * qualify. For {@code bench ate}, which compares it with the whole-cohort cross-fit on the same data.
     */
    public static AipwEstimands viaDonor(Learners learners, Study study, String donor, double[][] x, int[] t,
                                         double[] y, long runSeed) {
        int[] train = CohortSplits.of(study, t, null, runSeed).train();
        Map<String, CateModel> fitted = CateStage.fit(learners.estimators(), List.of(donor), List.of(),
                Stats.select(x, train), Stats.select(t, train), Stats.select(y, train), runSeed,
                StudyRun.outcomeKind(study));
        CrossFitAipw aipw = aipw(learners, study, y.length);
        return fitted.get(donor) instanceof FinalStageModel fs && fs.nuisances() != null
                ? fromTraining(fs.nuisances(), aipw, train, x, t, y) : null;
    }

    /** results.json {@code ate.nuisances} when the ATE took {@code donor}'s nuisances cross-fitted on k folds. */
    public static String describeReuse(String donor, int k) {
        return donor + "'s cross-fitted e(x), mu_0(x), mu_1(x) (the same learners; " + k + " folds of the training "
                + "split): training patients out of fold, validation and test patients by the mean of its " + k
                + " fold models, which were fit on training patients only; the propensity clipped at the ATE's clip";
    }

    /**
     * @param nuisances the out-of-fold nuisances of every cohort patient (modelled outcome)
     * @param folds     the cross-fitting folds behind them
     */
    static RunResult.AteResult estimate(AipwEstimands nuisances, int folds, Study study) {
        return estimate(nuisances, folds, study, null);
    }

    /** As above; {@code source}: results.json {@code ate.nuisances} (null: the stage's own cross-fit). */
    static RunResult.AteResult estimate(AipwEstimands nuisances, int folds, Study study, String source) {
        List<Estimand> wanted = study.estimands();
        List<Estimand> all = wanted.contains(Estimand.ATE) ? wanted
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(Estimand.ATE), wanted.stream()).toList();
        List<AipwEstimands.Estimate> est = all.stream().map(e -> nuisances.estimate(e, folds)).toList();
        AipwEstimands.Estimate ate = est.get(all.indexOf(Estimand.ATE));
        List<RunResult.EstimandResult> listed = est.stream().filter(e -> wanted.contains(e.estimand()))
                .map(e -> new RunResult.EstimandResult(e.estimand().key(), e.estimate(), e.se(), e.ciLow(),
                        e.ciHigh(), e.n(), e.folds())).toList();
        return new RunResult.AteResult(ate.estimate(), ate.se(), ate.ciLow(), ate.ciHigh(), "aipw", ate.folds(),
                ate.n(), listed, source);
    }
}

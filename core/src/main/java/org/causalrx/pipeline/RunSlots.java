package org.causalrx.pipeline;

import java.util.List;
import java.util.Map;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.OverlapSet;
import org.causalrx.causal.TLearner;
import org.causalrx.causal.uncertainty.IntervalCalibration;
import org.causalrx.data.Encoding;
import org.causalrx.data.SplitIndices;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.study.Cohort;

/** The names under which the pipeline's stages keep their products in the {@link RunContext}. */
public final class RunSlots {
    /** Widening of the deferral's statistical intervals; absent means none. Read by the uncertainty stage. */
    public static final Slot<IntervalCalibration> CALIBRATION = new Slot<>("calibration");
    /** The finished run: result, figure data, held-out detail and fitted models. */
    public static final Slot<RunOutput> OUTPUT = new Slot<>("output");

    /** The run's learners bound to the study's estimator settings and DR plug-in. */
    static final Slot<Learners> LEARNERS = new Slot<>("learners");
    static final Slot<Cohort> COHORT = new Slot<>("cohort");
    static final Slot<List<String>> DATA_WARNINGS = new Slot<>("data warnings");
    static final Slot<SplitIndices> SPLIT = new Slot<>("split");
    static final Slot<Encoding> ENCODING = new Slot<>("encoding");
    /** Encoded covariates of every cohort patient (n × p). */
    static final Slot<double[][]> X = new Slot<>("encoded covariates");
    static final Slot<PropensityStage.Output> PROPENSITY = new Slot<>("propensity");
    static final Slot<OverlapSet> OVERLAP = new Slot<>("overlap");
    static final Slot<CovariateBalance> BALANCE = new Slot<>("covariate balance");
    static final Slot<List<TLearner>> T_LEARNERS = new Slot<>("T-learners");
    static final Slot<OutcomeStage.Output> OUTCOME = new Slot<>("outcome models");
    static final Slot<TestPatients> TEST = new Slot<>("test patients");
    static final Slot<Map<String, CateModel>> CATE_MODELS = new Slot<>("CATE models");
    static final Slot<Map<String, double[]>> TEST_CATES = new Slot<>("test CATEs");
    static final Slot<List<PolicyDecisions>> POLICIES = new Slot<>("policies");
    static final Slot<DeferralStage.Fitted> DEFERRAL = new Slot<>("deferral models");
    /** The deferral models' predictions on the test patients (study and sweep levels), made once. */
    static final Slot<DeferralPredictions> DEFERRAL_TEST = new Slot<>("deferral predictions on the test patients");
    static final Slot<Evaluation> EVALUATION = new Slot<>("evaluation");
    static final Slot<RunResult.PolicyInsights> POLICY_INSIGHTS = new Slot<>("policy insights");
    static final Slot<AnalysisStage.Output> ANALYSES = new Slot<>("analyses");
    static final Slot<DeferralOutcome> DEFERRAL_OUTCOME = new Slot<>("deferral outcome");
    static final Slot<RunResult.AteResult> ATE = new Slot<>("ATE");
    static final Slot<CrossFittedPolicyValues> CROSS_FITTED = new Slot<>("cross-fitted policy values");
    static final Slot<Heterogeneity> HETEROGENEITY = new Slot<>("heterogeneity");
    /** AIPW mean outcome per arm (control, treated) from the ATE's cross-fitted nuisances (outcome units). */
    static final Slot<double[]> ATE_ARM_MEANS = new Slot<>("ATE arm means");
    /**
     * The tuning of the ATE's folds that the refutations' re-fits on all rows keep: each fold's propensity λ and
     * XGBoost outcome rounds ({@link CrossFitAipw#tuning}).
     */
    static final Slot<CrossFitAipw.Tuning> ATE_TUNING = new Slot<>("ATE fold tuning");
    static final Slot<Sensitivity> SENSITIVITY = new Slot<>("sensitivity");
    static final Slot<AteRefutations> REFUTATIONS = new Slot<>("refutations");

    private RunSlots() {
    }

    /**
     * The held-out test patients as the policies see them.
     *
     * @param rows      cohort rows of the test split
     * @param x         their encoded covariates
     * @param t         observed arm (0/1)
     * @param e         selected propensity model's P(T = 1 | x)
     * @param inOverlap whether e lies in the overlap set
     */
    record TestPatients(int[] rows, double[][] x, int[] t, double[] e, boolean[] inOverlap) {
    }

    /**
     * The held-out evaluation: the p* model and its test predictions, the DR plug-in outcome model, the held-out
     * data on the modelled outcome, the outcome the policies are valued on, the bootstrap, the policy values, the
     * CATE insights and the neural metrics.
     */
    record Evaluation(org.causalrx.learn.ProbabilityModel pStarModel, double[] pStar, TLearner.Fitted plugIn,
                      org.causalrx.policy.HeldOut modelHeldOut, ValuedOutcome valued,
                      org.causalrx.policy.Bootstrap.Result boot, List<RunResult.PolicyResult> policyResults,
                      RunResult.CateInsights insights, NnMetricsStage.Output nn) {
    }

    /** The deferral's summary for the result, its sweep and the fitted models the bundle reproduces it with. */
    record DeferralOutcome(DeferralResult result, List<DeferralResult.SweepPoint> sweep,
                           RunOutput.FittedDeferral fitted) {
    }
}

package org.causalrx.pipeline;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.causalrx.result.PolicyId;
import org.causalrx.result.PolicyKind;

/**
 * The result of a study with K ≥ 3 arms, serialised to results.json by {@link ResultsJson#write(MultiArmResult)}.
 * Arms are listed in analysis order (the reference first); every per-arm list below follows that order. Values are
 * in outcome units; "better" follows the study's outcome direction.
 *
 * @param schemaVersion results.json contract version
 * @param kind          "multi_arm"
 * @param study         the study's name
 * @param protocol      the question and the columns it is asked of
 * @param arms          the K arms with their patient counts per split
 * @param propensity    the generalized propensity models P(T = a | x) and the selected one
 * @param overlap       the overlap rule (every arm's propensity ≥ η) and who falls outside it on the test split
 * @param estimators    every CATE estimator's mean effect per arm against the reference on the test split
 * @param policies      every policy valued on the test split (baselines first)
 * @param selection     the learned policy chosen on the validation split (never on test)
 * @param verdict       the chosen policy against current practice on the test split
 * @param provenance    data and study hashes, seed, versions
 * @param dataWarnings  warnings about the data, in words
 * @param deferral      uncertainty-based deferral (the study's {@code deferral:} block) and why the Conservative
 *                      policies defer; null (and absent from results.json) for a study without that block
 * @param insights      policy insights on the test split (win matrices, rank graphs, outcome tree, recommended-arm
 *                      profiles, propensity histograms); null (and absent) before the insights stage has run
 * @param simulation    the feasibility simulation (the study's {@code simulation:} block); null (and absent from
 *                      results.json) for a study without that block
 * @param balance       covariate balance of each arm against the reference under inverse generalized-propensity
 *                      weighting, train and test; null (and absent) before the diagnostics stage has run
 * @param heterogeneity heterogeneity tests (BLP calibration, RATE) of every estimator for each arm against the
 *                      reference on the test split; null (and absent) before the diagnostics stage has run
 * @param sensitivity   E-values of each arm's effect against the reference and the selected policy's gain under the
 *                      marginal sensitivity model; null (and absent) before the diagnostics stage has run
 * @param policyTrees   the fitted K-action policy trees (estimator {@code policy_tree}); empty (and absent) when the
 *                      study has none
 * @param refutations   refutations of each non-reference arm's AIPW contrast against the reference; null (and
 *                      absent) before the refutation stage has run
 * @param cohortTables  TRS Tables S.1 (the cohort by split and by arm) and S.2 (the variable dictionary); null (and
 *                      absent) before the evaluation stage has run
 * @param secondaryOutcomes every policy valued on each of the study's secondary outcomes
 *                      ({@link MultiArmSecondary}); empty (and absent) when the study has none
 */
public record MultiArmResult(String schemaVersion, String kind, String study, Protocol protocol, List<Arm> arms,
                             Propensity propensity, Overlap overlap, List<Estimator> estimators,
                             List<PolicyValue> policies, Selection selection, Verdict verdict,
                             RunResult.Provenance provenance, List<String> dataWarnings,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Deferral deferral,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Insights insights,
                             @JsonInclude(JsonInclude.Include.NON_NULL) MultiArmSimulation simulation,
                             @JsonInclude(JsonInclude.Include.NON_NULL) MultiArmBalance balance,
                             @JsonInclude(JsonInclude.Include.NON_NULL) MultiArmHeterogeneity heterogeneity,
                             @JsonInclude(JsonInclude.Include.NON_NULL) MultiArmSensitivity sensitivity,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) List<MultiArmTreeInfo> policyTrees,
                             @JsonInclude(JsonInclude.Include.NON_NULL) MultiArmRefutations refutations,
                             @JsonInclude(JsonInclude.Include.NON_NULL) CohortSummaryTables cohortTables,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY)
                             List<RunResult.SecondaryOutcome> secondaryOutcomes) {

    /** The kind written for a K-arm run. */
    public static final String KIND = "multi_arm";

    public MultiArmResult {
        arms = List.copyOf(arms);
        estimators = List.copyOf(estimators);
        policies = List.copyOf(policies);
        dataWarnings = List.copyOf(dataWarnings);
        policyTrees = policyTrees == null ? List.of() : List.copyOf(policyTrees);
        secondaryOutcomes = secondaryOutcomes == null ? List.of() : List.copyOf(secondaryOutcomes);
    }

    /** A result without uncertainty-based deferral. */
    public MultiArmResult(String schemaVersion, String kind, String study, Protocol protocol, List<Arm> arms,
                          Propensity propensity, Overlap overlap, List<Estimator> estimators,
                          List<PolicyValue> policies, Selection selection, Verdict verdict,
                          RunResult.Provenance provenance, List<String> dataWarnings) {
        this(schemaVersion, kind, study, protocol, arms, propensity, overlap, estimators, policies, selection,
                verdict, provenance, dataWarnings, null, null, null, null, null, null, List.of(), null, null,
                List.of());
    }

    /** A result without policy insights. */
    public MultiArmResult(String schemaVersion, String kind, String study, Protocol protocol, List<Arm> arms,
                          Propensity propensity, Overlap overlap, List<Estimator> estimators,
                          List<PolicyValue> policies, Selection selection, Verdict verdict,
                          RunResult.Provenance provenance, List<String> dataWarnings, Deferral deferral) {
        this(schemaVersion, kind, study, protocol, arms, propensity, overlap, estimators, policies, selection,
                verdict, provenance, dataWarnings, deferral, null, null, null, null, null, List.of(), null, null,
                List.of());
    }

    /** This result with the policy insights added (or replaced). */
    public MultiArmResult withInsights(Insights value) {
        Copy c = new Copy(this);
        c.insights = value;
        return c.build();
    }

    /** This result with {@code s} as its feasibility simulation. */
    public MultiArmResult withSimulation(MultiArmSimulation s) {
        Copy c = new Copy(this);
        c.simulation = s;
        return c.build();
    }

    /** This result with the diagnostics added (or replaced) and the verdict given (it may extend the old one). */
    public MultiArmResult withDiagnostics(MultiArmBalance b, MultiArmHeterogeneity h, MultiArmSensitivity s,
                                          Verdict v) {
        Copy c = new Copy(this);
        c.balance = b;
        c.heterogeneity = h;
        c.sensitivity = s;
        c.verdict = v;
        return c.build();
    }

    /** This result with the fitted policy trees. */
    public MultiArmResult withPolicyTrees(List<MultiArmTreeInfo> value) {
        Copy c = new Copy(this);
        c.policyTrees = value;
        return c.build();
    }

    /** This result with another verdict. */
    public MultiArmResult withVerdict(Verdict value) {
        Copy c = new Copy(this);
        c.verdict = value;
        return c.build();
    }

    /** This result with the refutations of the arms' AIPW contrasts. */
    public MultiArmResult withRefutations(MultiArmRefutations value) {
        Copy c = new Copy(this);
        c.refutations = value;
        return c.build();
    }

    /** This result with the cohort's Tables S.1 and S.2. */
    public MultiArmResult withCohortTables(CohortSummaryTables value) {
        Copy c = new Copy(this);
        c.cohortTables = value;
        return c.build();
    }

    /** This result with every policy valued on the study's secondary outcomes. */
    public MultiArmResult withSecondaryOutcomes(List<RunResult.SecondaryOutcome> value) {
        Copy c = new Copy(this);
        c.secondaryOutcomes = value;
        return c.build();
    }

    /**
     * A copy of a result whose parts the stages fill in after the evaluation (verdict, deferral and later); the
     * parts fixed at evaluation are read from the original.
     */
    private static final class Copy {
        private final MultiArmResult r;
        private Verdict verdict;
        private Insights insights;
        private MultiArmSimulation simulation;
        private MultiArmBalance balance;
        private MultiArmHeterogeneity heterogeneity;
        private MultiArmSensitivity sensitivity;
        private List<MultiArmTreeInfo> policyTrees;
        private MultiArmRefutations refutations;
        private CohortSummaryTables cohortTables;
        private List<RunResult.SecondaryOutcome> secondaryOutcomes;

        Copy(MultiArmResult r) {
            this.r = r;
            verdict = r.verdict;
            insights = r.insights;
            simulation = r.simulation;
            balance = r.balance;
            heterogeneity = r.heterogeneity;
            sensitivity = r.sensitivity;
            policyTrees = r.policyTrees;
            refutations = r.refutations;
            cohortTables = r.cohortTables;
            secondaryOutcomes = r.secondaryOutcomes;
        }

        MultiArmResult build() {
            return new MultiArmResult(r.schemaVersion, r.kind, r.study, r.protocol, r.arms, r.propensity, r.overlap,
                    r.estimators, r.policies, r.selection, verdict, r.provenance, r.dataWarnings, r.deferral, insights,
                    simulation, balance, heterogeneity, sensitivity, policyTrees, refutations, cohortTables,
                    secondaryOutcomes);
        }
    }

    /**
     * @param direction "higher" or "lower": which outcomes are better
     */
    public record Protocol(String question, String decisionTime, String population, String users, String dataFile,
                           String treatmentColumn, String outcomeColumn, String outcomeType, String direction,
                           int rowsRead, int rowsDropped, String dropReason) {
    }

    /**
     * @param index       arm index (0 the reference)
     * @param code        the arm's value in the data
     * @param label       the arm's label
     * @param reference   true for the reference arm
     * @param nTrain      training patients given this arm
     * @param nValidation validation patients given this arm
     * @param nTest       test patients given this arm
     */
    public record Arm(int index, String code, String label, boolean reference, int nTrain, int nValidation,
                      int nTest) {
    }

    /**
     * @param selected name of the model chosen by validation log-loss; its propensities define the overlap set and
     *                 the test-split weights
     * @param models   every model's validation metrics
     */
    public record Propensity(String selected, List<PropensityModel> models) {
        public Propensity {
            models = List.copyOf(models);
        }
    }

    /**
     * @param name         model name
     * @param logLoss      validation multiclass log-loss (mean −log p(t_i | x_i))
     * @param brier        validation multiclass Brier score (mean Σ_a (p_a − 1[t = a])²)
     * @param aurocPerArm  validation one-vs-rest AUROC per arm
     */
    public record PropensityModel(String name, double logLoss, double brier, List<Double> aurocPerArm) {
        public PropensityModel {
            aurocPerArm = List.copyOf(aurocPerArm);
        }
    }

    /**
     * @param eta              the threshold: a patient is inside when every arm's propensity is ≥ eta
     * @param rule             how eta was set, in words
     * @param testOutside      test patients outside the overlap set (every policy but current practice defers them)
     * @param testOutsidePerArm test patients outside, by the arm they were given
     */
    public record Overlap(double eta, String rule, int testOutside, List<Integer> testOutsidePerArm) {
        public Overlap {
            testOutsidePerArm = List.copyOf(testOutsidePerArm);
        }
    }

    /**
     * @param name             estimator name
     * @param meanEffectTest   per arm (reference first, always 0): mean predicted effect against the reference on the
     *                         test split
     */
    public record Estimator(String name, List<Double> meanEffectTest) {
        public Estimator {
            meanEffectTest = List.copyOf(meanEffectTest);
        }
    }

    /**
     * One policy valued on the test split.
     *
     * @param name          policy id
     * @param kind          baseline, learned or consensus
     * @param description   in words
     * @param armShares     per arm: share of test patients recommended it
     * @param deferredShare share of test patients deferred to the clinician
     * @param pointDr       DR value on the whole test split (TRS Eq. 5 with deferral)
     * @param pointIpw      IPW value on the whole test split (NaN when no recommended patient got the recommended arm)
     * @param valueDr       DR value over the bootstrap rounds
     * @param valueIpw      IPW value over the bootstrap rounds
     * @param gainDr        pointDr minus current practice's value (the observed mean outcome on the test split)
     * @param gainLow       2.5 % quantile of the per-round gain over current practice
     * @param gainHigh      97.5 % quantile of the per-round gain
     * @param shareBetter   share of bootstrap rounds in which the policy beats current practice
     */
    public record PolicyValue(PolicyId name, PolicyKind kind, String description, List<Double> armShares,
                              double deferredShare, double pointDr, double pointIpw, RunResult.Summary valueDr,
                              RunResult.Summary valueIpw, double gainDr, double gainLow, double gainHigh,
                              double shareBetter) {
        public PolicyValue {
            armShares = List.copyOf(armShares);
        }
    }

    /**
     * @param scheme   how the policy was chosen ("validation": DR value on the validation split)
     * @param n        validation patients
     * @param selected the chosen learned policy
     * @param values   every learned policy's DR value on the validation split
     */
    public record Selection(String scheme, int n, PolicyId selected, List<SelectionValue> values) {
        public Selection {
            values = List.copyOf(values);
        }
    }

    /** A learned policy's validation DR value. */
    public record SelectionValue(PolicyId policy, double dr) {
    }

    /**
     * @param selected        the policy chosen on validation
     * @param currentPractice current practice's value on the test split (the observed mean outcome)
     * @param value           the selected policy's DR value on the test split
     * @param gain            value − currentPractice
     * @param gainLow         2.5 % bootstrap quantile of the gain
     * @param gainHigh        97.5 % bootstrap quantile of the gain
     * @param shareBetter     share of bootstrap rounds in which the selected policy is better than current practice
     * @param better          true when the whole gain interval lies on the better side of 0
     * @param statement       the finding in one sentence
     */
    public record Verdict(PolicyId selected, double currentPractice, double value, double gain, double gainLow,
                          double gainHigh, double shareBetter, boolean better, String statement) {
    }

    /**
     * Uncertainty-based deferral for K arms (TRS §3.8 with the best-versus-second-best contrast): each estimator's
     * Conservative policy ({@code estimator@conservative}) also defers patients whose interval of
     * tau_best − tau_second contains the decision rule's boundary; its Inclusive policy ({@code estimator@inclusive})
     * is the point rule.
     *
     * @param alphaStat       miscoverage of the intervals (from the α/2 to the 1 − α/2 bootstrap quantile)
     * @param bootstrapRefits B: each estimator refitted on B within-arm bootstrap resamples of the training split (on
     *                        large splits within-arm subsamples, rescaled to the split's size: see the method)
     * @param method          how the intervals were made, in words (subsample refits: per estimator the sizes,
     *                        the estimated rate and the factors the draws were rescaled with)
     * @param policies        per Conservative policy (study order) why its test patients were deferred
     * @param calibration     per estimator the factor its intervals were widened by before they drove deferral, and
     *                        where the factors came from (the feasibility simulation; source "none" without one)
     */
    public record Deferral(double alphaStat, int bootstrapRefits, String method, List<ReasonCounts> policies,
                           DeferralResult.Calibration calibration) {
        public Deferral {
            policies = List.copyOf(policies);
        }
    }

    /**
     * One Conservative policy's decisions on the test split, by reason. The three counts add up to n.
     *
     * @param policy         the Conservative policy
     * @param n              test patients
     * @param outsideOverlap deferred: outside the overlap set
     * @param uncertain      deferred: the interval of the best-minus-second-best contrast contains the boundary
     * @param recommended    given an arm (always the Inclusive policy's arm for that patient)
     * @param pairs          the uncertain deferrals by the two arms the data cannot tell apart, most frequent first
     */
    public record ReasonCounts(PolicyId policy, int n, int outsideOverlap, int uncertain, int recommended,
                               List<PairCount> pairs) {
        public ReasonCounts {
            pairs = List.copyOf(pairs);
            if (outsideOverlap + uncertain + recommended != n) {
                throw new IllegalArgumentException("deferral reason counts do not add up to " + n);
            }
        }
    }

    /**
     * Patients deferred because the data cannot tell two arms apart (arms in analysis order, the reference first).
     *
     * @param armA   code of the first of the two arms
     * @param armB   code of the second
     * @param n      test patients deferred for this pair
     * @param reason in words: "uncertain between 'label A' and 'label B'"
     */
    public record PairCount(String armA, String armB, int n, String reason) {
    }

    /**
     * Policy insights of a K-arm run on the test split (TRS §3.11, App. E), from the evaluation's bootstrap rounds.
     *
     * @param policies             the policies of the win matrices, in the order of {@code policies} above
     * @param rounds               bootstrap rounds
     * @param winShareDr           [row][column]: share of the rounds in which the row policy's DR value is better
     *                             than the column policy's (0 on the diagonal)
     * @param winShareIpw          the same for IPW values (rounds where either value is undefined count for neither)
     * @param selectedPolicy       the policy chosen on validation, described by the outcome tree and the
     *                             recommended arms; null when none was chosen
     * @param outcomeTree          test patients by the arm they received, then by whether the selected policy agreed,
     *                             disagreed or deferred: the root, then per arm its node and the three children
     * @param rankGraphs           per non-reference arm: rank curves of that arm against the reference
     * @param recommendedArms      per arm (reference first): the test patients the selected policy recommends it
     * @param deferred             test patients the selected policy defers
     * @param propensityHistograms per arm: the selected propensity model's P(T = a | x) on the training split, as a
     *                             histogram per observed arm
     */
    public record Insights(List<PolicyId> policies, int rounds, double[][] winShareDr, double[][] winShareIpw,
                           PolicyId selectedPolicy, List<RunResult.OutcomeTreeNode> outcomeTree,
                           List<RankGraph> rankGraphs, List<RecommendedArm> recommendedArms, int deferred,
                           List<PropensityHistogram> propensityHistograms) {
        public Insights {
            policies = List.copyOf(policies);
            outcomeTree = List.copyOf(outcomeTree);
            rankGraphs = List.copyOf(rankGraphs);
            recommendedArms = List.copyOf(recommendedArms);
            propensityHistograms = List.copyOf(propensityHistograms);
        }
    }

    /**
     * Rank graph of one arm against the reference: test patients ranked by each estimator's predicted benefit of
     * the arm (in the outcome's better direction) get the arm when in the top share q, the reference otherwise;
     * DR value per q with a 95 % bootstrap band, and a random ranking ("random") last.
     *
     * @param arm    the arm's code
     * @param label  the arm's label
     * @param curves one per estimator (study order), then the random ranking
     */
    public record RankGraph(String arm, String label, List<RunResult.RankCurve> curves) {
        public RankGraph {
            curves = List.copyOf(curves);
        }
    }

    /**
     * The test patients the selected policy recommends one arm.
     *
     * @param index   arm index (0 the reference)
     * @param code    the arm's code
     * @param label   the arm's label
     * @param n       patients recommended the arm
     * @param share   n over all test patients
     * @param profile table one of these patients (A) against those recommended another arm (B), deferred patients
     *                in neither, and the L1-logistic model of being recommended this arm
     */
    public record RecommendedArm(int index, String code, String label, int n, double share,
                                 org.causalrx.policy.GroupProfile profile) {
    }

    /**
     * Histograms of one arm's generalized propensity P(T = a | x) on the training split, one per observed arm.
     *
     * @param arm           the arm a whose propensity is binned (code)
     * @param label         its label
     * @param byObservedArm per observed arm (reference first)
     */
    public record PropensityHistogram(String arm, String label, List<HistogramSeries> byObservedArm) {
        public PropensityHistogram {
            byObservedArm = List.copyOf(byObservedArm);
        }
    }

    /**
     * @param arm   the observed arm's code
     * @param label its label
     * @param n     training patients given it
     * @param share per equal-width bin of [0, 1] (bin b: [b / bins, (b + 1) / bins)): share of these patients
     */
    public record HistogramSeries(String arm, String label, int n, double[] share) {
    }
}

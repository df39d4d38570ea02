package org.causalrx.study;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.Estimand;
import org.causalrx.result.Arms;

/**
 * A study protocol (TRS §3.1, App. A), read from YAML by {@link StudyLoader} and validated there.
 *
 * @param file          the study file itself (for messages and the study hash)
 * @param name          short name, e.g. "nhefs-death"
 * @param protocol      the question, decision time point, population and users, in words
 * @param data          the data file (CSV or Parquet), resolved against the study file's folder; null for a study
 *                      with a {@code cohort:} block until its wide table is built ({@link #withData})
 * @param idColumn      optional patient identifier column, or null
 * @param treatment     treatment column and arm labels
 * @param outcome       primary outcome
 * @param covariates    declared covariates with roles, in declaration order
 * @param split         train / validation / test fractions
 * @param seed          the one seed from which every stochastic step derives
 * @param overlap       overlap thresholds; either may be null (then chosen from training data)
 * @param bootstrapRounds number of bootstrap rounds for held-out policy values
 * @param ateFolds      folds for the cross-fitted AIPW ATE, or {@link #AUTO_ATE_FOLDS} (the default: chosen by the
 *                      rows the AIPW is fitted on, {@link #ateFolds(long)})
 * @param estimators    CATE estimators whose policies are learned and compared (names from the catalogue;
 *                      "average" / "majority" / "consensus" combine the single estimators listed)
 * @param simulation    optional feasibility simulation run with the study (TRS §3.5), or null
 * @param analyses      further evaluations of the learned policies (secondary outcomes, evaluation outcome,
 *                      outcome trees, vulnerable groups); {@link Analyses#NONE} when the study asks for none
 * @param deferral      uncertainty-based deferral settings (TRS Eq. 4, §3.8), or null for overlap-only deferral
 *                      (one deferral set, policy names without suffixes; what simulated runs use)
 * @param estimands     the average effects estimated by cross-fitted AIPW over the whole cohort ({@code ate:
 *                      estimands}), in the study's order; [ATE] when not given
 * @param policyEvaluation which policy-value schemes run beside the test split ({@link PolicyEvaluation#OFF}:
 *                      the test split only)
 * @param policy        the decision rule's default arm and margin (TRS §3.10); null reads as {@link Policy#DEFAULT}
 * @param estimatorSpecs the {@code estimators} entries with their hyperparameters, one per name of
 *                      {@code estimators} in the same order; null reads as the names with default settings
 * @param groupColumn   the patient column when one patient may have several rows (stays), or null: splits keep a
 *                      patient's rows on one side
 * @param preconditions the minimum numbers of patients the analysis needs (TRS §3.1), or null for no such check
 * @param refutation    whether and with how many draws the run refutes its average effects; null reads as
 *                      {@link RefutationSettings#DEFAULT}
 * @param bootstrapEngine the engine of the held-out bootstrap ({@code bootstrap: {engine: ...}}); null reads as
 *                      {@link org.causalrx.policy.BootstrapEngine#AUTO}
 */
public record Study(Path file, String name, Protocol protocol, Path data, String idColumn, Treatment treatment,
                    Outcome outcome, List<Covariate> covariates, Split split, long seed, Overlap overlap,
                    int bootstrapRounds, int ateFolds, List<String> estimators, Simulation simulation,
                    Analyses analyses, Deferral deferral, List<Estimand> estimands,
                    PolicyEvaluation policyEvaluation, Policy policy, List<EstimatorSpec> estimatorSpecs,
                    String groupColumn, Preconditions preconditions, RefutationSettings refutation,
                    org.causalrx.policy.BootstrapEngine bootstrapEngine) {
    /** {@code ate.folds: auto} (the default): 5 folds below {@link #LARGE_ATE_ROWS} rows, 2 from there on. */
    public static final int AUTO_ATE_FOLDS = org.causalrx.causal.CrossFit.AUTO;
    /** Rows from which the automatic ATE cross-fitting uses 2 folds instead of 5 ({@code CrossFit.LARGE_ROWS}). */
    public static final int LARGE_ATE_ROWS = org.causalrx.causal.CrossFit.LARGE_ROWS;

    /** Estimators of a study that does not list any: the three T-learners. */
    public static final List<String> DEFAULT_ESTIMATORS = List.of("t_xgboost", "t_ridge", "t_lasso");

    public Study {
        covariates = List.copyOf(covariates);
        estimators = List.copyOf(estimators);
        analyses = analyses == null ? Analyses.NONE : analyses;
        estimands = estimands == null || estimands.isEmpty() ? List.of(Estimand.ATE) : List.copyOf(estimands);
        policyEvaluation = policyEvaluation == null ? PolicyEvaluation.OFF : policyEvaluation;
        policy = policy == null ? Policy.DEFAULT : policy;
        refutation = refutation == null ? RefutationSettings.DEFAULT : refutation;
        bootstrapEngine = bootstrapEngine == null ? org.causalrx.policy.BootstrapEngine.AUTO : bootstrapEngine;
        estimatorSpecs = estimatorSpecs == null ? estimators.stream().map(EstimatorSpec::of).toList()
                : List.copyOf(estimatorSpecs);
        if (!estimatorSpecs.stream().map(EstimatorSpec::name).toList().equals(estimators)) {
            throw new IllegalArgumentException("estimator specs " + estimatorSpecs + " do not match the names "
                    + estimators);
        }
    }

    /** A study whose held-out bootstrap engine is chosen by the test split's size ({@code engine: auto}). */
    public Study(Path file, String name, Protocol protocol, Path data, String idColumn, Treatment treatment,
                 Outcome outcome, List<Covariate> covariates, Split split, long seed, Overlap overlap,
                 int bootstrapRounds, int ateFolds, List<String> estimators, Simulation simulation,
                 Analyses analyses, Deferral deferral, List<Estimand> estimands,
                 PolicyEvaluation policyEvaluation, Policy policy, List<EstimatorSpec> estimatorSpecs,
                 String groupColumn, Preconditions preconditions, RefutationSettings refutation) {
        this(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, seed, overlap,
                bootstrapRounds, ateFolds, estimators, simulation, analyses, deferral, estimands, policyEvaluation,
                policy, estimatorSpecs, groupColumn, preconditions, refutation, null);
    }

    /** A study that refutes its average effects with the default draws. */
    public Study(Path file, String name, Protocol protocol, Path data, String idColumn, Treatment treatment,
                 Outcome outcome, List<Covariate> covariates, Split split, long seed, Overlap overlap,
                 int bootstrapRounds, int ateFolds, List<String> estimators, Simulation simulation,
                 Analyses analyses, Deferral deferral, List<Estimand> estimands,
                 PolicyEvaluation policyEvaluation, Policy policy, List<EstimatorSpec> estimatorSpecs,
                 String groupColumn, Preconditions preconditions) {
        this(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, seed, overlap,
                bootstrapRounds, ateFolds, estimators, simulation, analyses, deferral, estimands, policyEvaluation,
                policy, estimatorSpecs, groupColumn, preconditions, null);
    }

    /** A study without a group column or preconditions. */
    public Study(Path file, String name, Protocol protocol, Path data, String idColumn, Treatment treatment,
                 Outcome outcome, List<Covariate> covariates, Split split, long seed, Overlap overlap,
                 int bootstrapRounds, int ateFolds, List<String> estimators, Simulation simulation,
                 Analyses analyses, Deferral deferral, List<Estimand> estimands,
                 PolicyEvaluation policyEvaluation, Policy policy, List<EstimatorSpec> estimatorSpecs) {
        this(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, seed, overlap,
                bootstrapRounds, ateFolds, estimators, simulation, analyses, deferral, estimands, policyEvaluation,
                policy, estimatorSpecs, null, null);
    }

    /** A study whose estimators use their default settings. */
    public Study(Path file, String name, Protocol protocol, Path data, String idColumn, Treatment treatment,
                 Outcome outcome, List<Covariate> covariates, Split split, long seed, Overlap overlap,
                 int bootstrapRounds, int ateFolds, List<String> estimators, Simulation simulation,
                 Analyses analyses, Deferral deferral, List<Estimand> estimands,
                 PolicyEvaluation policyEvaluation, Policy policy) {
        this(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, seed, overlap,
                bootstrapRounds, ateFolds, estimators, simulation, analyses, deferral, estimands, policyEvaluation,
                policy, null);
    }

    /**
     * A study whose cross-fitted AIPW estimates the ATE only, whose policies are valued on the test split only, with
     * the default decision rule.
     */
    public Study(Path file, String name, Protocol protocol, Path data, String idColumn, Treatment treatment,
                 Outcome outcome, List<Covariate> covariates, Split split, long seed, Overlap overlap,
                 int bootstrapRounds, int ateFolds, List<String> estimators, Simulation simulation,
                 Analyses analyses, Deferral deferral) {
        this(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, seed, overlap,
                bootstrapRounds, ateFolds, estimators, simulation, analyses, deferral, null, PolicyEvaluation.OFF,
                Policy.DEFAULT);
    }

    /** A study without further analyses (the form used before {@link Analyses} existed). */
    public Study(Path file, String name, Protocol protocol, Path data, String idColumn, Treatment treatment,
                 Outcome outcome, List<Covariate> covariates, Split split, long seed, Overlap overlap,
                 int bootstrapRounds, int ateFolds, List<String> estimators, Simulation simulation) {
        this(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, seed, overlap,
                bootstrapRounds, ateFolds, estimators, simulation, Analyses.NONE, null);
    }

    /** A study without uncertainty-based deferral (overlap only). */
    public Study(Path file, String name, Protocol protocol, Path data, String idColumn, Treatment treatment,
                 Outcome outcome, List<Covariate> covariates, Split split, long seed, Overlap overlap,
                 int bootstrapRounds, int ateFolds, List<String> estimators, Simulation simulation,
                 Analyses analyses) {
        this(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, seed, overlap,
                bootstrapRounds, ateFolds, estimators, simulation, analyses, null);
    }

    /**
     * The ATE's cross-fitting folds for an AIPW fitted on {@code rows} rows: the study's {@code ate.folds}, or when
     * automatic 5 below {@link #LARGE_ATE_ROWS} rows and 2 from there on.
     */
    public int ateFolds(long rows) {
        return org.causalrx.causal.CrossFit.folds(ateFolds, rows);
    }

    /** A copy whose ATE cross-fits {@code folds} folds ({@link #AUTO_ATE_FOLDS}: by the rows). */
    public Study withAteFolds(int folds) {
        return new Study(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, seed, overlap,
                bootstrapRounds, folds, estimators, simulation, analyses, deferral, estimands, policyEvaluation,
                policy, estimatorSpecs, groupColumn, preconditions, refutation, bootstrapEngine);
    }

    /** A copy with another seed and number of bootstrap rounds (command-line overrides, seed-stability tests). */
    public Study withSeedAndRounds(long newSeed, int rounds) {
        return new Study(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, newSeed, overlap,
                rounds, ateFolds, estimators, simulation, analyses, deferral, estimands, policyEvaluation,
                policy, estimatorSpecs, groupColumn,
                preconditions, refutation, bootstrapEngine);
    }

    /** A copy whose outcome is {@code other} (e.g. the derived evaluation outcome, for valuing policies). */
    public Study withOutcome(Outcome other) {
        return new Study(file, name, protocol, data, idColumn, treatment, other, covariates, split, seed, overlap,
                bootstrapRounds, ateFolds, estimators, simulation, analyses, deferral, estimands, policyEvaluation,
                policy, estimatorSpecs, groupColumn,
                preconditions, refutation, bootstrapEngine);
    }

    /** A copy reading its data from {@code file} (the wide table a {@code cohort:} block built). */
    public Study withData(Path file) {
        return new Study(this.file, name, protocol, file, idColumn, treatment, outcome, covariates, split, seed,
                overlap, bootstrapRounds, ateFolds, estimators, simulation, analyses, deferral, estimands,
                policyEvaluation, policy, estimatorSpecs, groupColumn,
                preconditions, refutation, bootstrapEngine);
    }

    /** A copy whose rows are grouped by {@code column} (null: each row its own patient). */
    public Study withGroupColumn(String column) {
        return new Study(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, seed, overlap,
                bootstrapRounds, ateFolds, estimators, simulation, analyses, deferral, estimands, policyEvaluation,
                policy, estimatorSpecs, column, preconditions, refutation, bootstrapEngine);
    }

    /** A copy with other deferral settings (null: overlap only). */
    public Study withDeferral(Deferral d) {
        return new Study(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, seed, overlap,
                bootstrapRounds, ateFolds, estimators, simulation, analyses, d, estimands, policyEvaluation, policy,
                estimatorSpecs, groupColumn,
                preconditions, refutation, bootstrapEngine);
    }

    /** A copy whose held-out bootstrap runs on {@code engine}. */
    public Study withBootstrapEngine(org.causalrx.policy.BootstrapEngine engine) {
        return new Study(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, seed, overlap,
                bootstrapRounds, ateFolds, estimators, simulation, analyses, deferral, estimands, policyEvaluation,
                policy, estimatorSpecs, groupColumn, preconditions, refutation, engine);
    }

    /** A copy with other refutation settings. */
    public Study withRefutation(RefutationSettings r) {
        return new Study(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, seed, overlap,
                bootstrapRounds, ateFolds, estimators, simulation, analyses, deferral, estimands, policyEvaluation,
                policy, estimatorSpecs, groupColumn, preconditions, r, bootstrapEngine);
    }

    /** A copy with another decision rule (default arm, margin). */
    public Study withPolicy(Policy p) {
        return new Study(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, seed, overlap,
                bootstrapRounds, ateFolds, estimators, simulation, analyses, deferral, estimands,
                policyEvaluation, p, estimatorSpecs, groupColumn,
                preconditions, refutation, bootstrapEngine);
    }

    /** The decision rule every policy of the run applies: this study's default arm and margin, outcome direction. */
    public org.causalrx.policy.DecisionRule decisionRule() {
        return new org.causalrx.policy.DecisionRule(policy.defaultArm(), policy.margin(), outcome.sign());
    }

    /**
     * The study's {@code policy:} block (TRS §3.10): keep the default arm unless the other arm's predicted benefit
     * exceeds the margin (see {@link org.causalrx.policy.DecisionRule}).
     *
     * @param defaultArm 0 (the control arm) or 1 (the treated arm)
     * @param margin     clinically relevant margin δ ≥ 0, in outcome units
     */
    public record Policy(int defaultArm, double margin) {
        /** Default arm control, margin 0: the plain sign rule. */
        public static final Policy DEFAULT = new Policy(0, 0.0);

        public Policy {
            if (defaultArm != 0 && defaultArm != 1) {
                throw new IllegalArgumentException("policy default arm must be 0 (control) or 1 (treated), got "
                        + defaultArm);
            }
            if (!(margin >= 0) || Double.isInfinite(margin)) {
                throw new IllegalArgumentException("policy margin must be a finite number >= 0, got " + margin);
            }
        }
    }

    /**
     * The study's {@code deferral:} block (METHOD step 8–9): the Conservative set defers where the joint interval
     * of the CATE at (alphaStat, lambda) contains 0; the sweep repeats that over a grid.
     *
     * @param alphaStat       statistical level, 0 &lt; alphaStat &lt; 1 (intervals of nominal coverage 1 − alphaStat)
     * @param lambda          marginal-sensitivity parameter Lambda ≥ 1 of the causal bounds
     * @param bootstrapRefits B bootstrap refits behind meta-learner intervals, 2..1000
     * @param sweepAlpha      alpha_stat values of the sweep grid (each in (0, 1))
     * @param sweepLambda     Lambda values of the sweep grid (each ≥ 1)
     * @param refitRows       m, rows per subsample refit on training splits of at least 2m rows; 0: the automatic
     *                        rule max(20,000, n^0.75) ({@code causal.uncertainty.Subsample})
     */
    public record Deferral(double alphaStat, double lambda, int bootstrapRefits, List<Double> sweepAlpha,
                           List<Double> sweepLambda, int refitRows) {
        public Deferral {
            sweepAlpha = List.copyOf(sweepAlpha);
            sweepLambda = List.copyOf(sweepLambda);
            if (!(alphaStat > 0 && alphaStat < 1) || !(lambda >= 1) || Double.isInfinite(lambda)
                    || bootstrapRefits < 2 || bootstrapRefits > 1000 || refitRows < 0
                    || sweepAlpha.stream().anyMatch(a -> !(a > 0 && a < 1))
                    || sweepLambda.stream().anyMatch(l -> !(l >= 1) || Double.isInfinite(l))) {
                throw new IllegalArgumentException("invalid deferral settings: " + this);
            }
        }

        /** Refit rows chosen by {@code Subsample.autoRows} (refitRows 0). */
        public Deferral(double alphaStat, double lambda, int bootstrapRefits, List<Double> sweepAlpha,
                        List<Double> sweepLambda) {
            this(alphaStat, lambda, bootstrapRefits, sweepAlpha, sweepLambda, 0);
        }

        /** alpha_stat 0.05, Lambda 1.5, 20 refits; sweep {0.05, 0.1, 0.2, 0.5} × {1, 1.25, 1.5, 2, 3}. */
        public static Deferral defaults() {
            return new Deferral(0.05, 1.5, 20, List.of(0.05, 0.1, 0.2, 0.5), List.of(1.0, 1.25, 1.5, 2.0, 3.0));
        }
    }

    /** A copy whose estimators carry these params (the same names in the same order). */
    public Study withEstimatorSpecs(List<EstimatorSpec> specs) {
        return new Study(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, seed, overlap,
                bootstrapRounds, ateFolds, estimators, simulation, analyses, deferral, estimands, policyEvaluation,
                policy, specs, groupColumn, preconditions, refutation, bootstrapEngine);
    }

    /** A copy with other policy-evaluation settings. */
    public Study withPolicyEvaluation(PolicyEvaluation p) {
        return new Study(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, seed, overlap,
                bootstrapRounds, ateFolds, estimators, simulation, analyses, deferral, estimands, p, policy,
                estimatorSpecs, groupColumn,
                preconditions, refutation, bootstrapEngine);
    }

    /**
     * The study's {@code policy_evaluation:} block. The test-split values (paper App. D) are always computed;
     * with {@code crossFit} the policies are also valued over every cohort patient by cross-fitted doubly robust
     * scores, each fold's policies learned on the other folds (this refits every estimator {@code folds} times).
     *
     * @param crossFit also value the policies by cross-fitting
     * @param folds    folds of that scheme, 2..20
     * @param plugIn   the T-learner whose per-arm outcome models are the DR plug-ins mu_0, mu_1 (TRS App. D) of the
     *                 held-out values, the cross-fitted values and the AIPW ATE; null reads as
     *                 {@link #DEFAULT_PLUG_IN}
     */
    public record PolicyEvaluation(boolean crossFit, int folds, String plugIn) {
        /** The DR plug-in outcome model when the study names none: XGBoost per arm. */
        public static final String DEFAULT_PLUG_IN = "t_xgboost";
        /** The test split only (5 folds should cross-fitting be turned on), XGBoost plug-in. */
        public static final PolicyEvaluation OFF = new PolicyEvaluation(false, 5);

        public PolicyEvaluation {
            if (folds < 2 || folds > 20) {
                throw new IllegalArgumentException("policy-evaluation folds must be 2..20, got " + folds);
            }
            plugIn = plugIn == null ? DEFAULT_PLUG_IN : plugIn;
        }

        /** With the default plug-in. */
        public PolicyEvaluation(boolean crossFit, int folds) {
            this(crossFit, folds, null);
        }
    }

    /** App. A: what decision, when, for whom, used by whom. Free text; empty strings allowed. */
    public record Protocol(String question, String decisionTime, String population, String users) {
    }

    /**
     * The treatment: its column and its K ≥ 2 arms in analysis order (the reference arm first; see {@link Arms}).
     *
     * @param column name of the treatment column
     * @param arms   arm codes (as text in the data, e.g. "0", "1") and labels, reference first
     */
    public record Treatment(String column, Arms arms) {
        /** Two arms: {@code labels} maps each code to its label; {@code controlCode} is the reference. */
        public Treatment(String column, Map<String, String> labels, String controlCode, String treatedCode) {
            this(column, new Arms(List.of(controlCode, treatedCode),
                    List.of(labels.getOrDefault(controlCode, controlCode), labels.getOrDefault(treatedCode,
                            treatedCode))));
        }

        /** The label of an arm code, or the code itself when it is not an arm. */
        public String label(String code) {
            int a = arms.indexOf(code);
            return a < 0 ? code : arms.label(a);
        }

        /** Number of arms K. */
        public int size() {
            return arms.size();
        }

        /** True for a two-arm study (control and treated). */
        public boolean binary() {
            return arms.size() == 2;
        }

        /** The reference arm's code (the control of a two-arm study). */
        public String controlCode() {
            return arms.code(Arms.REFERENCE);
        }

        /** The code of arm 1 (the treated arm of a two-arm study). */
        public String treatedCode() {
            return arms.code(1);
        }
    }

    /**
     * CATEGORICAL: K classes coded 0..K−1 (or declared {@code classes:} labels, mapped to codes in order). Policy
     * values and the sign rule use the class code as an ordinal score (expected class value) with the study's
     * direction; the neural estimators fit per-class heads.
     */
    /** The outcome's type; written to results.json in lower case ("continuous", "binary", "categorical"). */
    public enum OutcomeType {
        CONTINUOUS, BINARY, CATEGORICAL;

        /** The lower-case name used in the study file and results.json. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Which outcome values are better; written to results.json in lower case ("higher", "lower"). */
    public enum Direction {
        HIGHER, LOWER;

        /** The lower-case name used in the study file and results.json. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum MissingOutcome { ERROR, DROP }

    /**
     * @param classes categorical outcomes only: class labels as written in the data, in code order (label k ↦
     *                code k); empty when the column already holds the codes 0..K−1 (and for other types)
     */
    public record Outcome(String column, OutcomeType type, Direction direction, MissingOutcome missing,
                          List<String> classes) {
        public Outcome {
            classes = classes == null ? List.of() : List.copyOf(classes);
            if (!classes.isEmpty() && type != OutcomeType.CATEGORICAL) {
                throw new IllegalArgumentException("outcome classes are only for categorical outcomes");
            }
        }

        /** An outcome without class labels. */
        public Outcome(String column, OutcomeType type, Direction direction, MissingOutcome missing) {
            this(column, type, direction, missing, List.of());
        }

        /** +1 when higher is better, −1 when lower is better. */
        public int sign() {
            return direction == Direction.HIGHER ? 1 : -1;
        }
    }

    public enum ValueType { NUMERIC, CATEGORICAL }

    /**
     * @param name    column name
     * @param role    App. B role
     * @param type    numeric or categorical; null means inferred from the data (text → categorical)
     * @param squared also add the square of this numeric covariate (e.g. the NHEFS book model)
     * @param reason  optional free-text reason for the role, shown in the report
     */
    public record Covariate(String name, CovariateRole role, ValueType type, boolean squared, String reason) {
    }

    public record Split(double train, double validation, double test) {
    }

    public record Overlap(Double etaLow, Double etaHigh) {
    }

    /**
     * The study's feasibility simulation block.
     *
     * @param forms  "linear" and / or "tree"
     * @param lambda Algorithm 1's lambda in [0, 1]
     * @param effect mean |CATE| in outcome units, or null for half the outcome's SD
     * @param seeds  simulated data sets per form
     * @param rounds bootstrap rounds of each simulated run
     */
    public record Simulation(List<String> forms, double lambda, Double effect, int seeds, int rounds) {
        public Simulation {
            forms = List.copyOf(forms);
        }
    }

    /**
     * Further evaluations of the policies learned on the primary outcome (TRS §3.9, §3.11).
     *
     * @param secondaryOutcomes  outcomes each policy is also evaluated on (held-out IPW and DR), in study order
     * @param evaluationOutcome  a derived outcome the policies are valued on instead of the modelled one, or null
     * @param outcomeTrees       policies whose outcome tree is drawn: empty = the selected policy only, ["all"] =
     *                           every policy, otherwise the named policies
     * @param vulnerableGroups   columns whose groups are checked for unequal deferral and overlap (§3.9)
     * @param margin             a group is flagged when its share differs from the rest's by more than this
     */
    public record Analyses(List<Outcome> secondaryOutcomes, EvaluationOutcome evaluationOutcome,
                           List<String> outcomeTrees, List<String> vulnerableGroups, double margin) {
        /** No further analyses; margin 0.10. */
        public static final Analyses NONE = new Analyses(List.of(), null, List.of(), List.of(), 0.10);

        public Analyses {
            secondaryOutcomes = List.copyOf(secondaryOutcomes);
            outcomeTrees = List.copyOf(outcomeTrees);
            vulnerableGroups = List.copyOf(vulnerableGroups);
            if (!(margin > 0 && margin < 1)) {
                throw new IllegalArgumentException("vulnerable-group margin must be in (0, 1), got " + margin);
            }
        }
    }

    /**
     * A derived outcome on which policies are valued (e.g. the paper's RTB from modelled creatinine).
     *
     * @param name      short name, e.g. "rtb"
     * @param formula   arithmetic over data columns, parsed by {@code org.causalrx.expr.Expression}
     * @param direction which values are better
     * @param missing   rows where the formula has no finite value: error (listing them) or drop from evaluation
     */
    public record EvaluationOutcome(String name, String formula, Direction direction, MissingOutcome missing) {
        /** +1 when higher is better, −1 when lower is better. */
        public int sign() {
            return direction == Direction.HIGHER ? 1 : -1;
        }
    }

    /**
     * The study's {@code preconditions:} (TRS §3.1): below these counts of analysis patients the run stops before any
     * fit, because an effect estimated from so few would not mean anything.
     *
     * @param minPatients patients (distinct groups, else rows) the analysis cohort needs, ≥ 1
     * @param minPerArm   patients each arm needs, ≥ 1
     */
    public record Preconditions(int minPatients, int minPerArm) {
        /** What a study with a {@code cohort:} block gets unless it says otherwise. */
        public static final Preconditions COHORT_DEFAULT = new Preconditions(100, 30);

        public Preconditions {
            if (minPatients < 1 || minPerArm < 1) {
                throw new IllegalArgumentException("preconditions need positive counts, got " + minPatients + ", "
                        + minPerArm);
            }
        }
    }
}

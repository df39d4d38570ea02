package org.causalrx.study;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A study protocol (TRS §3.1, App. A), read from YAML by {@link StudyLoader} and validated there.
 *
 * @param file          the study file itself (for messages and the study hash)
 * @param name          short name, e.g. "nhefs-death"
 * @param protocol      the question, decision time point, population and users, in words
 * @param data          the data file (CSV or Parquet), resolved against the study file's folder
 * @param idColumn      optional patient identifier column, or null
 * @param treatment     treatment column and arm labels
 * @param outcome       primary outcome
 * @param covariates    declared covariates with roles, in declaration order
 * @param split         train / validation / test fractions
 * @param seed          the one seed from which every stochastic step derives
 * @param overlap       overlap thresholds; either may be null (then chosen from training data)
 * @param bootstrapRounds number of bootstrap rounds for held-out policy values
 * @param ateFolds      folds for the cross-fitted AIPW ATE
 * @param estimators    CATE estimators whose policies are learned and compared (names from the catalogue;
 *                      "average" / "majority" / "consensus" combine the single estimators listed)
 * @param simulation    optional feasibility simulation run with the study (TRS §3.5), or null
 * @param analyses      further evaluations of the learned policies (secondary outcomes, evaluation outcome,
 *                      outcome trees, vulnerable groups); {@link Analyses#NONE} when the study asks for none
 */
public record Study(Path file, String name, Protocol protocol, Path data, String idColumn, Treatment treatment,
                    Outcome outcome, List<Covariate> covariates, Split split, long seed, Overlap overlap,
                    int bootstrapRounds, int ateFolds, List<String> estimators, Simulation simulation,
                    Analyses analyses) {
    /** Estimators of a study that does not list any: the three T-learners. */
    public static final List<String> DEFAULT_ESTIMATORS = List.of("t_xgboost", "t_ridge", "t_lasso");

    public Study {
        covariates = List.copyOf(covariates);
        estimators = List.copyOf(estimators);
        analyses = analyses == null ? Analyses.NONE : analyses;
    }

    /** A study without further analyses (the form used before {@link Analyses} existed). */
    public Study(Path file, String name, Protocol protocol, Path data, String idColumn, Treatment treatment,
                 Outcome outcome, List<Covariate> covariates, Split split, long seed, Overlap overlap,
                 int bootstrapRounds, int ateFolds, List<String> estimators, Simulation simulation) {
        this(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, seed, overlap,
                bootstrapRounds, ateFolds, estimators, simulation, Analyses.NONE);
    }

    /** A copy with another seed and number of bootstrap rounds (command-line overrides, seed-stability tests). */
    public Study withSeedAndRounds(long newSeed, int rounds) {
        return new Study(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, newSeed, overlap,
                rounds, ateFolds, estimators, simulation, analyses);
    }

    /** A copy whose outcome is {@code other} (e.g. the derived evaluation outcome, for valuing policies). */
    public Study withOutcome(Outcome other) {
        return new Study(file, name, protocol, data, idColumn, treatment, other, covariates, split, seed, overlap,
                bootstrapRounds, ateFolds, estimators, simulation, analyses);
    }

    /** App. A: what decision, when, for whom, used by whom. Free text; empty strings allowed. */
    public record Protocol(String question, String decisionTime, String population, String users) {
    }

    /**
     * @param column name of the treatment column (binary)
     * @param arms   arm code (as text in the data, e.g. "0", "1") → label, in order control, treated
     * @param treatedCode the code counted as "treated" (t = 1)
     */
    public record Treatment(String column, Map<String, String> arms, String controlCode, String treatedCode) {
        public Treatment {
            arms = Map.copyOf(arms);
        }

        public String label(String code) {
            return arms.getOrDefault(code, code);
        }
    }

    public enum OutcomeType { CONTINUOUS, BINARY }

    public enum Direction { HIGHER, LOWER }

    public enum MissingOutcome { ERROR, DROP }

    public record Outcome(String column, OutcomeType type, Direction direction, MissingOutcome missing) {
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
}

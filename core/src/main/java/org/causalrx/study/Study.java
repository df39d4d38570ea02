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
 */
public record Study(Path file, String name, Protocol protocol, Path data, String idColumn, Treatment treatment,
                    Outcome outcome, List<Covariate> covariates, Split split, long seed, Overlap overlap,
                    int bootstrapRounds, int ateFolds, List<String> estimators, Simulation simulation) {
    /** Estimators of a study that does not list any: the three T-learners. */
    public static final List<String> DEFAULT_ESTIMATORS = List.of("t_xgboost", "t_ridge", "t_lasso");

    public Study {
        covariates = List.copyOf(covariates);
        estimators = List.copyOf(estimators);
    }

    /** A copy with another seed and number of bootstrap rounds (command-line overrides, seed-stability tests). */
    public Study withSeedAndRounds(long newSeed, int rounds) {
        return new Study(file, name, protocol, data, idColumn, treatment, outcome, covariates, split, newSeed, overlap,
                rounds, ateFolds, estimators, simulation);
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
}

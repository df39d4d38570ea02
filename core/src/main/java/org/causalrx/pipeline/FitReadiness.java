package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.data.Column;
import org.causalrx.data.SplitIndices;
import org.causalrx.learn.Folds;
import org.causalrx.study.Cohort;
import org.causalrx.study.CovariatePlan;
import org.causalrx.study.Study;
import org.causalrx.util.CausalRxException;
import org.causalrx.util.Seeds;

/**
 * The checks every run passes before any model is fitted, shared by {@code causalrx check} and {@code run}: the
 * estimator names, an outcome that varies (overall and, for a binary outcome, within each arm of every training
 * set the run will use), numbers inside the float32 range the gradient-boosting library works in, and enough
 * rows per arm in each split and cross-fitting fold. Problems that would stop a fit are thrown as one line;
 * problems a fit survives are returned as {@link DataWarnings}.
 */
public final class FitReadiness {
    /** Rows of each arm the training split needs (a T-learner is fit per arm). */
    public static final int MIN_TRAIN_PER_ARM = 5;
    /** Rows of each arm the test split (and a non-empty validation split) needs to value a policy. */
    public static final int MIN_HELD_OUT_PER_ARM = 2;
    /** Rows of each arm every cross-fitting fold needs. */
    public static final int MIN_FOLD_PER_ARM = 2;
    /** Largest magnitude a float32 holds; XGBoost refuses larger values. */
    public static final double FLOAT32_MAX = Float.MAX_VALUE;

    private FitReadiness() {
    }

    /**
     * Checks {@code cohort} (built from {@code study}'s data) for everything a fit needs.
     *
     * @return the warnings (never null); the caller prints them and puts them in the report
     * @throws CausalRxException one line naming the file, the column or arm, the rows at fault, and a fix
     */
    public static List<String> check(Study study, Cohort cohort) {
        return check(study, cohort, org.causalrx.estimators.EstimatorRegistry.load());
    }

    /** As above, checking the study's estimators against {@code registry}. */
    public static List<String> check(Study study, Cohort cohort, org.causalrx.estimators.EstimatorRegistry registry) {
        CateStage.validate(study, registry);
        String file = study.data() == null ? "the data" : study.data().getFileName().toString();
        String studyFile = study.file() == null ? "the study file" : study.file().getFileName().toString();
        int[] t = cohort.treatment();
        double[] y = cohort.outcome();
        int[] src = cohort.sourceRows();
        String[] labels = study.treatment().arms().labels().toArray(String[]::new);
        String yName = study.outcome().column();
        if (study.outcome().type() != Study.OutcomeType.CATEGORICAL) {
            float32(file, "outcome column '" + yName + "'", y, src, false);
        }
        for (CovariatePlan c : cohort.plan()) {
            if (c.kept() && c.type() == Study.ValueType.NUMERIC
                    && cohort.covariates().column(c.name()) instanceof Column.Numeric num) {
                boolean squared = study.covariates().stream().anyMatch(s -> s.name().equals(c.name()) && s.squared());
                float32(file, "column '" + c.name() + "'", num.toArray(), src, squared);
            }
        }
        PreconditionsCheck.check(study, cohort, file, studyFile);
        constantOutcome(file, yName, y, src, t, labels);
        rowCounts(study, file, studyFile, t, labels);
        if (study.outcome().type() == Study.OutcomeType.BINARY) {
            long seed = study.seed();
            SplitIndices split = CohortSplits.of(study, cohort, seed);
            bothClasses(file, yName, y, t, split.train(), labels, "the training split", studyFile,
                    "a larger training share under split: in " + studyFile);
            long foldSeed = Seeds.derive(Seeds.derive(seed, "ate"), "aipw-folds");
            int ateFolds = study.ateFolds(y.length);
            int[] fold = Folds.assignGrouped(y.length, ateFolds, t, cohort.groupIndex(), foldSeed);
            for (int f = 0; f < ateFolds; f++) {
                bothClasses(file, yName, y, t, Folds.rows(fold, f, false), labels, "the training rows of "
                        + "cross-fitting fold " + (f + 1) + " of " + ateFolds + " (ate.folds)", studyFile,
                        "fewer folds under ate.folds in " + studyFile);
            }
        }
        return DataWarnings.of(study, cohort);
    }

    private static void float32(String file, String what, double[] v, int[] src, boolean squared) {
        double limit = squared ? Math.sqrt(FLOAT32_MAX) : FLOAT32_MAX;
        List<Integer> bad = new ArrayList<>();
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(v[i]) > limit) {
                bad.add(i);
            }
        }
        if (bad.isEmpty()) {
            return;
        }
        StringBuilder rows = new StringBuilder();
        for (int k = 0; k < Math.min(5, bad.size()); k++) {
            rows.append(k > 0 ? ", " : "").append(src[bad.get(k)] + 1).append(": ").append(v[bad.get(k)]);
        }
        throw new CausalRxException(file + ": " + what + " has " + bad.size() + (bad.size() == 1 ? " value" : " values")
                + " beyond " + (squared ? "±1.8e19 (squared: true, so its square" : "±3.4e38 (the float32 range")
                + " the models compute in) (" + (bad.size() == 1 ? "row " : "rows ") + rows
                + (bad.size() > 5 ? ", …" : "") + "); fix those cells or "
                + "rescale the column (e.g. divide by 1000)");
    }

    private static void constantOutcome(String file, String yName, double[] y, int[] src, int[] t, String[] labels) {
        if (y.length > 0 && java.util.Arrays.stream(y).allMatch(v -> v == y[0])) {
            throw new CausalRxException(file + ": outcome column '" + yName + "' is constant (all " + y.length
                    + " analysis rows are " + num(y[0]) + ", rows " + (src[0] + 1) + "-" + (src[src.length - 1] + 1)
                    + "); an effect on it cannot be estimated: choose an outcome that varies between patients");
        }
    }

    private static void rowCounts(Study study, String file, String studyFile, int[] t, String[] labels) {
        Study.Split s = study.split();
        for (int arm = 0; arm < labels.length; arm++) {
            int n = 0;
            for (int v : t) {
                n += v == arm ? 1 : 0;
            }
            // the same cut as Splits.stratified: rounded shares, the test split takes the remainder
            int nTrain = (int) Math.round(s.train() * n);
            int nVal = (int) Math.round(s.validation() * n);
            int nTest = n - nTrain - nVal;
            String where = file + ": arm '" + labels[arm] + "' has " + n + " patients, ";
            if (nTrain < MIN_TRAIN_PER_ARM) {
                throw new CausalRxException(where + "so the training split (train: " + share(s.train()) + ") gets "
                        + nTrain + " of them; at least " + MIN_TRAIN_PER_ARM
                        + " per arm are needed: use more data or a "
                        + "larger "
                        + "train share under split: in " + studyFile);
            }
            if (s.validation() > 0 && nVal < MIN_HELD_OUT_PER_ARM) {
                throw new CausalRxException(where + "so the validation split (validation: " + share(s.validation())
                        + ") gets " + nVal + " of them; at least " + MIN_HELD_OUT_PER_ARM + " per arm are needed: use "
                        + "more data or a larger validation share under split: in " + studyFile);
            }
            if (nTest < MIN_HELD_OUT_PER_ARM) {
                throw new CausalRxException(where + "so the test split (test: " + share(s.test()) + ") gets "
                        + nTest + " of them; at least " + MIN_HELD_OUT_PER_ARM + " per arm are needed to value a "
                        + "policy: use "
                        + "more data or a larger test share under split: in " + studyFile);
            }
            folds(where, "ate.folds", study.ateFolds(t.length), n, studyFile);
            if (study.policyEvaluation().crossFit()) {
                folds(where, "policy_evaluation folds", study.policyEvaluation().folds(), n, studyFile);
            }
        }
    }

    private static void folds(String where, String key, int k, int n, String studyFile) {
        if (n < MIN_FOLD_PER_ARM * k) {
            throw new CausalRxException(where + "too few for " + k + " cross-fitting folds (" + key + "), which need "
                    + MIN_FOLD_PER_ARM * k + " (" + MIN_FOLD_PER_ARM + " per fold); use more data or fewer folds in "
                    + studyFile);
        }
    }

    private static void bothClasses(String file, String yName, double[] y, int[] t, int[] rows, String[] labels,
                                    String where, String studyFile, String fix) {
        for (int arm = 0; arm < labels.length; arm++) {
            int[] count = new int[2];
            for (int i : rows) {
                if (t[i] == arm) {
                    count[y[i] == 1 ? 1 : 0]++;
                }
            }
            if (count[0] == 0 || count[1] == 0) {
                int present = count[0] == 0 ? 1 : 0;
                throw new CausalRxException(file + ": binary outcome '" + yName + "' is " + present + " for all "
                        + count[present] + " patients of arm '" + labels[arm] + "' in " + where + "; a model of that "
                        + "arm needs both 0 and 1: use more data, " + fix + ", or a continuous outcome");
            }
        }
    }

    private static String share(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}

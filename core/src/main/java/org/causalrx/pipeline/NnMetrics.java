package org.causalrx.pipeline;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Evaluation of every estimator of a run on the test split with measures that need no counterfactual truth,
 * so all estimators can be compared in one table. Serialised under
 * {@code "nn_metrics"} in results.json.
 *
 * @param split           the rows evaluated ("test")
 * @param n               test patients
 * @param bootstrapRounds bootstrap rounds behind every interval here
 * @param estimators      one entry per estimator of the run (singles and ensembles), in the study's order
 * @param classes         categorical outcomes: class labels in code order; empty otherwise
 * @param nnPeheSample    test patients NN-PEHE (overall and per class) was scored on when that is a seeded sample of
 *                        the n (a large test split; their neighbours are still searched among all n, and the
 *                        intervals resample the sampled patients); null, and absent from results.json, when all n
 *                        are scored
 */
public record NnMetrics(String split, int n, int bootstrapRounds, List<Estimator> estimators, List<String> classes,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer nnPeheSample) {
    public NnMetrics {
        estimators = List.copyOf(estimators);
        classes = classes == null ? List.of() : List.copyOf(classes);
        if (nnPeheSample != null && (nnPeheSample < 1 || nnPeheSample >= n)) {
            throw new IllegalArgumentException("NN-PEHE sample of " + nnPeheSample + " of " + n + " patients");
        }
    }

    /**
     * The estimator the report marks as lowest in NN-PEHE (the first in study order on ties), or null when no
     * estimator has a finite NN-PEHE. NN-PEHE is a proxy: lower is better only among estimators on the same patients.
     */
    @JsonIgnore
    public String lowestNnPehe() {
        Estimator best = null;
        for (Estimator e : estimators) {
            if (Double.isFinite(e.nnPehe()) && (best == null || e.nnPehe() < best.nnPehe())) {
                best = e;
            }
        }
        return best == null ? null : best.estimator();
    }

    /** Metrics of a continuous or binary outcome (no classes), all patients scored. */
    public NnMetrics(String split, int n, int bootstrapRounds, List<Estimator> estimators) {
        this(split, n, bootstrapRounds, estimators, List.of(), null);
    }

    /** Metrics with all patients scored. */
    public NnMetrics(String split, int n, int bootstrapRounds, List<Estimator> estimators, List<String> classes) {
        this(split, n, bootstrapRounds, estimators, classes, null);
    }

    /** Patients NN-PEHE was scored on: the seeded sample's size, else all n. */
    @JsonIgnore
    public int nnPeheScored() {
        return nnPeheSample == null ? n : nnPeheSample;
    }

    /**
     * @param estimator        estimator name
     * @param nnPehe           nearest-neighbour PEHE against pseudo-effects from the other arm's nearest neighbour
     *                         (standardised covariates); a noisy, upward-biased proxy of sqrt-PEHE
     * @param nnPeheCiLow      2.5 % bootstrap quantile over patients
     * @param nnPeheCiHigh     97.5 % bootstrap quantile
     * @param impliedAte       mean predicted effect over the test patients (the CATE insights' implied ATE)
     * @param impliedAteCiLow  its 2.5 % bootstrap quantile over patients
     * @param impliedAteCiHigh its 97.5 % bootstrap quantile
     * @param aucByArm         binary outcomes, models that predict the outcome per arm: AUC of mu_a(x) among test
     *                         patients who received arm a; empty otherwise
     * @param byClass          categorical outcomes, models with class effects: per-class NN-PEHE and mean effect
     *                         (for the other estimators nnPehe above is the overall one, on the class code);
     *                         empty otherwise
     * @param aucByArmClass    categorical outcomes, models with class probabilities per arm: one-vs-rest AUC per
     *                         arm and class; empty otherwise
     */
    public record Estimator(String estimator, double nnPehe, double nnPeheCiLow, double nnPeheCiHigh,
                            double impliedAte, double impliedAteCiLow, double impliedAteCiHigh, List<ArmAuc> aucByArm,
                            List<ClassEffect> byClass, List<ArmClassAuc> aucByArmClass) {
        public Estimator {
            aucByArm = List.copyOf(aucByArm);
            byClass = byClass == null ? List.of() : List.copyOf(byClass);
            aucByArmClass = aucByArmClass == null ? List.of() : List.copyOf(aucByArmClass);
        }

        /** An estimator of a continuous or binary outcome (no class metrics). */
        public Estimator(String estimator, double nnPehe, double nnPeheCiLow, double nnPeheCiHigh,
                         double impliedAte, double impliedAteCiLow, double impliedAteCiHigh, List<ArmAuc> aucByArm) {
            this(estimator, nnPehe, nnPeheCiLow, nnPeheCiHigh, impliedAte, impliedAteCiLow, impliedAteCiHigh, aucByArm,
                    List.of(), List.of());
        }
    }

    /**
     * @param outcomeClass class label
     * @param nnPehe       NN-PEHE of the class-probability effects against indicator pseudo-effects
     * @param nnPeheCiLow  2.5 % bootstrap quantile
     * @param nnPeheCiHigh 97.5 % bootstrap quantile
     * @param meanEffect   mean predicted P(Y¹ = k) − P(Y⁰ = k) over the test patients (these sum to 0 over classes)
     */
    public record ClassEffect(String outcomeClass, double nnPehe, double nnPeheCiLow, double nnPeheCiHigh,
                              double meanEffect) {
    }

    /**
     * @param arm          arm label
     * @param outcomeClass class label
     * @param n            test patients who received the arm
     * @param positives    of those, patients in the class
     * @param auc          one-vs-rest AUC of P(Y = class | x, arm)
     * @param ciLow        2.5 % bootstrap quantile
     * @param ciHigh       97.5 % bootstrap quantile
     */
    public record ArmClassAuc(String arm, String outcomeClass, int n, int positives, double auc, double ciLow,
                              double ciHigh) {
    }

    /**
     * @param arm       arm label
     * @param n         test patients who received the arm
     * @param positives of those, patients with outcome 1
     * @param auc       area under the ROC curve of mu_arm(x)
     * @param ciLow     2.5 % bootstrap quantile
     * @param ciHigh    97.5 % bootstrap quantile
     */
    public record ArmAuc(String arm, int n, int positives, double auc, double ciLow, double ciHigh) {
    }
}

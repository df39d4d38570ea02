package org.causalrx.pipeline;

import java.util.List;

/**
 * Evaluation of every estimator of a run on the test split with measures that need no counterfactual truth
 * (issue 4, "Evaluation added"), so all estimators can be compared in one table. Serialised under
 * {@code "nn_metrics"} in results.json.
 *
 * @param split           the rows evaluated ("test")
 * @param n               test patients
 * @param bootstrapRounds bootstrap rounds behind every interval here
 * @param estimators      one entry per estimator of the run (singles and ensembles), in the study's order
 */
public record NnMetrics(String split, int n, int bootstrapRounds, List<Estimator> estimators) {
    public NnMetrics {
        estimators = List.copyOf(estimators);
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
     */
    public record Estimator(String estimator, double nnPehe, double nnPeheCiLow, double nnPeheCiHigh,
                            double impliedAte, double impliedAteCiLow, double impliedAteCiHigh, List<ArmAuc> aucByArm) {
        public Estimator {
            aucByArm = List.copyOf(aucByArm);
        }
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

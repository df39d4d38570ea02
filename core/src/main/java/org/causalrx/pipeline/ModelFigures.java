package org.causalrx.pipeline;

import java.util.List;

/**
 * Data behind the outcome-model figures: ROC curves per model and arm (binary outcomes) and the prediction
 * errors of each outcome model per arm (paper Fig. S.5). Part of {@link RunFigures}; not in results.json.
 *
 * @param roc       one curve per model and arm, on the test patients who received that arm
 * @param residuals one set of errors (observed − predicted) per model, arm and split
 */
public record ModelFigures(List<RocCurve> roc, List<Residuals> residuals) {
    /** No outcome-model figures. */
    public static final ModelFigures EMPTY = new ModelFigures(List.of(), List.of());

    public ModelFigures {
        roc = List.copyOf(roc);
        residuals = List.copyOf(residuals);
    }

    /** ROC curve of mu_arm(x): false- and true-positive rates from (0, 0) to (1, 1). */
    public record RocCurve(String model, String arm, double auc, double[] fpr, double[] tpr) {
    }

    /** Observed minus predicted outcome of the patients of {@code split} who received {@code arm}. */
    public record Residuals(String model, String arm, String split, double[] values) {
    }
}

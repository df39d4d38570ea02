package org.causalrx.pipeline;

import java.util.List;
import java.util.Map;

import org.causalrx.result.PolicyId;

/**
 * Raw data behind the figures of the further analyses, too large for results.json.
 *
 * @param secondaryDr  secondary outcome column → policy → bootstrap DR values, in policy order
 * @param secondaryIpw the same for IPW
 * @param shap         per explained XGBoost model: per-patient SHAP values of its top features (beeswarm)
 */
public record AnalysisFigures(Map<String, Map<PolicyId, double[]>> secondaryDr,
                              Map<String, Map<PolicyId, double[]>> secondaryIpw, List<ShapDetail> shap) {
    /** No further figures. */
    public static final AnalysisFigures NONE = new AnalysisFigures(Map.of(), Map.of(), List.of());

    public AnalysisFigures {
        secondaryDr = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secondaryDr));
        secondaryIpw = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(secondaryIpw));
        shap = List.copyOf(shap);
    }

    /**
     * Per-patient SHAP values of one model's top features on the test split (all test patients, or a random sample
     * of them when there are more than the figure draws; {@link ShapRows}).
     *
     * @param model    the model, as in {@link RunResult.FeatureImportance#model()}
     * @param scale    unit of the SHAP values
     * @param features top features by mean |SHAP|, most important first
     * @param shap     [feature][patient] SHAP value
     * @param values   [feature][patient] encoded feature value (colour of the dot)
     * @param testPatients the number of test patients the drawn patients were taken from
     */
    public record ShapDetail(String model, String scale, List<String> features, double[][] shap, double[][] values,
                             int testPatients) {
        /** True when the drawn patients are a sample of the test patients. */
        public boolean sampled() {
            return shap.length > 0 && shap[0].length < testPatients;
        }
    }
}

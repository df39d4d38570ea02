package org.causalrx.pipeline;

import java.util.List;
import java.util.Map;

import org.causalrx.result.PolicyId;

/**
 * Data behind the report's figures that is too large or too raw for results.json. Computed by the
 * pipeline; the report only draws it.
 *
 * @param calibration     per propensity model: calibration bins on the validation split
 * @param propensityByArm e(x) of the selected propensity model on the training split: "control" / "treated"
 *                        → values, before trimming
 * @param trimmedByArm    the same, keeping only patients inside the overlap set
 * @param bootstrapDr     per policy name: bootstrap DR values (rounds), in policy order
 * @param bootstrapIpw    per policy name: bootstrap IPW values
 * @param analysis        data behind the figures of the further analyses (secondary outcomes, SHAP detail)
 * @param models          ROC curves per arm and error distributions of the outcome models
 */
public record RunFigures(Map<String, List<CalibrationBin>> calibration,
                         Map<String, double[]> propensityByArm,
                         Map<String, double[]> trimmedByArm,
                         Map<PolicyId, double[]> bootstrapDr,
                         Map<PolicyId, double[]> bootstrapIpw,
                         AnalysisFigures analysis,
                         ModelFigures models) {

    /** Figures with no further-analysis figures ({@link AnalysisFigures#NONE}) and no outcome-model figures. */
    public RunFigures(Map<String, List<CalibrationBin>> calibration, Map<String, double[]> propensityByArm,
                      Map<String, double[]> trimmedByArm, Map<PolicyId, double[]> bootstrapDr,
                      Map<PolicyId, double[]> bootstrapIpw) {
        this(calibration, propensityByArm, trimmedByArm, bootstrapDr, bootstrapIpw, AnalysisFigures.NONE,
                ModelFigures.EMPTY);
    }

    /** Figures without outcome-model figures. */
    public RunFigures(Map<String, List<CalibrationBin>> calibration, Map<String, double[]> propensityByArm,
                      Map<String, double[]> trimmedByArm, Map<PolicyId, double[]> bootstrapDr,
                      Map<PolicyId, double[]> bootstrapIpw, AnalysisFigures analysis) {
        this(calibration, propensityByArm, trimmedByArm, bootstrapDr, bootstrapIpw, analysis, ModelFigures.EMPTY);
    }

    /** Figures without the further analyses. */
    public RunFigures(Map<String, List<CalibrationBin>> calibration, Map<String, double[]> propensityByArm,
                      Map<String, double[]> trimmedByArm, Map<PolicyId, double[]> bootstrapDr,
                      Map<PolicyId, double[]> bootstrapIpw, ModelFigures models) {
        this(calibration, propensityByArm, trimmedByArm, bootstrapDr, bootstrapIpw, AnalysisFigures.NONE, models);
    }

    /** One calibration bin: mean predicted probability, observed treated share, count. */
    public record CalibrationBin(double meanPredicted, double observedRate, int n) {
    }
}

package org.causalrx.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.OverlapSet;
import org.causalrx.data.Column;
import org.causalrx.data.Encoding;
import org.causalrx.data.Table;
import org.causalrx.learn.ProbabilityModel;

/**
 * The fitted parts of a run that a model bundle needs to apply the run's policies to new patients: the covariate
 * encoding, the selected propensity model, the overlap set and every CATE model. Not part of results.json.
 *
 * @param encoding       the covariate encoding fit on the training split
 * @param textColumns    kept covariate → whether its column was read as text (true) or numeric (false)
 * @param propensityName name of the selected propensity model (lowest validation Brier)
 * @param propensity     the selected propensity model
 * @param overlap        the overlap set the policies defer outside of
 * @param cateModels     estimator name → fitted CATE model, study order (ensembles included, consensus not)
 * @param singles        the single estimators (the members of average / majority / consensus), study order
 */
public record FittedModels(Encoding encoding, Map<String, Boolean> textColumns, String propensityName,
                           ProbabilityModel propensity, OverlapSet overlap, Map<String, CateModel> cateModels,
                           List<String> singles) {
    public FittedModels {
        textColumns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(textColumns));
        cateModels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cateModels));
        singles = List.copyOf(singles);
    }

    /** Whether each column of the cohort's covariate table was read as text. */
    static Map<String, Boolean> textColumns(Table covariates) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (Column c : covariates.columns()) {
            m.put(c.name(), c instanceof Column.Text);
        }
        return m;
    }
}

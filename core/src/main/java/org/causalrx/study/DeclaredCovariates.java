package org.causalrx.study;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.data.CovariateEncoder;
import org.causalrx.data.CovariateSpec;
import org.causalrx.data.Encoding;
import org.causalrx.data.Table;

/**
 * Covariates as declared in a study, handed to the data layer's encoder: the study side of the
 * study → data dependency (the data package knows nothing of studies).
 */
public final class DeclaredCovariates {
    private DeclaredCovariates() {
    }

    /** The encoding spec of a declared covariate: categorical / numeric as declared, type null → inferred. */
    public static CovariateSpec spec(Study.Covariate c) {
        Boolean categorical = c.type() == null ? null : c.type() == Study.ValueType.CATEGORICAL;
        return new CovariateSpec(c.name(), categorical, c.squared());
    }

    /**
     * {@link CovariateEncoder#fit} for covariates as declared in the study (type null → text columns are
     * categorical, numeric columns numeric). Only pass the kept covariates, in feature order.
     *
     * @param cohort    the analysis cohort's covariate columns (all rows)
     * @param trainRows rows whose values define medians and reference levels
     * @param kept      the kept covariates
     */
    public static Encoding fitEncoding(Table cohort, int[] trainRows, List<Study.Covariate> kept) {
        List<CovariateSpec> specs = new ArrayList<>();
        for (Study.Covariate c : kept) {
            specs.add(spec(c));
        }
        return CovariateEncoder.fit(cohort, trainRows, specs);
    }
}

package org.causalrx.verdict;

import java.util.Locale;

import org.causalrx.pipeline.CovariateBalance;
import org.causalrx.pipeline.Heterogeneity;
import org.causalrx.result.ExitStatus;

/**
 * The feasibility verdict's lines on covariate balance under the propensity weights and on whether the CATE
 * estimators find heterogeneity worth personalising: OK or a warning, never an exit (both are reasons to doubt,
 * not proofs that the question cannot be answered).
 */
final class DiagnosticExits {
    static final String BALANCE = "4 covariate balance";
    static final String HETEROGENEITY = "9 heterogeneity";
    /** Features named in a balance warning before the rest are counted. */
    private static final int NAMED = 5;

    private DiagnosticExits() {
    }

    /** Null when the run has no balance (not computed). */
    static ExitPoints.ExitPoint balance(CovariateBalance b) {
        if (b == null) {
            return null;
        }
        if (!b.flagged()) {
            return new ExitPoints.ExitPoint(BALANCE, ExitStatus.OK, String.format(Locale.ROOT, "Every feature's "
                    + "|SMD| after inverse-propensity weighting (%s) is at most %.2g on the training and test "
                    + "splits.", b.propensityModel(), b.threshold()), "");
        }
        int k = b.imbalanced().size();
        String names = String.join(", ", b.imbalanced().subList(0, Math.min(NAMED, k)))
                + (k > NAMED ? " and " + (k - NAMED) + " more" : "");
        return new ExitPoints.ExitPoint(BALANCE, ExitStatus.WARNING, String.format(Locale.ROOT, "After "
                + "inverse-propensity weighting (%s) %d feature(s) keep |SMD| above %.2g: %s.", b.propensityModel(),
                k, b.threshold(), names),
                "The propensity model does not balance the arms on these features: try another propensity model or "
                        + "transformations of them, and read effects that depend on them with care.");
    }

    /** Null when no estimator was tested. */
    static ExitPoints.ExitPoint heterogeneity(Heterogeneity h) {
        if (h == null || h.estimators().isEmpty()) {
            return null;
        }
        if (h.anySignificant()) {
            String which = String.join(", ", h.estimators().stream().filter(Heterogeneity.EstimatorTests::significant)
                    .map(Heterogeneity.EstimatorTests::estimator).toList());
            return new ExitPoints.ExitPoint(HETEROGENEITY, ExitStatus.OK, String.format(Locale.ROOT, "Significant "
                    + "heterogeneity (best-linear-predictor test, Bonferroni at %.2g) for: %s.", h.alpha(), which),
                    "");
        }
        return new ExitPoints.ExitPoint(HETEROGENEITY, ExitStatus.WARNING, String.format(Locale.ROOT, "No CATE "
                + "estimator shows significant heterogeneity on the %d test patients (best-linear-predictor test, "
                + "Bonferroni at %.2g over %d estimators).", h.n(), h.alpha(), h.estimators().size()),
                "Treat by the ATE: personalising adds nothing detectable here; more patients or more informative "
                        + "covariates could change that.");
    }
}

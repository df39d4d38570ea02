package org.causalrx.report;

import java.util.Map;

import org.causalrx.pipeline.DeferralResult;

/** The deferral section's paragraph on how the statistical intervals were calibrated before they drove deferral. */
final class CalibrationNote {
    private CalibrationNote() {
    }

    /** Appends one paragraph: the factors per estimator and their source, or that the intervals are uncalibrated. */
    static void append(StringBuilder b, DeferralResult.Calibration c) {
        if (c == null || c.factors().isEmpty()) {
            b.append("<p><b>Calibration.</b> None: the statistical intervals are used as fit (add a "
                    + "<code>simulation:</code> block to calibrate them on simulated outcomes).</p>\n");
            return;
        }
        StringBuilder list = new StringBuilder();
        for (Map.Entry<String, Double> e : c.factors().entrySet()) {
            list.append(list.length() == 0 ? "" : ", ").append("<code>").append(Html.esc(e.getKey()))
                    .append("</code> \u00d7").append(Fmt.num(e.getValue()));
        }
        b.append("<p><b>Calibration.</b> Each statistical interval was widened about its centre by its estimator's "
                + "factor before it was joined with the causal bounds: ").append(list).append(" (from the ")
                .append(Html.text(c.source())).append(": max(1, mean scale its interval needed to cover the true "
                + "CATE at the nominal level)). The factors come from simulated outcomes and hold for the real "
                + "outcome only as far as the simulation resembles it.</p>\n");
    }
}

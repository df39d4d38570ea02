package org.causalrx.report;

import java.util.Map;

import org.causalrx.pipeline.DeferralResult;

/** The deferral section's paragraph on how the statistical intervals were calibrated before they drove deferral. */
final class CalibrationNote {
    private CalibrationNote() {
    }

    /** Appends one paragraph: the factors per estimator and their source, or that the intervals are uncalibrated. */
    static void append(HtmlWriter b, DeferralResult.Calibration c) {
        append(b, c, "factor before it was joined with the causal bounds", "CATE");
    }

    /** The K-arm paragraph: the intervals of the best-minus-second-best arm contrast. */
    static void appendMultiArm(HtmlWriter b, DeferralResult.Calibration c) {
        append(b, c, "factor before it drove deferral", "best-minus-second-best contrast");
    }

    /**
     * @param widened what happened to each interval after "widened about its centre by its estimator's"
     * @param truth   the true quantity the interval was made to cover
     */
    private static void append(HtmlWriter b, DeferralResult.Calibration c, String widened, String truth) {
        if (c == null || c.factors().isEmpty()) {
            b.markup("<p><b>Calibration.</b> None: the statistical intervals are used as fit (add a "
                    + "<code>simulation:</code> block to calibrate them on simulated outcomes).</p>\n");
            return;
        }
        HtmlWriter list = new HtmlWriter();
        for (Map.Entry<String, Double> e : c.factors().entrySet()) {
            list.text(list.toString().isEmpty() ? "" : ", ").markup("<code>").text(e.getKey())
                    .markup("</code> \u00d7").text(Fmt.num(e.getValue()));
        }
        b.markup("<p><b>Calibration.</b> Each statistical interval was widened about its centre by its estimator's ")
                .text(widened).markup(": ").add(list.toMarkup()).markup(" (from the ")
                .textOrDash(c.source()).markup(": max(1, mean scale its interval needed to cover the true ")
                .text(truth).markup(" at the nominal level)). The factors come from simulated outcomes and hold for "
                + "the real outcome only as far as the simulation resembles it.</p>\n");
    }
}

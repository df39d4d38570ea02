package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.causalrx.pipeline.DeferralResult;
import org.junit.jupiter.api.Test;

/** The calibration paragraph: the two-arm wording (causal bounds, true CATE) and the K-arm wording (contrast). */
class CalibrationNoteTest {
    private static final DeferralResult.Calibration C = new DeferralResult.Calibration(Map.of("t_ridge", 1.19),
            "feasibility simulation, forms [linear], 3 seeds");

    private static String expected(String widened, String truth) {
        return "<p><b>Calibration.</b> Each statistical interval was widened about its centre by its estimator's "
                + widened + ": <code>t_ridge</code> \u00d7" + Fmt.num(1.19) + " (from the feasibility simulation, "
                + "forms [linear], 3 seeds: max(1, mean scale its interval needed to cover the true " + truth
                + " at the nominal level)). The factors come from simulated outcomes and hold for the real outcome "
                + "only as far as the simulation resembles it.</p>\n";
    }

    @Test
    void twoAndKArmParagraphsNameWhatTheIntervalCovers() {
        HtmlWriter two = new HtmlWriter();
        CalibrationNote.append(two, C);
        assertEquals(expected("factor before it was joined with the causal bounds", "CATE"), two.toString());
        HtmlWriter k = new HtmlWriter();
        CalibrationNote.appendMultiArm(k, C);
        assertEquals(expected("factor before it drove deferral", "best-minus-second-best contrast"), k.toString());
    }
}

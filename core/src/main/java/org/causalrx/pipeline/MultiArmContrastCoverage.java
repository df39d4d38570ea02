package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.uncertainty.IntervalCalibration;
import org.causalrx.policy.ArmPair;
import org.causalrx.policy.ContrastIntervals;
import org.causalrx.study.Study;

/**
 * Coverage of the K-arm deferral's intervals where the true effects are known (a simulated outcome). The K-arm
 * Conservative rule defers on the interval of tau_best − tau_second, the pair (best, second) picked on each
 * estimator's point effects ({@link ContrastIntervals}); so the quantity judged is that same contrast of the true
 * effects, tau_best(x) − tau_second(x) for the estimator's pair, per test patient. The intervals are fit as the run's
 * deferral fits them ({@link MultiArmDeferral}: the study's alpha_stat and bootstrap refits, same resample seeds),
 * widened by a given calibration (none for measuring the scale), on the run's split, encoding and generalized
 * propensity.
 */
public final class MultiArmContrastCoverage {
    private MultiArmContrastCoverage() {
    }

    /** Whether a K-arm run of {@code study} defers on its intervals (and so has intervals to calibrate). */
    public static boolean applies(Study study) {
        return MultiArmDeferral.applies(study);
    }

    /**
     * One row per estimator (study order; singles and average): coverage, mean width and the scale its intervals
     * needed ({@link IntervalCoverage#scale}) over the test patients.
     *
     * @param done        a context after the K-arm propensity stage of the real run (split, encoding, propensity)
     * @param study       the study the intervals are fit for (e.g. its simulated form), with a deferral block
     * @param outcome     outcome per cohort patient, cohort order
     * @param trueEffects true effects per cohort patient (n × K against the reference, column 0 = 0)
     * @param parallel    fit refits on several threads (same values either way)
     * @param calibration factors the intervals are widened by before they are judged ({@link IntervalCalibration#NONE}:
     *                    as fit, the run's deferral before calibration)
     */
    public static List<IntervalCoverage.Row> measure(RunContext done, Study study, double[] outcome,
                                                     double[][] trueEffects, boolean parallel,
                                                     IntervalCalibration calibration) {
        RunContext ctx = new MultiArmStages.Cate().apply(MultiArmReplay.context(done, study, outcome),
                Progress.NONE);
        MultiArmDeferral.Intervals in = MultiArmDeferral.fit(study, ctx.get(RunSlots.COHORT),
                ctx.get(RunSlots.SPLIT), ctx.get(RunSlots.X), ctx.get(MultiArmStages.EFFECTS), ctx.seed(), parallel,
                calibration);
        int[] test = ctx.get(RunSlots.SPLIT).test();
        double nominal = 1 - study.deferral().alphaStat();
        List<IntervalCoverage.Row> out = new ArrayList<>();
        for (Map.Entry<String, ContrastIntervals> e : in.test().entrySet()) {
            ContrastIntervals ci = e.getValue();
            double[] truth = truth(ci, trueEffects, test);
            int covered = 0;
            double width = 0;
            for (int i = 0; i < test.length; i++) {
                if (ci.low(i) <= truth[i] && truth[i] <= ci.high(i)) {
                    covered++;
                }
                width += ci.high(i) - ci.low(i);
            }
            out.add(new IntervalCoverage.Row(e.getKey(), nominal, covered / (double) test.length,
                    width / test.length, test.length, in.method(), IntervalCoverage.scale(ci.lo(), ci.hi(), truth,
                    nominal)));
        }
        return out;
    }

    /**
     * Per patient the true contrast of the intervals' pair: trueEffects[rows[i]][best] − trueEffects[rows[i]][second].
     *
     * @param rows each interval's row in {@code trueEffects}
     */
    public static double[] truth(ContrastIntervals ci, double[][] trueEffects, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            ArmPair p = ci.pair(i);
            out[i] = trueEffects[rows[i]][p.best()] - trueEffects[rows[i]][p.second()];
        }
        return out;
    }
}

package org.causalrx.causal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.causal.CrossFitAipw;
import org.junit.jupiter.api.Test;

/**
 * The reference of refutations on a subsample ({@link AteRefuter.ReferenceFit}): fitted once on the subsample, and
 * its re-fit estimator (the one keeping the reference's tuning) fits every check's draws; the run's estimator is not
 * called there. Without a subsample the run's estimator fits the draws against the given original, as before.
 */
class AteRefuterReferenceTest {
    private static final RefutationRules RULES = new RefutationRules(2, 0.5, 1, 0.5, 2, 0.5, 2);

    private static CrossFitAipw.Estimate fixed(double ate, int n) {
        return new CrossFitAipw.Estimate(ate, 0.1, ate - 0.2, ate + 0.2, n, 2);
    }

    @Test
    void onASubsampleTheReferencesOwnRefitEstimatorFitsEveryDraw() {
        int n = 600;
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = new double[n][];
        int[] t = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {r.nextGaussian()};
            t[i] = i % 2;
            y[i] = x[i][0] + t[i];
        }
        List<String> calls = new ArrayList<>();
        AteRefuter.AteFit run = (xs, ts, ys, gs, s) -> {
            synchronized (calls) {
                calls.add("run " + ys.length);
            }
            return fixed(1.0, ys.length);
        };
        AteRefuter.ReferenceFit reference = (xs, ts, ys, gs, s) -> {
            calls.add("reference " + ys.length);
            return new AteRefuter.Reference(fixed(0.9, ys.length), (xr, tr, yr, gr, sr) -> {
                synchronized (calls) {
                    calls.add("refit " + yr.length);
                }
                return fixed(0.5, yr.length);
            });
        };
        AteRefuter refuter = new AteRefuter(run, RULES, false);
        RefutationSubsample.Drawn drawn = RefutationSubsample.draw(t, 2, null, 200, 4L);
        AteRefuter.Refuted on = refuter.refute(x, t, y, fixed(1.0, n), 7L, drawn, reference);
        assertEquals(List.of("reference 200", "refit 200", "refit 200", "refit 200", "refit 100", "refit 100"), calls,
                "the reference once, then 2 placebos, 1 common cause and 2 half subsets by its re-fit estimator");
        assertEquals(0.9, on.reference().ate());
        for (Refutation c : on.checks()) {
            assertEquals(0.9, c.original(), "compared with the subsample's reference");
            assertTrue(c.estimates().stream().allMatch(e -> e == 0.5), c.check() + ": the re-fit estimator's");
        }
        calls.clear();
        AteRefuter.Refuted all = refuter.refute(x, t, y, fixed(1.0, n), 7L, null, reference);
        assertEquals(List.of("run 600", "run 600", "run 600", "run 300", "run 300"), calls,
                "no subsample: the run's estimator on all rows");
        assertEquals(1.0, all.reference().ate());
    }
}

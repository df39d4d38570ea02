package org.causalrx.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

import org.causalrx.causal.AipwEstimands;
import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.Estimand;
import org.causalrx.causal.diagnostics.AteRefuter;
import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.causal.diagnostics.RefutationRules;
import org.causalrx.causal.diagnostics.RefutationSubsample;
import org.causalrx.learn.Classifier;
import org.causalrx.pipeline.Learners;
import org.causalrx.policy.HeldOut;
import org.causalrx.util.Seeds;

/**
 * The cost of the two-arm refutations on the SYNTHETIC design of {@code bench scale} ({@link ScaleDesign}, held in
 * memory), in one process: the run's cross-fitted AIPW (its default propensity and plug-in outcome learners, 5 folds)
 * fitted once on all n rows (the ATE, whose fold penalties the re-fits keep), one placebo re-fit on all n rows (the
 * old stage made 16 of these), one on the automatic subsample of m = max(20,000, n^0.75) rows, and the new stage's
 * whole work on that subsample (draw, reference fit, 16 re-fits, draws on several threads as in a run). Not wired into
 * {@code bench}: run {@code java -cp "bench/target/causalrx-bench.jar:app/target/causalrx.jar"
 * org.causalrx.bench.RefutationBench [ROWS [FEATURES [SEED]]]} (defaults 100000 50 20261219).
 */
public final class RefutationBench {
    private RefutationBench() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int features = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 20_261_219L;
        double[][] x = new double[rows][];
        int[] t = new int[rows];
        double[] y = new double[rows];
        new ScaleDesign(rows, features, seed, false).forEachRow((i, xi, ti, yi, taui) -> {
            x[i] = xi.clone();
            t[i] = ti;
            y[i] = yi;
        });
        Learners learners = Learners.standard();
        CrossFitAipw aipw = new CrossFitAipw(learners.evaluationPropensity(), learners.ateOutcome(false), 5,
                HeldOut.CLIP);
        long ateSeed = Seeds.derive(seed, "ate");
        print("n = %d, p = %d, propensity %s, outcome %s, %d processors", rows, features, aipw.propensity().name(),
                aipw.outcome().name(), Runtime.getRuntime().availableProcessors());

        long t0 = System.nanoTime();
        CrossFitAipw.Fit ate = aipw.fit(x, t, y, ateSeed, null, f -> aipw.propensity());
        AipwEstimands.Estimate a = ate.nuisances().estimate(Estimand.ATE, 5);
        CrossFitAipw.Estimate original = new CrossFitAipw.Estimate(a.estimate(), a.se(), a.ciLow(), a.ciHigh(), a.n(),
                5);
        double ateSec = sec(t0);
        print("ATE fit on all %d rows: %.1f s, ATE %.4f (SE %.4f)", rows, ateSec, original.ate(), original.se());
        IntFunction<Classifier> tuned = aipw.tunedPropensity(ate.propensityModels());
        AteRefuter.AteFit refit = (xs, ts, ys, gs, s) -> aipw.estimate(xs, ts, ys, gs, s, tuned);

        RefutationSubsample.Drawn drawn = RefutationSubsample.draw(t, 2, null, RefutationSubsample.AUTO,
                Seeds.derive(ateSeed, "refute-subsample"));
        if (drawn == null) {
            print("n < 2 x 20,000: no subsample, nothing to compare");
            return;
        }
        int m = drawn.size().rows();
        long t1 = System.nanoTime();
        AteRefuter.Refuted after = new AteRefuter(refit, RefutationRules.defaults(), true).refute(x, t, y, original,
                ateSeed, drawn);
        double stageSec = sec(t1);
        print("new stage on the subsample of %d rows (reference + 16 re-fits, parallel): %.1f s; reference %.4f "
                + "(SE %.4f)", m, stageSec, after.reference().ate(), after.reference().se());
        for (Refutation c : after.checks()) {
            print("  %-20s %.4f  sd %.4f  %s", c.check().key(), c.estimate(), c.sd(), c.passed() ? "passed" : "FAILED");
        }

        int[] permuted = permuted(t, Seeds.derive(ateSeed, "refute-placebo-0"));
        long t2 = System.nanoTime();
        refit.estimate(drawn.select(x), drawn.select(permuted), drawn.select(y), null, ateSeed);
        double refitM = sec(t2);
        print("one placebo re-fit on %d rows: %.1f s", m, refitM);
        long t3 = System.nanoTime();
        CrossFitAipw.Estimate placeboN = refit.estimate(x, permuted, y, null, ateSeed);
        double refitN = sec(t3);
        print("one placebo re-fit on all %d rows: %.1f s (placebo ATE %.4f); ratio n/m %.2f; old stage ~ 16 x %.1f"
                + " = %.0f s serial", rows, refitN, placeboN.ate(), refitN / refitM, refitN, 16 * refitN);
    }

    private static int[] permuted(int[] t, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] p = t.clone();
        for (int i = p.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    private static double sec(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%tT load %.1f] " + format + "%n", concat(System.currentTimeMillis(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), args));
    }

    private static Object[] concat(long now, double load, Object[] args) {
        Object[] all = new Object[args.length + 2];
        all[0] = now;
        all[1] = load;
        System.arraycopy(args, 0, all, 2, args.length);
        return all;
    }
}

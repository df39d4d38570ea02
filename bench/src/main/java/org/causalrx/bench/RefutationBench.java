package org.causalrx.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.Callable;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The cost of the two-arm refutations on the SYNTHETIC design of {@code bench scale} ({@link ScaleDesign}, held in
 * memory), in one process, wall and process CPU seconds: the run's cross-fitted AIPW (its default propensity and
 * plug-in outcome learners, 5 folds) fitted once on the automatic subsample of m = max(20,000, n^0.75) rows (the new
 * stage's reference fit; each of its 16 re-fits costs about as much), once on all n rows (the ATE; the old stage made
 * 16 re-fits of this size), then the new stage's whole work on the subsample (reference fit, 16 re-fits, draws on
 * several threads as in a run). Prints; writes nothing.
 */
@Command(name = "refutations", mixinStandardHelpOptions = true,
        description = "Cost of the ATE refutations: one AIPW fit on the subsample vs on all rows, then the stage on "
                + "the subsample; synthetic data.")
final class RefutationBench implements Callable<Integer> {
    @Option(names = "--rows", paramLabel = "N", description = "synthetic rows (default 100000)")
    int rows = 100_000;

    @Option(names = "--features", paramLabel = "P", description = "covariates, at least 4 (default 50)")
    int features = 50;

    @Option(names = "--seed", description = "data and study seed (default 20261219)")
    long seed = 20_261_219L;

    @Option(names = "--refutation-rows", paramLabel = "M", description = "subsample rows (default: automatic, "
            + "max(20000, n^0.75))")
    int refutationRows = RefutationSubsample.AUTO;

    @Option(names = "--skip-single", description = "skip the single AIPW fit on the subsample")
    boolean fixedRoundsOnly;

    @Override
    public Integer call() {
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

        RefutationSubsample.Drawn drawn = RefutationSubsample.draw(t, 2, null, refutationRows,
                Seeds.derive(ateSeed, "refute-subsample"));
        if (drawn == null) {
            print("n < 2 x 20,000: no subsample, nothing to compare");
            return 0;
        }
        int m = drawn.size().rows();
        double[][] xm = drawn.select(x);
        int[] tm = drawn.select(t);
        double[] ym = drawn.select(y);

        if (!fixedRoundsOnly) {
            double[] c0 = clock();
            aipw.fit(xm, tm, ym, ateSeed, null, f -> aipw.propensity());
            double[] fitM = since(c0);
            print("one AIPW fit on the subsample of %d rows (the stage's reference fit): %.1f s wall, %.1f s CPU",
                    m, fitM[0], fitM[1]);
        }
        double[] c1 = clock();
        CrossFitAipw.Fit ate = aipw.fit(x, t, y, ateSeed, null, f -> aipw.propensity());
        double[] fitN = since(c1);
        AipwEstimands.Estimate a = ate.nuisances().estimate(Estimand.ATE, 5);
        CrossFitAipw.Estimate original = new CrossFitAipw.Estimate(a.estimate(), a.se(), a.ciLow(), a.ciHigh(), a.n(),
                5);
        print("one AIPW fit on all %d rows (the ATE; each old re-fit is one such fit): %.1f s wall, %.1f s CPU; "
                + "ATE %.4f (SE %.4f)", rows, fitN[0], fitN[1], original.ate(), original.se());

        // before: re-fits keep the ATE folds' propensity λ (chosen on all n rows) and early-stop every XGBoost fit
        IntFunction<Classifier> tuned = aipw.tunedPropensity(ate.propensityModels());
        AteRefuter.AteFit refit = (xs, ts, ys, gs, s) -> aipw.estimate(xs, ts, ys, gs, s, tuned);
        double[] c2 = clock();
        AteRefuter.Refuted before = new AteRefuter(refit, RefutationRules.defaults(), true).refute(x, t, y, original,
                ateSeed, drawn);
        double[] stage = since(c2);
        print("stage before (ATE's λ, early stopping in every re-fit), subsample of %d rows (reference + 16 re-fits, "
                + "parallel): %.1f s wall, %.1f s CPU; reference %.4f (SE %.4f)", m, stage[0], stage[1],
                before.reference().ate(), before.reference().se());
        printChecks(before);
        // now: the subsample's reference tunes itself; its re-fits keep its fold λ and each arm model's rounds
        AteRefuter.ReferenceFit referenceFit = (xs, ts, ys, gs, s) -> {
            CrossFitAipw.Fit reference = aipw.fit(xs, ts, ys, s, gs, aipw.untuned());
            CrossFitAipw.Tuning tuning = aipw.tuning(reference);
            return new AteRefuter.Reference(reference.ate(aipw.folds()),
                    (xr, tr, yr, gr, sr) -> aipw.estimate(xr, tr, yr, gr, sr, tuning));
        };
        double[] c3 = clock();
        AteRefuter.Refuted after = new AteRefuter(refit, RefutationRules.defaults(), true).refute(x, t, y, original,
                ateSeed, drawn, referenceFit);
        double[] stage2 = since(c3);
        print("stage now (reference's own λ and rounds kept, no early stopping in the re-fits), same subsample: "
                + "%.1f s wall, %.1f s CPU; reference %.4f (SE %.4f)", stage2[0], stage2[1], after.reference().ate(),
                after.reference().se());
        printChecks(after);
        print("refutation stage CPU now / before: %.3f", stage2[1] / stage[1]);
        return 0;
    }

    private static void printChecks(AteRefuter.Refuted r) {
        for (Refutation c : r.checks()) {
            print("  %-20s %.4f  sd %.4f  %s", c.check().key(), c.estimate(), c.sd(), c.passed() ? "passed" : "FAILED");
        }
    }

    /** Wall and process CPU seconds now. */
    private static double[] clock() {
        return new double[] {System.nanoTime() / 1e9, cpu()};
    }

    /** Wall and process CPU seconds since {@code c}. */
    private static double[] since(double[] c) {
        return new double[] {System.nanoTime() / 1e9 - c[0], cpu() - c[1]};
    }

    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
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

package org.causalrx.simulate;

import java.util.SplittableRandom;

import org.causalrx.util.Stats;

/**
 * Turns a baseline function {@code f0(x)} and one unit effect {@code tau_a(x)} (mean |tau_a| = 1) per non-reference
 * arm into potential outcomes on the real outcome's scale, shared by both simulators.
 *
 * <p>Raw scale: {@code mu_0 = s·f0}, {@code mu_a = s·f0 + tau_a}, {@code Y^a = mu_a + 1.2·SD(mu_a)·z_a} with
 * independent standard normal {@code z_a} (Algorithm 1's noise rule; per patient z_0, ..., z_{K−1} are drawn in
 * arm order). The baseline scale {@code s ≥ 0} is found
 * by bisection so that the factual outcome's SD on the raw scale is {@code SD(real) / C}; the affine map
 * {@code y ↦ a·y + b} with {@code a = C} and {@code b} matching the real mean then gives mean |CATE| = C exactly
 * and the factual outcome the real outcome's mean and SD. All potential outcomes share a and b, so the CATE
 * scales consistently. When C is so large that even {@code s = 0} gives too much spread, {@code s = 0} and
 * {@code a = SD(real) / SD(raw factual)}: the achieved effect is then smaller than C and is reported.
 */
final class OutcomeScaling {
    static final double NOISE_FACTOR = 1.2;

    private OutcomeScaling() {
    }

    /**
     * Potential outcomes of K = {@code tauUnit.length + 1} arms per cohort patient.
     *
     * @param f0      baseline function per cohort patient
     * @param tauUnit per non-reference arm 1..K−1 its unit effect per cohort patient (mean |tau| = 1)
     */
    static ArmOutcomes scale(SimulationCohort cohort, double[] f0, double[][] tauUnit, double effect, long noiseSeed) {
        int n = cohort.size();
        int k = tauUnit.length + 1;
        int[] t = cohort.treatment();
        double[] real = cohort.outcome();
        double realSd = Stats.sd(real);
        double realMean = Stats.mean(real);
        SplittableRandom rng = new SplittableRandom(noiseSeed);
        double[][] z = new double[k][n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < k; a++) {
                z[a][i] = rng.nextGaussian();
            }
        }
        double target = realSd / effect;
        double s;
        double a;
        if (factualSd(0.0, f0, tauUnit, t, z) >= target || Stats.sd(f0) == 0) {
            s = 0.0;
            a = realSd / factualSd(0.0, f0, tauUnit, t, z);
        } else {
            double lo = 0.0;
            double hi = 1.0;
            while (factualSd(hi, f0, tauUnit, t, z) < target && hi < 1e9) {
                lo = hi;
                hi *= 2;
            }
            for (int it = 0; it < 200 && hi - lo > 1e-13 * hi; it++) {
                double mid = 0.5 * (lo + hi);
                if (factualSd(mid, f0, tauUnit, t, z) < target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            s = 0.5 * (lo + hi);
            a = effect;
        }
        Raw raw = raw(s, f0, tauUnit, z);
        double b = realMean - a * Stats.mean(raw.factual(t));
        double[][] y = new double[k][n];
        double[][] mu = new double[k][n];
        double[][] cate = new double[k][n];
        double achieved = 0;
        for (int arm = 0; arm < k; arm++) {
            double absSum = 0;
            for (int i = 0; i < n; i++) {
                y[arm][i] = a * raw.y[arm][i] + b;
                mu[arm][i] = a * raw.mu[arm][i] + b;
                cate[arm][i] = arm == 0 ? 0.0 : a * tauUnit[arm - 1][i];
                absSum += Math.abs(cate[arm][i]);
            }
            achieved += arm == 0 ? 0.0 : absSum / n;
        }
        return new ArmOutcomes(y, mu, cate, achieved / (k - 1));
    }

    /** Two-arm potential outcomes per data-table row (the unit effect of arm 1 only). */
    static PotentialOutcomes scale(SimulationCohort cohort, double[] f0, double[] tauUnit, double effect,
                                   long noiseSeed) {
        return scale(cohort, f0, new double[][] {tauUnit}, effect, noiseSeed).twoArm(cohort);
    }

    /** Rescales v in place so that mean |v| = 1; returns false when v is identically 0. */
    static boolean unitMeanAbs(double[] v) {
        double m = 0;
        for (double d : v) {
            m += Math.abs(d);
        }
        m /= v.length;
        if (!(m > 1e-12)) {
            return false;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= m;
        }
        return true;
    }

    /** Raw-scale means and outcomes, K × n. */
    private record Raw(double[][] mu, double[][] y) {
        double[] factual(int[] t) {
            double[] fact = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                fact[i] = y[t[i]][i];
            }
            return fact;
        }
    }

    private static Raw raw(double s, double[] f0, double[][] tau, double[][] z) {
        int n = f0.length;
        int k = z.length;
        double[][] mu = new double[k][n];
        double[][] y = new double[k][n];
        for (int a = 0; a < k; a++) {
            for (int i = 0; i < n; i++) {
                mu[a][i] = a == 0 ? s * f0[i] : s * f0[i] + tau[a - 1][i];
            }
            double sd = NOISE_FACTOR * Stats.sd(mu[a]);
            for (int i = 0; i < n; i++) {
                y[a][i] = mu[a][i] + sd * z[a][i];
            }
        }
        return new Raw(mu, y);
    }

    private static double factualSd(double s, double[] f0, double[][] tau, int[] t, double[][] z) {
        return Stats.sd(raw(s, f0, tau, z).factual(t));
    }
}

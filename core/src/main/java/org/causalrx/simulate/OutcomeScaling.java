package org.causalrx.simulate;

import java.util.SplittableRandom;

import org.causalrx.util.Stats;

/**
 * Turns a baseline function {@code f0(x)} and a unit effect {@code tau(x)} (mean |tau| = 1) into potential
 * outcomes on the real outcome's scale, shared by both simulators.
 *
 * <p>Raw scale: {@code mu0 = s·f0}, {@code mu1 = s·f0 + tau}, {@code Y^t = mu_t + 1.2·SD(mu_t)·z_t} with
 * independent standard normal {@code z_t} (Algorithm 1's noise rule). The baseline scale {@code s ≥ 0} is found
 * by bisection so that the factual outcome's SD on the raw scale is {@code SD(real) / C}; the affine map
 * {@code y ↦ a·y + b} with {@code a = C} and {@code b} matching the real mean then gives mean |CATE| = C exactly
 * and the factual outcome the real outcome's mean and SD. Both potential outcomes share a and b, so the CATE
 * scales consistently. When C is so large that even {@code s = 0} gives too much spread, {@code s = 0} and
 * {@code a = SD(real) / SD(raw factual)}: the achieved effect is then smaller than C and is reported.
 */
final class OutcomeScaling {
    static final double NOISE_FACTOR = 1.2;

    private OutcomeScaling() {
    }

    static PotentialOutcomes scale(SimulationCohort cohort, double[] f0, double[] tauUnit, double effect,
                                   long noiseSeed) {
        int n = cohort.size();
        int[] t = cohort.treatment();
        double[] real = cohort.outcome();
        double realSd = Stats.sd(real);
        double realMean = Stats.mean(real);
        SplittableRandom rng = new SplittableRandom(noiseSeed);
        double[] z0 = new double[n];
        double[] z1 = new double[n];
        for (int i = 0; i < n; i++) {
            z0[i] = rng.nextGaussian();
            z1[i] = rng.nextGaussian();
        }
        double target = realSd / effect;
        double s;
        double a;
        if (factualSd(0.0, f0, tauUnit, t, z0, z1) >= target || Stats.sd(f0) == 0) {
            s = 0.0;
            a = realSd / factualSd(0.0, f0, tauUnit, t, z0, z1);
        } else {
            double lo = 0.0;
            double hi = 1.0;
            while (factualSd(hi, f0, tauUnit, t, z0, z1) < target && hi < 1e9) {
                lo = hi;
                hi *= 2;
            }
            for (int it = 0; it < 200 && hi - lo > 1e-13 * hi; it++) {
                double mid = 0.5 * (lo + hi);
                if (factualSd(mid, f0, tauUnit, t, z0, z1) < target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            s = 0.5 * (lo + hi);
            a = effect;
        }
        Raw raw = raw(s, f0, tauUnit, z0, z1);
        double[] fact = new double[n];
        for (int i = 0; i < n; i++) {
            fact[i] = t[i] == 1 ? raw.y1[i] : raw.y0[i];
        }
        double b = realMean - a * Stats.mean(fact);
        double[] y0 = new double[n];
        double[] y1 = new double[n];
        double[] mu0 = new double[n];
        double[] mu1 = new double[n];
        double[] cate = new double[n];
        double absSum = 0;
        for (int i = 0; i < n; i++) {
            y0[i] = a * raw.y0[i] + b;
            y1[i] = a * raw.y1[i] + b;
            mu0[i] = a * raw.mu0[i] + b;
            mu1[i] = a * raw.mu1[i] + b;
            cate[i] = a * tauUnit[i];
            absSum += Math.abs(cate[i]);
        }
        return new PotentialOutcomes(cohort.toTableRows(y0), cohort.toTableRows(y1), cohort.toTableRows(cate),
                cohort.toTableRows(mu0), cohort.toTableRows(mu1), absSum / n);
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

    private record Raw(double[] mu0, double[] mu1, double[] y0, double[] y1) {
    }

    private static Raw raw(double s, double[] f0, double[] tau, double[] z0, double[] z1) {
        int n = f0.length;
        double[] mu0 = new double[n];
        double[] mu1 = new double[n];
        for (int i = 0; i < n; i++) {
            mu0[i] = s * f0[i];
            mu1[i] = s * f0[i] + tau[i];
        }
        double sd0 = NOISE_FACTOR * Stats.sd(mu0);
        double sd1 = NOISE_FACTOR * Stats.sd(mu1);
        double[] y0 = new double[n];
        double[] y1 = new double[n];
        for (int i = 0; i < n; i++) {
            y0[i] = mu0[i] + sd0 * z0[i];
            y1[i] = mu1[i] + sd1 * z1[i];
        }
        return new Raw(mu0, mu1, y0, y1);
    }

    private static double factualSd(double s, double[] f0, double[] tau, int[] t, double[] z0, double[] z1) {
        Raw r = raw(s, f0, tau, z0, z1);
        double[] fact = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            fact[i] = t[i] == 1 ? r.y1[i] : r.y0[i];
        }
        return Stats.sd(fact);
    }
}

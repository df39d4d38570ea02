package org.causalrx.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.causalrx.pipeline.RunResult;
import org.causalrx.result.Baseline;
import org.causalrx.util.Stats;

/**
 * Held-out policy values with a one-pass Poisson(1) bootstrap on Spark. One pass over the test rows accumulates, for
 * every round and policy, the weighted sums of the local engine's estimators (TRS Eq. 5, {@code PolicyValue}):
 * w_i = c_i 1[t_i = pi(x_i)] / p*(t_i | x_i); V_IPW = Σ w y / Σ w; V_DR = Σ w (y − ŷ^pi) / Σ w + Σ c ŷ^pi / Σ c; a
 * deferred patient (current practice) adds c·y. c_i is the patient's Poisson(1) count in the round
 * ({@link PoissonWeights}), 1 for the point values. Memory: (rounds + 1) × policies × 7 doubles per partition.
 * A policy's deferred share counts its {@link SparkPolicy#DEFER} decisions other than current practice's (whose
 * treated share is the observed one).
 *
 * @param rounds  bootstrap rounds
 * @param weights the seeded Poisson counts
 */
public record OnePassBootstrap(int rounds, PoissonWeights weights) {
    private static final int SUMS = 7;

    /**
     * Every policy's summary, and its DR and IPW value per round ([policy][round]; NaN where undefined).
     *
     * @param n held-out patients valued
     */
    public record Valued(List<RunResult.PolicyResult> results, double[][] dr, double[][] ipw, long n) {
    }

    /**
     * Values every policy on {@code test} (columns {@code _id, _t, _y, _e, _mu0, _mu1, _in}: id, observed arm,
     * outcome, p*(t = 1 | x) clipped, plug-in outcome of each arm, whether the patient is in the overlap set).
     */
    public Valued value(Dataset<Row> test, List<SparkPolicy> policies) {
        int np = policies.size();
        int tail = (rounds + 1) * np * SUMS;
        SparkPolicy.Rule[] rules = policies.stream().map(SparkPolicy::rule).toArray(SparkPolicy.Rule[]::new);
        int b0 = rounds;
        PoissonWeights w = weights;
        double[] s = OrderedSums.sum(test.select("_id", "_t", "_y", "_e", "_mu0", "_mu1", "_in"),
                tail + 2 * np + 2, (r, acc) -> add(r, acc, rules, w, b0, tail));
        double n = s[tail + 2 * np];
        List<RunResult.PolicyResult> out = new ArrayList<>();
        double[][] dr = new double[np][rounds];
        double[][] ipw = new double[np][rounds];
        for (int p = 0; p < np; p++) {
            for (int b = 0; b < rounds; b++) {
                double[] v = finish(s, (b * np + p) * SUMS);
                dr[p][b] = v[0];
                ipw[p][b] = v[1];
            }
            double[] point = finish(s, (rounds * np + p) * SUMS);
            boolean doctors = policies.get(p).id().equals(Baseline.DOCTORS.id());
            double treated = doctors ? s[tail + 2 * np + 1] / n : s[tail + p] / n;
            double deferred = doctors ? 0.0 : s[tail + np + p] / n;
            out.add(new RunResult.PolicyResult(policies.get(p).id(), policies.get(p).description(), treated,
                    deferred, point[0], point[1], summary(dr[p]), summary(ipw[p])));
        }
        return new Valued(out, dr, ipw, (long) n);
    }

    /** Adds one test row to the sums of every round (0..rounds−1; round {@code b0}: the point values, c = 1). */
    private static void add(Row r, double[] acc, SparkPolicy.Rule[] rules, PoissonWeights w, int b0, int tail) {
        long id = r.getLong(0);
        int t = r.getInt(1);
        double y = r.getDouble(2);
        double e1 = r.getDouble(3);
        double mu0 = r.getDouble(4);
        double mu1 = r.getDouble(5);
        boolean in = r.getBoolean(6);
        int np = rules.length;
        int[] d = new int[np];
        for (int p = 0; p < np; p++) {
            d[p] = rules[p].decide(mu0, mu1, in);
            acc[tail + p] += d[p] == 1 ? 1 : 0;
            acc[tail + np + p] += d[p] == SparkPolicy.DEFER ? 1 : 0;
        }
        acc[tail + 2 * np] += 1;
        acc[tail + 2 * np + 1] += t;
        for (int b = 0; b <= b0; b++) {
            int c = b == b0 ? 1 : w.count(id, b);
            if (c == 0) {
                continue;
            }
            for (int p = 0; p < np; p++) {
                int base = (b * np + p) * SUMS;
                acc[base] += c;
                if (d[p] == SparkPolicy.DEFER) {
                    acc[base + 1] += c * y;
                    continue;
                }
                double plug = d[p] == 1 ? mu1 : mu0;
                acc[base + 2] += c;
                acc[base + 6] += c * plug;
                if (t == d[p]) {
                    double wt = c / (d[p] == 1 ? e1 : 1 - e1);
                    acc[base + 3] += wt;
                    acc[base + 4] += wt * y;
                    acc[base + 5] += wt * (y - plug);
                }
            }
        }
    }

    /** {DR, IPW} from the sums at {@code base}: nTot, Σ deferred y, nRec, Σ w, Σ w y, Σ w (y − ŷ), Σ ŷ. */
    static double[] finish(double[] s, int base) {
        double nTot = s[base];
        double sumDeferred = s[base + 1];
        double nRec = s[base + 2];
        double sumW = s[base + 3];
        if (nRec == 0) {
            double v = sumDeferred / nTot;
            return new double[] {v, v};
        }
        double ipwRec = sumW > 0 ? s[base + 4] / sumW : Double.NaN;
        double drRec = (sumW > 0 ? s[base + 5] / sumW : 0) + s[base + 6] / nRec;
        return new double[] {(sumDeferred + nRec * drRec) / nTot, (sumDeferred + nRec * ipwRec) / nTot};
    }

    /** Mean, SD, min, quartiles, max over the rounds where the value is defined. */
    static RunResult.Summary summary(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return new RunResult.Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }
        return new RunResult.Summary(Stats.mean(v), Stats.sd(v), v[0], Stats.quantileSorted(v, 0.25),
                Stats.quantileSorted(v, 0.5), Stats.quantileSorted(v, 0.75), v[v.length - 1]);
    }
}

package org.causalrx.policy;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The row-at-a-time bootstrap engine: for each round, draw the counts, then one pass over the drawn patients updates
 * every policy's sums. It defines the values {@link Bootstrap#run} must reproduce bit for bit, serves as its fallback
 * when the held-out data hold non-finite numbers, and is the baseline of the {@code bench policy} speed figure.
 */
public final class RowBootstrap {
    private RowBootstrap() {
    }

    /**
     * Same contract and values as {@link Bootstrap#run(HeldOut, List, int, long, boolean, int[])}.
     *
     * @param groups group id per held-out row, or null to resample rows
     */
    public static Bootstrap.Result run(HeldOut data, List<PolicyDecisions> policies, int rounds, long seed,
            boolean parallel, int[] groups) {
        int[][] members = Bootstrap.members(groups, data.size());
        if (rounds < 1) {
            throw new IllegalArgumentException("bootstrap rounds must be >= 1, got " + rounds);
        }
        int k = policies.size();
        byte[] decisions = Bootstrap.patientMajor(data, policies);
        PolicyValue.Prepared prep = PolicyValue.Prepared.of(data);
        double[][] dr = new double[k][rounds];
        double[][] ipw = new double[k][rounds];
        int chunk = 250;
        int chunks = (rounds + chunk - 1) / chunk;
        IntStream range = IntStream.range(0, chunks);
        (parallel ? range.parallel() : range).forEach(c -> rounds(prep, decisions, k, members, seed, c * chunk,
                Math.min(rounds, (c + 1) * chunk), dr, ipw));
        return new Bootstrap.Result(policies.stream().map(PolicyDecisions::id).toList(), dr, ipw);
    }

    /**
     * Fills {@code dr[p][r]} and {@code ipw[p][r]} for rounds {@code from} (inclusive) to {@code to}, one round at a
     * time.
     *
     * @param decisions n × k valued decisions, patient-major ({@code decisions[i * k + p]}), checked
     * @param members   rows of each resampling group, or null to resample rows
     */
    static void rounds(PolicyValue.Prepared prep, byte[] decisions, int k, int[][] members, long seed, int from,
            int to, double[][] dr, double[][] ipw) {
        int n = prep.y().length;
        int[] counts = new int[n];
        int[] drawn = new int[n];
        double[] sumDeferred = new double[k];
        long[] nRec = new long[k];
        double[] sumW = new double[k];
        double[] sumWy = new double[k];
        double[] sumWres = new double[k];
        double[] sumPlug = new double[k];
        double[] cPlug = new double[prep.arms()];
        for (int r = from; r < to; r++) {
            Bootstrap.resample(counts, seed, r, members);
            int m = 0;
            long drawnRows = 0;
            for (int i = 0; i < n; i++) {
                if (counts[i] != 0) {
                    drawn[m++] = i;
                    drawnRows += counts[i];
                }
            }
            Arrays.fill(sumDeferred, 0);
            Arrays.fill(nRec, 0);
            Arrays.fill(sumW, 0);
            Arrays.fill(sumWy, 0);
            Arrays.fill(sumWres, 0);
            Arrays.fill(sumPlug, 0);
            accumulate(prep, decisions, k, counts, drawn, m, cPlug, sumDeferred, nRec, sumW, sumWy, sumWres,
                    sumPlug);
            for (int p = 0; p < k; p++) {
                PolicyValue.Values v = PolicyValue.finish(drawnRows, sumDeferred[p], nRec[p], sumW[p], sumWy[p],
                        sumWres[p], sumPlug[p]);
                dr[p][r] = v.dr();
                ipw[p][r] = v.ipw();
            }
        }
    }

    /**
     * The sums of {@link PolicyValue#evaluate} for every policy, over the drawn patients in index order;
     * {@code cPlug} (length K) is scratch for one patient's count-weighted plug-ins.
     */
    private static void accumulate(PolicyValue.Prepared prep, byte[] decisions, int k, int[] counts, int[] drawn,
            int m, double[] cPlug, double[] sumDeferred, long[] nRec, double[] sumW, double[] sumWy, double[] sumWres,
            double[] sumPlug) {
        double[] y = prep.y();
        double[] mu = prep.mu();
        double[] pObs = prep.pObs();
        double[] resid = prep.resid();
        int[] t = prep.t();
        int arms = prep.arms();
        for (int j = 0; j < m; j++) {
            int i = drawn[j];
            int c = counts[i];
            double cy = c * y[i];
            for (int a = 0; a < arms; a++) {
                cPlug[a] = c * mu[i * arms + a];
            }
            double w = c / pObs[i];
            double wy = w * y[i];
            double wres = w * resid[i];
            int ti = t[i];
            int base = i * k;
            for (int p = 0; p < k; p++) {
                int d = decisions[base + p];
                if (d == PolicyDecisions.DEFER) {
                    sumDeferred[p] += cy;
                    continue;
                }
                nRec[p] += c;
                sumPlug[p] += cPlug[d];
                if (ti == d) {
                    sumW[p] += w;
                    sumWy[p] += wy;
                    sumWres[p] += wres;
                }
            }
        }
    }
}

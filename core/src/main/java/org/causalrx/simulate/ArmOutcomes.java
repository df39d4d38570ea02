package org.causalrx.simulate;

/**
 * Simulated potential outcomes of K ≥ 2 arms for every analysis-cohort patient (arm 0 the reference), on the real
 * outcome's scale. Arrays are K × n, indexed {@code [arm][patient]} in cohort order.
 *
 * @param y      outcome under each arm (with noise)
 * @param mu     noise-free mean outcome under each arm
 * @param cate   true, noise-free effect of each arm against the reference, {@code mu[a] − mu[0]} (row 0 all 0)
 * @param effect mean over the non-reference arms of mean |cate| over the cohort, as achieved (equals the requested
 *               C unless capped)
 */
public record ArmOutcomes(double[][] y, double[][] mu, double[][] cate, double effect) {
    public ArmOutcomes {
        y = copy(y);
        mu = copy(mu);
        cate = copy(cate);
        if (y.length < 2 || mu.length != y.length || cate.length != y.length) {
            throw new IllegalArgumentException("potential outcomes need K >= 2 arms in y, mu and cate");
        }
    }

    @Override
    public double[][] y() {
        return copy(y);
    }

    @Override
    public double[][] mu() {
        return copy(mu);
    }

    @Override
    public double[][] cate() {
        return copy(cate);
    }

    /** Number of arms K. */
    public int arms() {
        return y.length;
    }

    /** Outcome of patient {@code i} under arm {@code a}. */
    public double y(int a, int i) {
        return y[a][i];
    }

    /** The factual outcome per cohort patient: {@code y[t_i][i]}. */
    public double[] factual(int[] treatment) {
        double[] out = new double[treatment.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = y[treatment[i]][i];
        }
        return out;
    }

    /** True effects of the given patients as an n × K matrix (column 0 all 0), the shape of a CATE model's. */
    public double[][] effects(int[] patients) {
        double[][] out = new double[patients.length][cate.length];
        for (int i = 0; i < patients.length; i++) {
            for (int a = 0; a < cate.length; a++) {
                out[i][a] = cate[a][patients[i]];
            }
        }
        return out;
    }

    /** The two-arm view per data-table row (arm 0 as control, arm 1 as treated); needs K = 2. */
    PotentialOutcomes twoArm(SimulationCohort cohort) {
        if (y.length != 2) {
            throw new IllegalStateException("a two-arm view of " + y.length + " arms");
        }
        return new PotentialOutcomes(cohort.toTableRows(y[0]), cohort.toTableRows(y[1]), cohort.toTableRows(cate[1]),
                cohort.toTableRows(mu[0]), cohort.toTableRows(mu[1]), effect);
    }

    private static double[][] copy(double[][] v) {
        double[][] c = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            c[i] = v[i].clone();
        }
        return c;
    }
}

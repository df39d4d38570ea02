package org.causalrx.causal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ensembles of CATE estimators (TRS §4.4.3). Average: the mean of the members' CATEs. Majority: the median
 * of the members' CATEs, whose sign is the majority vote of the members' signs (for an odd number of members).
 * Consensus is a policy (recommend only where all members agree in sign, else defer): see
 * {@code Policies.consensus}.
 */
public final class Ensembles {
    private Ensembles() {
    }

    public static CateEstimator average(String name, List<CateEstimator> members) {
        return combine(name, members, false);
    }

    public static CateEstimator majority(String name, List<CateEstimator> members) {
        return combine(name, members, true);
    }

    /** Combines already fitted members (a {@link Combined}). */
    public static CateModel combineFitted(List<CateModel> fitted, boolean median) {
        return new Combined(fitted, median);
    }

    /**
     * Fitted members combined per patient: the mean of their CATEs, or the median when {@code median}.
     *
     * @param members the fitted member models
     * @param median  median (majority) rather than mean (average)
     */
    public record Combined(List<CateModel> members, boolean median) implements CateModel {
        public Combined {
            members = List.copyOf(members);
        }

        @Override
        public double[] effect(double[][] x) {
            double[][] all = new double[members.size()][];
            for (int k = 0; k < members.size(); k++) {
                all[k] = members.get(k).effect(x);
            }
            double[] out = new double[x.length];
            double[] col = new double[members.size()];
            for (int i = 0; i < out.length; i++) {
                for (int k = 0; k < col.length; k++) {
                    col[k] = all[k][i];
                }
                out[i] = median ? Ensembles.median(col) : Arrays.stream(col).average().orElse(Double.NaN);
            }
            return out;
        }
    }

    private static CateEstimator combine(String name, List<CateEstimator> members, boolean median) {
        List<CateEstimator> ms = List.copyOf(members);
        return new CateEstimator() {
            @Override
            public CateModel fit(double[][] x, int[] t, double[] y, long seed) {
                return fit(x, t, y, null, seed);
            }

            @Override
            public CateModel fit(double[][] x, int[] t, double[] y, int[] groups, long seed) {
                List<CateModel> fitted = new ArrayList<>();
                for (int k = 0; k < ms.size(); k++) {
                    fitted.add(ms.get(k).fit(x, t, y, groups, org.causalrx.util.Seeds.derive(seed, k)));
                }
                return combineFitted(fitted, median);
            }

            @Override
            public String name() {
                return name;
            }
        };
    }

    /** The median of v (the mean of the two middle values for an even length); v is not changed. */
    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}

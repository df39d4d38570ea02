package org.causalrx.causal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import org.causalrx.learn.MultiClassifier;
import org.causalrx.learn.MultiProbabilityModel;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Out-of-fold K-arm nuisances for every row, each fit on the other folds of a {@link CrossFit}: the generalized
 * propensities e_a(x) = P(T = a | x) and the arm outcomes mu_a(x). With K = 2 these are exactly {@link Nuisance}'s
 * values (same folds, seeds and clipping rule).
 */
public final class MultiArmNuisance {
    private MultiArmNuisance() {
    }

    /**
     * Out-of-fold n × K propensities, fold f fit with seed {@code Seeds.derive(seed, f)}, clipped by
     * {@link #clip(double[], double)}.
     */
    public static double[][] propensities(MultiClassifier learner, double[][] x, int[] t, int k, CrossFit cf,
                                          double clip, long seed) {
        return propensityFits(f -> learner, x, t, k, cf, clip, seed).e();
    }

    /**
     * Out-of-fold propensities and the fold models that gave them.
     *
     * @param e      n × K clipped out-of-fold propensities
     * @param models fold f's fitted model at entry f
     */
    public record Propensities(double[][] e, List<MultiProbabilityModel> models) {
        public Propensities {
            models = List.copyOf(models);
        }
    }

    /**
     * As {@link #propensities}, fold f fitted by {@code learnerOfFold.apply(f)}, and with the fold models.
     */
    public static Propensities propensityFits(IntFunction<MultiClassifier> learnerOfFold, double[][] x, int[] t,
                                              int k, CrossFit cf, double clip, long seed) {
        double[][] e = new double[t.length][];
        List<MultiProbabilityModel> models = new ArrayList<>();
        for (int f = 0; f < cf.k(); f++) {
            int[] tr = cf.trainRows(f);
            int[] ho = cf.heldOutRows(f);
            MultiProbabilityModel m = learnerOfFold.apply(f).fit(Stats.select(x, tr), Stats.select(t, tr), k, null,
                    Seeds.derive(seed, f));
            models.add(m);
            double[][] p = m.predictProba(Stats.select(x, ho));
            for (int j = 0; j < ho.length; j++) {
                e[ho[j]] = clip(p[j], clip);
            }
        }
        return new Propensities(e, models);
    }

    /**
     * One row of K propensities with every arm's propensity at least {@code clip}, so that inverse weights stay
     * bounded. For K = 2 this is the binary rule e_1 in [clip, 1 − clip], e_0 = 1 − e_1; for K ≥ 3 each e_a is
     * raised to {@code clip} where it is lower (the row is not renormalised). Returns a new array.
     */
    public static double[] clip(double[] p, double clip) {
        if (p.length == 2) {
            double e1 = Math.min(Math.max(p[1], clip), 1 - clip);
            return new double[] {1 - e1, e1};
        }
        double[] out = new double[p.length];
        for (int a = 0; a < p.length; a++) {
            out[a] = Math.max(p[a], clip);
        }
        return out;
    }

    /**
     * Out-of-fold arm outcomes, K × n (row a is mu_a): in fold f the model of arm a is fit on that arm's rows of
     * the other folds with seed {@code Seeds.derive(seed, k·f + a)}.
     *
     * @throws IllegalArgumentException when an arm has no rows outside some fold
     */
    public static double[][] armOutcomes(Regressor learner, double[][] x, int[] t, int k, double[] y, CrossFit cf,
                                         long seed) {
        return armOutcomeFits((f, a) -> learner, x, t, k, y, cf, seed).mu();
    }

    /**
     * Out-of-fold arm outcomes and the fold models that gave them.
     *
     * @param mu     K × n out-of-fold arm outcomes (row a is mu_a)
     * @param models fold f's arm models at entry f (entry a of it: arm a's)
     */
    public record ArmOutcomes(double[][] mu, List<List<RegressionModel>> models) {
        public ArmOutcomes {
            models = models.stream().map(List::copyOf).toList();
        }
    }

    /**
     * As {@link #armOutcomes}, the model of fold f's arm a fitted by {@code learnerOf.learner(f, a)}, and with the
     * fold models.
     */
    public static ArmOutcomes armOutcomeFits(CrossFitAipw.OutcomeOfFold learnerOf, double[][] x, int[] t, int k,
                                             double[] y, CrossFit cf, long seed) {
        double[][] mu = new double[k][y.length];
        List<List<RegressionModel>> models = new ArrayList<>();
        for (int f = 0; f < cf.k(); f++) {
            int[] tr = cf.trainRows(f);
            int[] ho = cf.heldOutRows(f);
            double[][] xHo = Stats.select(x, ho);
            List<RegressionModel> fold = new ArrayList<>();
            for (int arm = 0; arm < k; arm++) {
                final int a = arm;
                int[] rows = Arrays.stream(tr).filter(i -> t[i] == a).toArray();
                if (rows.length == 0) {
                    throw new IllegalArgumentException("arm " + a + " has no rows outside cross-fitting fold " + f);
                }
                RegressionModel m = learnerOf.learner(f, arm).fit(Stats.select(x, rows), Stats.select(y, rows), null,
                        null, Seeds.derive(seed, (long) k * f + arm));
                fold.add(m);
                double[] p = m.predict(xHo);
                for (int j = 0; j < ho.length; j++) {
                    mu[arm][ho[j]] = p[j];
                }
            }
            models.add(fold);
        }
        return new ArmOutcomes(mu, models);
    }

    /**
     * The seed of arm a's model in a stage that fits one model per non-reference arm: arm 1 uses the stage's seed
     * itself (the stream the binary learner uses), arm a ≥ 2 {@code Seeds.derive(stageSeed, a)}.
     */
    public static long armSeed(long stageSeed, int arm) {
        return arm == 1 ? stageSeed : Seeds.derive(stageSeed, arm);
    }
}

package org.causalrx.nn;

import org.causalrx.causal.MultiArmCateEstimator;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.learn.MultiClassifier;
import org.causalrx.learn.MultiProbabilityModel;
import org.causalrx.learn.OneVsRest;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.util.Seeds;

/**
 * K-arm X-MultiTask: the X-learner of {@link XMultiTask} with multi-task networks of K heads on a shared trunk.
 * <ol>
 *   <li>Generalized propensities e_a(x) from a K-class model fitted inside {@code fit} (one-vs-rest L2 logistic by
 *       default), each floored at clip ({@link #clipped}).</li>
 *   <li>Stage 1: a K-head net learns mu_0 … mu_{K−1}, each row's loss weighted by 1/e_t(x).</li>
 *   <li>Stage 2: a K-head net with K − 1 output blocks per head (one block per non-reference arm). Head a ≥ 1
 *       fits tau_a1 in block a on arm a's rows, target D = y − mu_0(x); head 0 fits tau_a0 in every block a on the
 *       reference rows, target D = mu_a(x) − y (per class for categorical outcomes). Outputs without a target are
 *       masked out of the squared-error loss, so a reference row adds K − 1 blocks and an arm-a row one.</li>
 *   <li>tau_a(x) = g_a·tau_a0(x) + (1 − g_a)·tau_a1(x), g_a = e_a / (e_0 + e_a) clipped to [clip, 1 − clip] (as in
 *       the multi-arm X-learner).</li>
 * </ol>
 * With K = 2 and the default propensity model every step is {@link XMultiTask}'s (same seeds, networks, weights),
 * so column 1 of the effects is the binary effect. Configuration only; {@code fit} returns an immutable
 * {@link MultiArmXMultiTaskModel}.
 */
public final class MultiArmXMultiTask implements MultiArmCateEstimator {
    private final NnSettings settings;
    private final MultiClassifier propensity;
    private final double clip;
    private final boolean weighted;

    public MultiArmXMultiTask() {
        this(NnSettings.defaults(), new OneVsRest(LogisticRegression.l2()), XMultiTask.CLIP, true);
    }

    /**
     * @param propensity K-class model for e_a(x)
     * @param clip       propensity floor and clip of g_a, in [0, 0.5)
     * @param weighted   inverse-propensity weights in stage 1 (true in the paper; false only for comparison)
     */
    public MultiArmXMultiTask(NnSettings settings, MultiClassifier propensity, double clip, boolean weighted) {
        if (!(clip >= 0 && clip < 0.5)) {
            throw new IllegalArgumentException("clip must be in [0, 0.5), got " + clip);
        }
        this.settings = settings;
        this.propensity = propensity;
        this.clip = clip;
        this.weighted = weighted;
    }

    /** The same estimator with the outcome modelled as {@code kind} (null: the settings' own outcome type). */
    public MultiArmXMultiTask forOutcome(OutcomeAware.Kind kind) {
        return kind == null ? this : new MultiArmXMultiTask(
                settings.withOutcome(NnSettings.OutcomeType.valueOf(kind.name())), propensity, clip, weighted);
    }

    @Override
    public MultiArmXMultiTaskModel fit(double[][] x, int[] t, int k, double[] y, long seed) {
        MultiArmNets.checkInputs(x, t, k, y);
        Standardizer st = Standardizer.fit(x);
        OutcomeCoding coding = OutcomeCoding.of(y, settings.outcome());
        MultiProbabilityModel eModel = propensity.fit(x, t, k, null, Seeds.derive(seed, "propensity"));
        double[][] e = clipped(eModel.predictProba(x), clip);
        double[] w = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            w[i] = weighted ? 1 / e[i][t[i]] : 1;
        }
        float[][] xs = st.applyFloat(x);
        double[][] xd = st.apply(x);
        int out = coding.outputs();
        NetEnsemble stage1 = NetTrainer.trainEnsemble(NetSpec.of(settings, st.columns(), k, out, false), settings,
                NetTask.of(xs, t.clone(), coding.targets(y), w, coding.loss()), Seeds.derive(seed, "stage1"));

        double[][][] r = new double[k][][];
        for (int a = 0; a < k; a++) {
            r[a] = stage1.response(coding, xd, a);
        }
        float[][] target = coding.targets(y);
        float[][] imputed = new float[t.length][(k - 1) * out];
        float[][] mask = k == 2 ? null : new float[t.length][(k - 1) * out];
        for (int i = 0; i < t.length; i++) {
            for (int a = 1; a < k; a++) {
                if (t[i] != 0 && t[i] != a) {
                    continue;
                }
                for (int j = 0; j < out; j++) {
                    double obs = target[i][j];
                    int c = (a - 1) * out + j;
                    imputed[i][c] = (float) (t[i] == a ? obs - r[0][i][j] : r[a][i][j] - obs);
                    if (mask != null) {
                        mask[i][c] = 1f;
                    }
                }
            }
        }
        NetEnsemble stage2 = NetTrainer.trainEnsemble(NetSpec.of(settings, st.columns(), k, (k - 1) * out, false),
                settings, new NetTask(xs, t.clone(), imputed, null, NetTask.Loss.MSE, 0, 0, mask),
                Seeds.derive(seed, "stage2"));
        return new MultiArmXMultiTaskModel(st, coding, eModel, clip, stage1, stage2);
    }

    /**
     * Clipped generalized propensities, n × K: for two arms {1 − c(e_1), c(e_1)} with c the clip to
     * [clip, 1 − clip] (the binary X-MultiTask's e); for K ≥ 3 each e_a floored at clip.
     */
    static double[][] clipped(double[][] p, double clip) {
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            if (p[i].length == 2) {
                double e = Math.min(1 - clip, Math.max(clip, p[i][1]));
                out[i] = new double[] {1 - e, e};
            } else {
                out[i] = new double[p[i].length];
                for (int a = 0; a < p[i].length; a++) {
                    out[i][a] = Math.max(clip, p[i][a]);
                }
            }
        }
        return out;
    }

    @Override
    public String name() {
        return "xmultitask";
    }
}

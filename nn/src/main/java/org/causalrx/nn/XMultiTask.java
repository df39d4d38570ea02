package org.causalrx.nn;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.learn.Classifier;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.util.Seeds;

/**
 * X-MultiTask (seed paper 000): an X-learner whose two stages are multi-task networks (a shared trunk, one head
 * per arm).
 * <ol>
 *   <li>Propensity e(x) from a classifier fitted inside {@code fit} (L2 logistic by default), clipped to
 *       [clip, 1 − clip].</li>
 *   <li>Stage 1: a multi-task net learns mu0, mu1 with each row's loss weighted by inverse propensity (1/e for
 *       treated, 1/(1 − e) for control).</li>
 *   <li>Stage 2: imputed effects D = y − mu0(x) for treated and mu1(x) − y for control (per class for
 *       categorical outcomes: one-hot(y) − p0(x), p1(x) − one-hot(y)); a second multi-task net fits tau1 on the
 *       treated head and tau0 on the control head (squared error).</li>
 *   <li>tau(x) = e(x)·tau0(x) + (1 − e(x))·tau1(x).</li>
 * </ol>
 * x and continuous y are standardised inside {@code fit}. Configuration only; {@code fit} returns an immutable
 * {@link XMultiTaskModel}.
 */
public final class XMultiTask implements CateEstimator, OutcomeAware {
    /** Default propensity clipping. */
    public static final double CLIP = 0.05;

    private final NnSettings settings;
    private final Classifier propensity;
    private final double clip;
    private final boolean weighted;

    public XMultiTask() {
        this(NnSettings.defaults(), LogisticRegression.l2(), CLIP, true);
    }

    /**
     * @param propensity classifier for e(x)
     * @param clip       propensities are clipped to [clip, 1 − clip], clip in [0, 0.5)
     * @param weighted   inverse-propensity weights in stage 1 (true in the paper; false only for comparison)
     */
    public XMultiTask(NnSettings settings, Classifier propensity, double clip, boolean weighted) {
        if (!(clip >= 0 && clip < 0.5)) {
            throw new IllegalArgumentException("clip must be in [0, 0.5), got " + clip);
        }
        this.settings = settings;
        this.propensity = propensity;
        this.clip = clip;
        this.weighted = weighted;
    }

    @Override
    public XMultiTaskModel fit(double[][] x, int[] t, double[] y, long seed) {
        ArmNets.checkInputs(x, t, y);
        Standardizer st = Standardizer.fit(x);
        OutcomeCoding coding = OutcomeCoding.of(y, settings.outcome());
        var eModel = propensity.fit(x, t, null, Seeds.derive(seed, "propensity"));
        double[] e = clip(eModel.predictProba(x), clip);
        double[] w = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            w[i] = weighted ? (t[i] == 1 ? 1 / e[i] : 1 / (1 - e[i])) : 1;
        }
        float[][] xs = st.applyFloat(x);
        double[][] xd = st.apply(x);
        int out = coding.outputs();
        NetEnsemble stage1 = NetTrainer.trainEnsemble(NetSpec.of(settings, st.columns(), 2, out, false), settings,
                NetTask.of(xs, t.clone(), coding.targets(y), w, coding.loss()), Seeds.derive(seed, "stage1"));

        double[][] r0 = stage1.response(coding, xd, 0);
        double[][] r1 = stage1.response(coding, xd, 1);
        float[][] target = coding.targets(y);
        float[][] imputed = new float[t.length][out];
        for (int i = 0; i < t.length; i++) {
            for (int k = 0; k < out; k++) {
                double obs = target[i][k];
                imputed[i][k] = (float) (t[i] == 1 ? obs - r0[i][k] : r1[i][k] - obs);
            }
        }
        NetEnsemble stage2 = NetTrainer.trainEnsemble(NetSpec.of(settings, st.columns(), 2, out, false), settings,
                NetTask.of(xs, t.clone(), imputed, null, NetTask.Loss.MSE), Seeds.derive(seed, "stage2"));
        return new XMultiTaskModel(st, coding, eModel, clip, stage1, stage2);
    }

    static double[] clip(double[] e, double c) {
        double[] out = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            out[i] = Math.min(1 - c, Math.max(c, e[i]));
        }
        return out;
    }

    /** The same estimator with the outcome modelled as {@code kind} (the study's outcome type). */
    @Override
    public XMultiTask forOutcome(Kind kind) {
        return new XMultiTask(settings.withOutcome(NnSettings.OutcomeType.valueOf(kind.name())), propensity, clip,
                weighted);
    }

    @Override
    public String name() {
        return "xmultitask";
    }
}

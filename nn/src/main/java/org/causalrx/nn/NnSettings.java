package org.causalrx.nn;

import org.causalrx.util.CausalRxException;

/**
 * Architecture and training settings shared by the neural CATE estimators. Defaults follow Shi et al. (2019)
 * scaled to small clinical tables: a 3-layer ELU trunk of width 200, 2-layer heads of width 100, Adam at 1e-3,
 * batch 64, L2 weight decay 1e-4 on weight matrices, dropout 0.2 on hidden layers, early stopping with patience 20
 * epochs on a seeded, arm-stratified validation split of 20 % of the training rows. Dropout masks are drawn from
 * the fit's seeded Java random stream (never the engine's global RNG), so fits stay reproducible. On IHDP 1–10
 * dropout 0.2 lowered TARNet's out-of-sample sqrt-PEHE from 1.20 (no dropout) to 0.94 (see README).
 * <p>
 * Each fit trains {@link #DEFAULT_MEMBERS} = 5 networks with their own seeds and averages them (a deep
 * ensemble, {@link NetEnsemble}; 5 is the customary size, not tuned): on fresh surface-B replications
 * ({@code bench ihdp-sim}, 1–10) it lowered out-of-sample sqrt-PEHE in 9 of 10 (TARNet, 1.17 → 1.02) and 10 of 10
 * (DragonNet, 1.27 → 1.09) replications, at 5× the fit time. {@code withMembers(1)} gives the single network.
 *
 * @param hidden          trunk width (units per shared layer)
 * @param sharedDepth     number of shared (representation) layers, ≥ 1
 * @param headHidden      width of each head's hidden layers
 * @param headDepth       hidden layers per head (0 = a linear head on the representation)
 * @param dropout         dropout probability on hidden layers during training, in [0, 1)
 * @param weightDecay     L2 penalty weightDecay · Σ‖W‖² on weight matrices (not biases) added to the loss, ≥ 0
 * @param learningRate    Adam learning rate, &gt; 0
 * @param batchSize       mini-batch size, ≥ 1
 * @param maxEpochs       maximum epochs, ≥ 1
 * @param patience        epochs without validation improvement before stopping, ≥ 1
 * @param validationShare share of training rows held out for early stopping, in (0, 0.5]
 * @param outcome         outcome type; AUTO = binary when every y is 0 or 1, continuous otherwise
 * @param members         networks trained with their own seeds and averaged (a deep ensemble), ≥ 1
 */
public record NnSettings(int hidden, int sharedDepth, int headHidden, int headDepth, double dropout,
                         double weightDecay, double learningRate, int batchSize, int maxEpochs, int patience,
                         double validationShare, OutcomeType outcome, int members) {

    /** Ensemble members by default: see the class comment. */
    public static final int DEFAULT_MEMBERS = 5;

    /** How the outcome is modelled. CATEGORICAL needs integer class labels 0..K−1. */
    public enum OutcomeType { AUTO, CONTINUOUS, BINARY, CATEGORICAL }

    public NnSettings {
        check(hidden >= 1, "hidden must be ≥ 1, got " + hidden);
        check(sharedDepth >= 1, "sharedDepth must be ≥ 1, got " + sharedDepth);
        check(headHidden >= 1, "headHidden must be ≥ 1, got " + headHidden);
        check(headDepth >= 0, "headDepth must be ≥ 0, got " + headDepth);
        check(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got " + dropout);
        check(weightDecay >= 0, "weightDecay must be ≥ 0, got " + weightDecay);
        check(learningRate > 0, "learningRate must be > 0, got " + learningRate);
        check(batchSize >= 1, "batchSize must be ≥ 1, got " + batchSize);
        check(maxEpochs >= 1, "maxEpochs must be ≥ 1, got " + maxEpochs);
        check(patience >= 1, "patience must be ≥ 1, got " + patience);
        check(validationShare > 0 && validationShare <= 0.5, "validationShare must be in (0, 0.5], got "
                + validationShare);
        check(outcome != null, "outcome type must be given (AUTO, CONTINUOUS, BINARY or CATEGORICAL)");
        check(members >= 1, "members must be ≥ 1, got " + members);
    }

    /** The defaults described above. */
    public static NnSettings defaults() {
        return new NnSettings(200, 3, 100, 2, 0.2, 1e-4, 1e-3, 64, 300, 20, 0.2, OutcomeType.AUTO, DEFAULT_MEMBERS);
    }

    public NnSettings withOutcome(OutcomeType type) {
        return new NnSettings(hidden, sharedDepth, headHidden, headDepth, dropout, weightDecay, learningRate,
                batchSize, maxEpochs, patience, validationShare, type, members);
    }

    public NnSettings withEpochs(int max, int newPatience) {
        return new NnSettings(hidden, sharedDepth, headHidden, headDepth, dropout, weightDecay, learningRate,
                batchSize, max, newPatience, validationShare, outcome, members);
    }

    public NnSettings withSize(int newHidden, int newSharedDepth, int newHeadHidden, int newHeadDepth) {
        return new NnSettings(newHidden, newSharedDepth, newHeadHidden, newHeadDepth, dropout, weightDecay,
                learningRate, batchSize, maxEpochs, patience, validationShare, outcome, members);
    }

    public NnSettings withDropout(double p) {
        return new NnSettings(hidden, sharedDepth, headHidden, headDepth, p, weightDecay, learningRate,
                batchSize, maxEpochs, patience, validationShare, outcome, members);
    }

    /** The same settings with {@code k} ensemble members (1 = a single network). */
    public NnSettings withMembers(int k) {
        return new NnSettings(hidden, sharedDepth, headHidden, headDepth, dropout, weightDecay, learningRate,
                batchSize, maxEpochs, patience, validationShare, outcome, k);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new CausalRxException("neural net settings: " + message);
        }
    }
}

package org.causalrx.nn;

import org.causalrx.util.CausalRxException;

/**
 * Architecture and training settings shared by the neural CATE estimators. Defaults follow Shi et al. (2019)
 * scaled to small clinical tables: a 3-layer ELU trunk of width 200, 2-layer heads of width 100, Adam at 1e-3,
 * batch 64, L2 weight decay 1e-4 on weight matrices, dropout 0.2 on hidden layers, early stopping with patience 20 epochs on a seeded,
 * arm-stratified validation split of 20 % of the training rows. Dropout masks are drawn from the fit's seeded
 * Java random stream (never the engine's global RNG), so fits stay reproducible. On IHDP 1–10 dropout 0.2
 * lowered TARNet's out-of-sample sqrt-PEHE from 1.20 (no dropout) to 0.94 (see README).
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
 */
public record NnSettings(int hidden, int sharedDepth, int headHidden, int headDepth, double dropout,
                         double weightDecay, double learningRate, int batchSize, int maxEpochs, int patience,
                         double validationShare, OutcomeType outcome) {

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
    }

    /** The defaults described above. */
    public static NnSettings defaults() {
        return new NnSettings(200, 3, 100, 2, 0.2, 1e-4, 1e-3, 64, 300, 20, 0.2, OutcomeType.AUTO);
    }

    public NnSettings withOutcome(OutcomeType type) {
        return new NnSettings(hidden, sharedDepth, headHidden, headDepth, dropout, weightDecay, learningRate,
                batchSize, maxEpochs, patience, validationShare, type);
    }

    public NnSettings withEpochs(int max, int newPatience) {
        return new NnSettings(hidden, sharedDepth, headHidden, headDepth, dropout, weightDecay, learningRate,
                batchSize, max, newPatience, validationShare, outcome);
    }

    public NnSettings withSize(int newHidden, int newSharedDepth, int newHeadHidden, int newHeadDepth) {
        return new NnSettings(newHidden, newSharedDepth, newHeadHidden, newHeadDepth, dropout, weightDecay,
                learningRate, batchSize, maxEpochs, patience, validationShare, outcome);
    }

    public NnSettings withDropout(double p) {
        return new NnSettings(hidden, sharedDepth, headHidden, headDepth, p, weightDecay, learningRate,
                batchSize, maxEpochs, patience, validationShare, outcome);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new CausalRxException("neural net settings: " + message);
        }
    }
}

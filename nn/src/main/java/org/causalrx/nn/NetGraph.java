package org.causalrx.nn;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The differentiable loss of a {@link NetSpec} network on a set of rows of a {@link NetTask}, built from DJL
 * array operations (so the engine can back-propagate). Mirrors {@link NetParams}'s Java forward pass: ELU trunk,
 * ELU heads, linear outputs; the factual head of each row is picked with 0/1 arm masks. Loss = weighted mean of
 * the row losses + alpha · propensity cross-entropy + beta · targeted-regularisation term + weight decay ·
 * Σ‖W‖² over weight matrices. With two arms the propensity head is one logit (binary cross-entropy, the clever
 * covariate h = t/g − (1 − t)/(1 − g)); with K ≥ 3 arms it is K logits (softmax cross-entropy) and the targeted
 * term perturbs the factual prediction by Σ_a epsilon_a · h_a with h_a = 1{t = a}/g_a − 1{t = 0}/g_0 for every
 * non-reference arm a (the clever covariate of the effect of a against the reference), g clipped to
 * 0.98 · g + 0.01 per arm; for K = 2 both forms coincide. A row's target mask (K-arm X-MultiTask) zeroes the
 * squared error of outputs without a target. The validation loss (training = false) leaves out the auxiliary
 * propensity and targeted terms: early stopping watches the regularised outcome objective the effects come from.
 * Dropout (training only) uses masks drawn from the caller's seeded stream.
 */
final class NetGraph {
    private final NetSpec spec;
    private final NnSettings settings;
    private final NetTask task;

    NetGraph(NetSpec spec, NnSettings settings, NetTask task) {
        this.spec = spec;
        this.settings = settings;
        this.task = task;
    }

    NDArray loss(NDManager mgr, NDArray[] p, int[] rows, SplittableRandom rng, boolean training) {
        int b = rows.length;
        int in = spec.inputs();
        int d = spec.outputs();
        float[] xb = new float[b * in];
        float[] yb = new float[b * d];
        float[] wb = new float[b];
        float[][] masks = new float[spec.heads()][b];
        float[] tb = new float[b];
        float[] ob = task.mask() == null ? null : new float[b * d];
        for (int r = 0; r < b; r++) {
            int i = rows[r];
            System.arraycopy(task.x()[i], 0, xb, r * in, in);
            System.arraycopy(task.target()[i], 0, yb, r * d, d);
            if (ob != null) {
                System.arraycopy(task.mask()[i], 0, ob, r * d, d);
            }
            wb[r] = task.weight() == null ? 1f : (float) task.weight()[i];
            masks[task.arm()[i]][r] = 1f;
            tb[r] = task.arm()[i];
        }
        NDArray z = copy(mgr, xb, new Shape(b, in));
        for (int l = 0; l < spec.sharedDepth(); l++) {
            z = dropout(mgr, elu(mgr, z.matMul(p[2 * l]).add(p[2 * l + 1])), rng, training);
        }
        NDArray y = copy(mgr, yb, new Shape(b, d));
        NDArray selected = null;
        for (int h = 0; h < spec.heads(); h++) {
            int k = spec.headStart(h);
            NDArray zh = z;
            for (int l = 0; l < spec.headDepth(); l++) {
                zh = dropout(mgr, elu(mgr, zh.matMul(p[k]).add(p[k + 1])), rng, training);
                k += 2;
            }
            NDArray out = zh.matMul(p[k]).add(p[k + 1]).mul(copy(mgr, masks[h], new Shape(b, 1)));
            selected = selected == null ? out : selected.add(out);
        }
        NDArray rowLoss = switch (task.loss()) {
            case MSE -> ob == null ? selected.sub(y).square().sum(new int[] {1})
                    : selected.sub(y).square().mul(copy(mgr, ob, new Shape(b, d))).sum(new int[] {1});
            case BCE -> bce(mgr, selected, y).sum(new int[] {1});
            case CE -> selected.logSoftmax(1).mul(y).sum(new int[] {1}).neg();
        };
        NDArray w = copy(mgr, wb, new Shape(b));
        NDArray loss = rowLoss.mul(w).sum().div(w.sum());
        if (spec.propensity() && training && spec.heads() > 2) {
            int k = spec.propensityStart();
            NDArray logit = z.matMul(p[k]).add(p[k + 1]);
            loss = loss.add(multiArmPropensity(mgr, logit, masks, selected, y, p[k + 2]));
        } else if (spec.propensity() && training) {
            int k = spec.propensityStart();
            NDArray logit = z.matMul(p[k]).add(p[k + 1]);
            NDArray t = copy(mgr, tb, new Shape(b, 1));
            if (task.propensityWeight() > 0) {
                loss = loss.add(bce(mgr, logit, t).mean().mul(scalar(mgr, task.propensityWeight())));
            }
            if (task.targetedWeight() > 0) {
                NDArray g = sigmoid(mgr, logit).mul(scalar(mgr, 0.98)).add(scalar(mgr, 0.01));
                NDArray hClever = t.div(g).sub(t.neg().add(scalar(mgr, 1)).div(g.neg().add(scalar(mgr, 1))));
                NDArray yTilde = selected.add(hClever.mul(p[k + 2]));
                loss = loss.add(y.sub(yTilde).square().mean().mul(scalar(mgr, task.targetedWeight())));
            } else {
                loss = loss.add(p[k + 2].sum().mul(scalar(mgr, 0))); // keeps epsilon's gradient defined (zero)
            }
        }
        if (settings.weightDecay() > 0) {
            NDArray penalty = null;
            for (int i = 0; i + 1 < p.length; i += 2) {
                NDArray sq = p[i].square().sum();
                penalty = penalty == null ? sq : penalty.add(sq);
            }
            loss = loss.add(penalty.mul(scalar(mgr, settings.weightDecay())));
        }
        return loss;
    }

    /**
     * The K ≥ 3-arm propensity terms: alpha · softmax cross-entropy of the arm labels, plus (beta &gt; 0) beta · mean
     * (y − (mu_t + Σ_a epsilon_a · h_a))² with the clever covariates of the class comment; logit is b × K,
     * selected (the factual outcome) and y are b × 1.
     */
    private NDArray multiArmPropensity(NDManager mgr, NDArray logit, float[][] masks, NDArray selected, NDArray y,
                                       NDArray epsilon) {
        int b = masks[0].length;
        int arms = masks.length;
        float[] onehot = new float[b * arms];
        float[] contrast = new float[arms * (arms - 1)];
        for (int r = 0; r < b; r++) {
            for (int a = 0; a < arms; a++) {
                onehot[r * arms + a] = masks[a][r];
            }
        }
        for (int a = 1; a < arms; a++) {
            contrast[a - 1] = -1f;
            contrast[a * (arms - 1) + a - 1] = 1f;
        }
        NDArray t = copy(mgr, onehot, new Shape(b, arms));
        NDArray loss = scalar(mgr, 0);
        if (task.propensityWeight() > 0) {
            NDArray ce = logit.logSoftmax(1).mul(t).sum(new int[] {1}).neg().mean();
            loss = loss.add(ce.mul(scalar(mgr, task.propensityWeight())));
        }
        if (task.targetedWeight() > 0) {
            NDArray g = logit.softmax(1).mul(scalar(mgr, 0.98)).add(scalar(mgr, 0.01));
            NDArray h = t.div(g).matMul(copy(mgr, contrast, new Shape(arms, arms - 1)));
            NDArray yTilde = selected.add(h.mul(epsilon).sum(new int[] {1}, true));
            loss = loss.add(y.sub(yTilde).square().mean().mul(scalar(mgr, task.targetedWeight())));
        } else {
            loss = loss.add(epsilon.sum().mul(scalar(mgr, 0))); // keeps the epsilons' gradient defined (zero)
        }
        return loss;
    }

    /**
     * Java data → an engine-owned copy. Arrays made straight from Java buffers live in direct-buffer memory whose
     * alignment varies with the heap's history, and PyTorch's vectorised CPU kernels sum in an alignment-dependent
     * order; a clone lives in the engine's 64-byte-aligned memory, so results do not depend on garbage collection.
     */
    static NDArray copy(NDManager mgr, float[] data, Shape shape) {
        try (NDArray raw = mgr.create(data, shape)) {
            return raw.duplicate();
        }
    }

    /** Binary cross-entropy on logits, stable form: max(z, 0) − z·y + log(1 + e^(−|z|)). */
    private static NDArray bce(NDManager mgr, NDArray z, NDArray y) {
        return z.maximum(scalar(mgr, 0)).sub(z.mul(y)).add(z.abs().neg().exp().add(scalar(mgr, 1)).log());
    }

    private static NDArray sigmoid(NDManager mgr, NDArray z) {
        return z.neg().exp().add(scalar(mgr, 1)).pow(scalar(mgr, -1));
    }

    /**
     * A scalar as an engine-owned array. DJL's {@code NDArray.mul(Number)} and friends wrap the number in a tensor
     * over a direct buffer that nothing keeps reachable; autograd saves that tensor for the backward pass (the
     * other factor of a product, both sides of a maximum), so after a garbage collection the gradient could read
     * freed, reused memory: same-seed fits then differed with GC timing (CPU load). A clone owns its memory.
     */
    static NDArray scalar(NDManager mgr, double v) {
        return copy(mgr, new float[] {(float) v}, new Shape());
    }

    /** ELU(z) = max(z, 0) + e^(min(z, 0)) − 1. */
    private static NDArray elu(NDManager mgr, NDArray z) {
        NDArray zero = scalar(mgr, 0);
        return z.maximum(zero).add(z.minimum(zero).exp().sub(scalar(mgr, 1)));
    }

    private NDArray dropout(NDManager mgr, NDArray z, SplittableRandom rng, boolean training) {
        double rate = settings.dropout();
        if (!training || rate == 0) {
            return z;
        }
        Shape shape = z.getShape();
        float[] mask = new float[(int) shape.size()];
        float keep = (float) (1 / (1 - rate));
        for (int i = 0; i < mask.length; i++) {
            mask[i] = rng.nextDouble() < rate ? 0f : keep;
        }
        return z.mul(copy(mgr, mask, shape));
    }
}

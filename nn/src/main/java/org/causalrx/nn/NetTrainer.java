package org.causalrx.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import org.causalrx.util.Seeds;

/**
 * Trains a {@link NetSpec} network on a {@link NetTask} with DJL's PyTorch engine: Adam, mini-batches, L2 weight
 * decay on weight matrices, early stopping on a seeded arm-stratified validation split, and the best
 * validation-loss weights returned as {@link NetParams} on the Java heap. Deterministic for a given seed:
 * parameters are initialised (Glorot uniform), batches shuffled and dropout masks drawn from one
 * {@link SplittableRandom} seeded by the caller; the engine's own RNG is never used and it runs one thread.
 * Every native array lives in one manager closed before returning (per-step arrays in a closed scope).
 */
final class NetTrainer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double ADAM_EPS = 1e-8;
    /** DJL's PyTorch gradient collector is one per process, so fits in parallel threads train one at a time. */
    private static final Object ENGINE = new Object();

    private NetTrainer() {
    }

    /**
     * {@code s.members()} networks, member k trained with seed {@code seed} for k = 0 and
     * {@code Seeds.derive(seed, k)} otherwise (so one member is exactly the single network of that seed).
     */
    static NetEnsemble trainEnsemble(NetSpec spec, NnSettings s, NetTask task, long seed) {
        List<NetParams> members = new ArrayList<>();
        for (int k = 0; k < s.members(); k++) {
            members.add(train(spec, s, task, k == 0 ? seed : Seeds.derive(seed, k)));
        }
        return new NetEnsemble(members);
    }

    static NetParams train(NetSpec spec, NnSettings s, NetTask task, long seed) {
        synchronized (ENGINE) {
            return trainAlone(spec, s, task, seed);
        }
    }

    private static NetParams trainAlone(NetSpec spec, NnSettings s, NetTask task, long seed) {
        Engine engine = DjlRuntime.pytorch();
        // PyTorch's intra-op thread count is an OpenMP setting per calling thread: without this a fit on a pool
        // thread would use every core.
        JniUtils.setNumThreads(1);
        // PyTorch records gradients on a thread until told not to (also a per-thread setting): the Adam steps below
        // change the parameters in place outside the gradient collector, which a recording thread refuses
        JniUtils.setGradMode(false);
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] split = split(task.arm(), spec.heads(), s.validationShare(), rng);
        List<int[]> shapes = spec.shapes();
        float[][] init = init(spec, shapes, rng);
        try (NDManager root = engine.newBaseManager(Device.cpu())) {
            NDArray[] p = new NDArray[init.length];
            NDArray[] m = new NDArray[init.length];
            NDArray[] v = new NDArray[init.length];
            for (int i = 0; i < p.length; i++) {
                Shape shape = new Shape(shapes.get(i)[0], shapes.get(i)[1]);
                p[i] = NetGraph.copy(root, init[i], shape);
                p[i].setRequiresGradient(true);
                m[i] = root.zeros(shape);
                v[i] = root.zeros(shape);
            }
            NetGraph graph = new NetGraph(spec, s, task);
            float[][] best = init;
            double bestLoss = Double.POSITIVE_INFINITY;
            int sinceBest = 0;
            int step = 0;
            int[] train = split[0];
            for (int epoch = 0; epoch < s.maxEpochs() && sinceBest < s.patience(); epoch++) {
                shuffle(train, rng);
                for (int from = 0; from < train.length; from += s.batchSize()) {
                    int[] rows = Arrays.copyOfRange(train, from, Math.min(train.length, from + s.batchSize()));
                    step++;
                    try (NDScope scope = new NDScope()) {
                        try (GradientCollector gc = engine.newGradientCollector()) {
                            NDArray loss = graph.loss(root, p, rows, rng, true);
                            gc.backward(loss);
                        }
                        adam(p, m, v, s.learningRate(), step);
                    }
                }
                double val;
                try (NDScope scope = new NDScope()) {
                    val = graph.loss(root, p, split[1], rng, false).getFloat();
                }
                if (Double.isInfinite(bestLoss) || val < bestLoss - 1e-7 * Math.abs(bestLoss)) {
                    bestLoss = val;
                    sinceBest = 0;
                    best = new float[p.length][];
                    for (int i = 0; i < p.length; i++) {
                        best[i] = p[i].toFloatArray();
                    }
                } else {
                    sinceBest++;
                }
            }
            return new NetParams(spec, best);
        }
    }

    /** One Adam step (Kingma &amp; Ba 2015) on every parameter; gradients are zeroed afterwards. */
    private static void adam(NDArray[] p, NDArray[] m, NDArray[] v, double lr, int step) {
        double c1 = 1 - Math.pow(BETA1, step);
        double c2 = 1 - Math.pow(BETA2, step);
        for (int i = 0; i < p.length; i++) {
            NDManager mgr = p[i].getManager();
            NDArray g = p[i].getGradient();
            m[i].muli(NetGraph.scalar(mgr, BETA1)).addi(g.mul(NetGraph.scalar(mgr, 1 - BETA1)));
            v[i].muli(NetGraph.scalar(mgr, BETA2)).addi(g.square().muli(NetGraph.scalar(mgr, 1 - BETA2)));
            NDArray update = m[i].div(NetGraph.scalar(mgr, c1))
                    .divi(v[i].div(NetGraph.scalar(mgr, c2)).sqrt().addi(NetGraph.scalar(mgr, ADAM_EPS)))
                    .muli(NetGraph.scalar(mgr, lr));
            p[i].subi(update);
            g.muli(NetGraph.scalar(mgr, 0));
        }
    }

    /** {train rows, validation rows}: a share of each arm's rows, at least one per arm with ≥ 2 rows. */
    static int[][] split(int[] arm, int arms, double share, SplittableRandom rng) {
        List<Integer> train = new ArrayList<>();
        List<Integer> val = new ArrayList<>();
        for (int a = 0; a < arms; a++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < arm.length; i++) {
                if (arm[i] == a) {
                    rows.add(i);
                }
            }
            int[] r = rows.stream().mapToInt(Integer::intValue).toArray();
            shuffle(r, rng);
            int nVal = r.length >= 2 ? Math.max(1, (int) Math.round(share * r.length)) : 0;
            for (int i = 0; i < r.length; i++) {
                (i < nVal ? val : train).add(r[i]);
            }
        }
        int[] tr = train.stream().mapToInt(Integer::intValue).sorted().toArray();
        int[] va = val.stream().mapToInt(Integer::intValue).sorted().toArray();
        return new int[][] {tr, va};
    }

    /** Glorot-uniform weight matrices, zero biases and epsilon, from the seeded stream. */
    private static float[][] init(NetSpec spec, List<int[]> shapes, SplittableRandom rng) {
        float[][] out = new float[shapes.size()][];
        int epsilon = spec.propensity() ? shapes.size() - 1 : -1;
        for (int i = 0; i < out.length; i++) {
            int[] sh = shapes.get(i);
            out[i] = new float[sh[0] * sh[1]];
            if (i % 2 == 0 && i != epsilon) {
                double limit = Math.sqrt(6.0 / (sh[0] + sh[1]));
                for (int k = 0; k < out[i].length; k++) {
                    out[i][k] = (float) ((2 * rng.nextDouble() - 1) * limit);
                }
            }
        }
        return out;
    }

    static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}

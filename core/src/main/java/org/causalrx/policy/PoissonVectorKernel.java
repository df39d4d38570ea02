package org.causalrx.policy;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector micro-kernel of {@link PoissonBootstrap} on the JDK Vector API (loaded only when the
 * {@code jdk.incubator.vector} module is): lane j of {@code sums[(l * cols + c) * 8 + j]} +=
 * Σ_{i ≡ j mod 8} w[l * tile + i] · x[c * tile + i], with 4 rounds × 4 columns of 8-lane float accumulators in
 * registers; the same operations in the same order as {@link PoissonBootstrap#multiply}.
 */
final class PoissonVectorKernel {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_256;
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_128;
    /** Weights counted by vector compares; a lane past the last of these thresholds is redone one at a time. */
    private static final int VECTOR_THRESHOLDS = 5;

    private PoissonVectorKernel() {
    }

    static void multiply(float[] w, int lanes, float[] x, int cols, int tile, double[] sums) {
        // sums: 8 double lane sums per round and column, sums[(l * cols + c) * 8 + j]
        float[] lane = new float[PoissonBootstrap.WIDTH];
        int v = S.length();
        for (int r = 0; r < lanes; r += PoissonBootstrap.ROUND_STEP) {
            int w0 = r * tile;
            int w1 = w0 + tile;
            int w2 = w1 + tile;
            int w3 = w2 + tile;
            for (int c = 0; c < cols; c += PoissonBootstrap.COL_STEP) {
                int x0 = c * tile;
                int x1 = x0 + tile;
                int x2 = x1 + tile;
                int x3 = x2 + tile;
                FloatVector a00 = FloatVector.zero(S);
                FloatVector a01 = a00;
                FloatVector a02 = a00;
                FloatVector a03 = a00;
                FloatVector a10 = a00;
                FloatVector a11 = a00;
                FloatVector a12 = a00;
                FloatVector a13 = a00;
                FloatVector a20 = a00;
                FloatVector a21 = a00;
                FloatVector a22 = a00;
                FloatVector a23 = a00;
                FloatVector a30 = a00;
                FloatVector a31 = a00;
                FloatVector a32 = a00;
                FloatVector a33 = a00;
                for (int i = 0; i < tile; i += v) {
                    FloatVector q0 = FloatVector.fromArray(S, w, w0 + i);
                    FloatVector q1 = FloatVector.fromArray(S, w, w1 + i);
                    FloatVector q2 = FloatVector.fromArray(S, w, w2 + i);
                    FloatVector q3 = FloatVector.fromArray(S, w, w3 + i);
                    FloatVector b = FloatVector.fromArray(S, x, x0 + i);
                    a00 = q0.fma(b, a00);
                    a10 = q1.fma(b, a10);
                    a20 = q2.fma(b, a20);
                    a30 = q3.fma(b, a30);
                    b = FloatVector.fromArray(S, x, x1 + i);
                    a01 = q0.fma(b, a01);
                    a11 = q1.fma(b, a11);
                    a21 = q2.fma(b, a21);
                    a31 = q3.fma(b, a31);
                    b = FloatVector.fromArray(S, x, x2 + i);
                    a02 = q0.fma(b, a02);
                    a12 = q1.fma(b, a12);
                    a22 = q2.fma(b, a22);
                    a32 = q3.fma(b, a32);
                    b = FloatVector.fromArray(S, x, x3 + i);
                    a03 = q0.fma(b, a03);
                    a13 = q1.fma(b, a13);
                    a23 = q2.fma(b, a23);
                    a33 = q3.fma(b, a33);
                }
                int o = r * cols + c;
                add(a00, lane, sums, o);
                add(a01, lane, sums, o + 1);
                add(a02, lane, sums, o + 2);
                add(a03, lane, sums, o + 3);
                o += cols;
                add(a10, lane, sums, o);
                add(a11, lane, sums, o + 1);
                add(a12, lane, sums, o + 2);
                add(a13, lane, sums, o + 3);
                o += cols;
                add(a20, lane, sums, o);
                add(a21, lane, sums, o + 1);
                add(a22, lane, sums, o + 2);
                add(a23, lane, sums, o + 3);
                o += cols;
                add(a30, lane, sums, o);
                add(a31, lane, sums, o + 1);
                add(a32, lane, sums, o + 2);
                add(a33, lane, sums, o + 3);
            }
        }
    }

    private static void add(FloatVector acc, float[] lane, double[] sums, int at) {
        acc.intoArray(lane, 0);
        PoissonBootstrap.addLanes(lane, sums, at * PoissonBootstrap.WIDTH);
    }

    /**
     * {@link PoissonBootstrap#weights} with 4 rows at a time: the same hash and the same weights (a draw u counts
     * the thresholds it reaches; the rare draw past the fifth threshold takes {@link PoissonWeights#weight(long)}).
     */
    static void weights(float[] w, long[] rowKeys, int start, int n, long[] pairKeys, int lanes) {
        int rows = Math.min(PoissonBootstrap.TILE, n - start);
        int tile = PoissonBootstrap.TILE;
        int step = LS.length();
        int vectorRows = rows - rows % step;
        long[] t = new long[VECTOR_THRESHOLDS];
        for (int k = 0; k < VECTOR_THRESHOLDS; k++) {
            t[k] = PoissonWeights.threshold(k);
        }
        LongVector one = LongVector.broadcast(LS, 1L);
        for (int q = 0; q < lanes / 2; q++) {
            long pk = pairKeys[q];
            int even = 2 * q * tile;
            int odd = even + tile;
            for (int i = 0; i < vectorRows; i += step) {
                LongVector z = LongVector.fromArray(LS, rowKeys, start + i).add(pk);
                z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
                z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
                z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
                LongVector lo = z.and(0xFFFFFFFFL);
                LongVector hi = z.lanewise(VectorOperators.LSHR, 32);
                count(lo, t, one).convertShape(VectorOperators.L2F, FS, 0).reinterpretAsFloats().intoArray(w,
                        even + i);
                count(hi, t, one).convertShape(VectorOperators.L2F, FS, 0).reinterpretAsFloats().intoArray(w,
                        odd + i);
                VectorMask<Long> far = lo.compare(VectorOperators.GE, t[VECTOR_THRESHOLDS - 1])
                        .or(hi.compare(VectorOperators.GE, t[VECTOR_THRESHOLDS - 1]));
                if (far.anyTrue()) {
                    for (int j = 0; j < step; j++) {
                        long h = PoissonWeights.mix64(rowKeys[start + i + j] + pk);
                        w[even + i + j] = PoissonWeights.weight(h & 0xFFFFFFFFL);
                        w[odd + i + j] = PoissonWeights.weight(h >>> 32);
                    }
                }
            }
            for (int i = vectorRows; i < rows; i++) {
                long h = PoissonWeights.mix64(rowKeys[start + i] + pk);
                w[even + i] = PoissonWeights.weight(h & 0xFFFFFFFFL);
                w[odd + i] = PoissonWeights.weight(h >>> 32);
            }
            java.util.Arrays.fill(w, even + rows, even + tile, 0f);
            java.util.Arrays.fill(w, odd + rows, odd + tile, 0f);
        }
    }

    private static LongVector count(LongVector u, long[] t, LongVector one) {
        LongVector c = LongVector.zero(LS);
        for (long threshold : t) {
            c = c.add(one, u.compare(VectorOperators.GE, threshold));
        }
        return c;
    }
}

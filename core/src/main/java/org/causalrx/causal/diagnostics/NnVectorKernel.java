package org.causalrx.causal.diagnostics;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector micro-kernel of {@link NnPehe}'s neighbour search on the JDK Vector API (loaded only when the
 * {@code jdk.incubator.vector} module is): the squared distances from {@link NnPehe#QUERY_GROUP} = 4 queries to the
 * {@link #TILE} candidates of a tile, with 4 queries × 2 vectors of accumulators in registers. Lanes map to
 * candidates, never to columns: lane m of a query's accumulator sums {@code e * e} with {@code e = z[c] − tile[c][m]}
 * over c = 0..q−1 in column order, by separate subtract, multiply and add, the same operations in the same order
 * as {@link NnPehe}'s plain loops, so both give the same bits.
 */
final class NnVectorKernel {
    /** 512-bit vectors where the CPU has them (8 doubles), else 256-bit (4 doubles). */
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED.length() >= 8
            ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_256;
    private static final int L = S.length();
    /** Candidates per tile: two vectors. */
    static final int TILE = 2 * L;

    private NnVectorKernel() {
    }

    /** Whether the CPU has vectors of at least 4 doubles (else the plain loops are faster). */
    static boolean usable() {
        return DoubleVector.SPECIES_PREFERRED.length() >= 4;
    }

    /**
     * {@code acc[j * TILE + m]} becomes the squared distance from the query at {@code zq[o_j..o_j + q)} (j = 0..3)
     * to candidate m of the tile at {@code tiles[base..base + q * TILE)} (column-major,
     * {@code tiles[base + c * TILE + m]}), summed in column order. As {@link NnPehe}'s plain kernel, it returns false
     * (acc left as it was) once, after a multiple of {@link NnPehe#CHECK_COLUMNS} columns, every partial sum of each
     * query j has reached {@code b_j}, that query's best so far.
     */
    static boolean sums(double[] tiles, int base, int q, double[] zq, int o0, int o1, int o2, int o3,
                        double b0, double b1, double b2, double b3, double[] acc) {
        DoubleVector a00 = DoubleVector.zero(S);
        DoubleVector a01 = a00;
        DoubleVector a10 = a00;
        DoubleVector a11 = a00;
        DoubleVector a20 = a00;
        DoubleVector a21 = a00;
        DoubleVector a30 = a00;
        DoubleVector a31 = a00;
        for (int c = 0; c < q; c++) {
            int at = base + c * TILE;
            DoubleVector v0 = DoubleVector.fromArray(S, tiles, at);
            DoubleVector v1 = DoubleVector.fromArray(S, tiles, at + L);
            DoubleVector z = DoubleVector.broadcast(S, zq[o0 + c]);
            DoubleVector e = z.sub(v0);
            a00 = a00.add(e.mul(e));
            e = z.sub(v1);
            a01 = a01.add(e.mul(e));
            z = DoubleVector.broadcast(S, zq[o1 + c]);
            e = z.sub(v0);
            a10 = a10.add(e.mul(e));
            e = z.sub(v1);
            a11 = a11.add(e.mul(e));
            z = DoubleVector.broadcast(S, zq[o2 + c]);
            e = z.sub(v0);
            a20 = a20.add(e.mul(e));
            e = z.sub(v1);
            a21 = a21.add(e.mul(e));
            z = DoubleVector.broadcast(S, zq[o3 + c]);
            e = z.sub(v0);
            a30 = a30.add(e.mul(e));
            e = z.sub(v1);
            a31 = a31.add(e.mul(e));
            // a NaN compares false, so it never gives up a tile
            if ((c & (NnPehe.CHECK_COLUMNS - 1)) == NnPehe.CHECK_COLUMNS - 1
                    && a00.compare(VectorOperators.GE, b0).and(a01.compare(VectorOperators.GE, b0)).allTrue()
                    && a10.compare(VectorOperators.GE, b1).and(a11.compare(VectorOperators.GE, b1)).allTrue()
                    && a20.compare(VectorOperators.GE, b2).and(a21.compare(VectorOperators.GE, b2)).allTrue()
                    && a30.compare(VectorOperators.GE, b3).and(a31.compare(VectorOperators.GE, b3)).allTrue()) {
                return false;
            }
        }
        a00.intoArray(acc, 0);
        a01.intoArray(acc, L);
        a10.intoArray(acc, TILE);
        a11.intoArray(acc, TILE + L);
        a20.intoArray(acc, 2 * TILE);
        a21.intoArray(acc, 2 * TILE + L);
        a30.intoArray(acc, 3 * TILE);
        a31.intoArray(acc, 3 * TILE + L);
        return true;
    }
}

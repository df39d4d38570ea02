package org.causalrx.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Sums per-row vectors over a dataset in a fixed order: each partition sums its rows in row order, the driver adds
 * the partition sums in partition order. The result is reproducible bit for bit for the same data and partitioning
 * (Spark's own reductions merge partition results in the order tasks finish).
 */
final class OrderedSums {
    private OrderedSums() {
    }

    /** What one row adds to the running sums {@code acc} (length {@code size}). */
    interface RowTerms extends Serializable {
        void add(Row row, double[] acc);
    }

    /** Σ over rows of the terms {@code terms} adds, a vector of length {@code size}. */
    static double[] sum(Dataset<Row> rows, int size, RowTerms terms) {
        FlatMapFunction<Iterator<Row>, double[]> perPartition = it -> {
            double[] acc = new double[size];
            while (it.hasNext()) {
                terms.add(it.next(), acc);
            }
            return List.of(acc).iterator();
        };
        double[] total = new double[size];
        for (double[] part : rows.javaRDD().mapPartitions(perPartition).collect()) {
            for (int i = 0; i < size; i++) {
                total[i] += part[i];
            }
        }
        return total;
    }
}

package org.causalrx.spark;

import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.spark_partition_id;

import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Appends each row's 0-based index in the dataset's order (file order for a file read) as a long column, the index
 * {@code zipWithIndex} gives: a first job counts the rows of each partition (no column is read), then the index is
 * the partition's offset plus the row's position in its partition ({@code monotonically_increasing_id}'s low 33
 * bits), computed in Spark SQL without turning rows into Java objects.
 */
final class RowIndex {
    /** {@code monotonically_increasing_id} puts the row's position within its partition in the low 33 bits. */
    private static final long POSITION_MASK = (1L << 33) - 1;

    private RowIndex() {
    }

    /** {@code d} with a non-null long column {@code name} = 0, 1, 2, ... in row order. */
    static Dataset<Row> append(SparkSession spark, Dataset<Row> d, String name) {
        int parts = d.rdd().getNumPartitions();
        long[] offsets = new long[parts];
        List<Row> counts = d.select(spark_partition_id().as("p")).groupBy("p").count().collectAsList();
        long[] perPartition = new long[parts];
        for (Row r : counts) {
            perPartition[r.getInt(0)] = r.getLong(1);
        }
        for (int p = 1; p < parts; p++) {
            offsets[p] = offsets[p - 1] + perPartition[p - 1];
        }
        return d.withColumn(name, monotonically_increasing_id().bitwiseAND(lit(POSITION_MASK))
                .plus(element_at(lit(offsets), spark_partition_id().plus(1))));
    }
}

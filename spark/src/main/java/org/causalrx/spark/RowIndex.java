package org.causalrx.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Appends each row's 0-based index in the dataset's order (file order for a file read) as a long column. */
final class RowIndex {
    private RowIndex() {
    }

    /** {@code d} with a non-null long column {@code name} = 0, 1, 2, ... in row order. */
    static Dataset<Row> append(SparkSession spark, Dataset<Row> d, String name) {
        StructType schema = d.schema().add(name, DataTypes.LongType, false);
        JavaRDD<Row> rows = d.javaRDD().zipWithIndex().map(p -> {
            Row r = p._1();
            Object[] v = new Object[r.size() + 1];
            for (int i = 0; i < r.size(); i++) {
                v[i] = r.get(i);
            }
            v[r.size()] = p._2();
            return RowFactory.create(v);
        });
        return spark.createDataFrame(rows, schema);
    }
}

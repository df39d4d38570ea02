package org.causalrx.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Iterator;
import java.util.PrimitiveIterator;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.causalrx.causal.OverlapSet;
import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.StudyOverlap;
import org.causalrx.study.Study;

/**
 * The overlap set of a Spark run (TRS §3.4), with the local engine's rules ({@link StudyOverlap}): the study's
 * thresholds, else the Crump et al. rule on the training patients' propensities {@code _eo} (from the propensity fit on
 * the training split). The rule's weights are sorted by Spark and streamed to the driver one partition at a time, up
 * to the first gap ({@link OverlapSet#crumpOfSorted}), so the driver never holds the cohort.
 */
final class SparkOverlap {
    private SparkOverlap() {
    }

    /** The overlap set of {@code study} from {@code train}'s {@code _eo}. */
    static OverlapSet choose(Study study, Dataset<Row> train) {
        return StudyOverlap.of(study, () -> {
            Column e = least(greatest(col("_eo"), lit(OverlapSet.E_FLOOR)), lit(1 - OverlapSet.E_FLOOR));
            Iterator<Row> rows = train.select(lit(1.0).divide(e.multiply(lit(1.0).minus(e))).as("_g"))
                    .orderBy("_g").toLocalIterator();
            return OverlapSet.crumpOfSorted(new PrimitiveIterator.OfDouble() {
                public boolean hasNext() {
                    return rows.hasNext();
                }

                public double nextDouble() {
                    return rows.next().getDouble(0);
                }
            });
        });
    }

    /** The column: whether {@code _eo} lies in {@code s}. */
    static Column inside(OverlapSet s) {
        return col("_eo").geq(s.etaLow()).and(col("_eo").leq(s.etaHigh()));
    }

    /** results.json's overlap block from rows with {@code _split} (0 train, 2 test) and {@code _in}. */
    static RunResult.OverlapInfo info(OverlapSet s, Dataset<Row> rows) {
        Column in = col("_in");
        Row c = rows.agg(sum(when(col("_split").equalTo(2), 1).otherwise(0)),
                sum(when(col("_split").equalTo(2).and(in), 1).otherwise(0)),
                sum(when(col("_split").equalTo(0), 1).otherwise(0)),
                sum(when(col("_split").equalTo(0).and(in), 1).otherwise(0))).first();
        return new RunResult.OverlapInfo(s.etaLow(), s.etaHigh(), s.method(), (int) c.getLong(0), (int) c.getLong(1),
                (int) c.getLong(2), (int) c.getLong(3));
    }
}

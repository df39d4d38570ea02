package org.causalrx.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.causalrx.util.Normal;
import org.causalrx.util.Seeds;

/**
 * Cross-fitted AIPW average treatment effect on Spark. Patient {@code _id}'s fold is
 * {@code pmod(xxhash64(seed, _id), k)} (a hash: folds do not depend on partitioning); for each fold
 * the propensity and the two arm outcome models are fit on the other folds and predict it, so every patient gets an
 * out-of-fold influence value psi = mu1 − mu0 + t(y − mu1)/e − (1 − t)(y − mu0)/(1 − e) (outcome units, treated −
 * control). ATE = mean psi, SE = sd(psi)/sqrt(n), 95 % normal interval.
 *
 * @param learners the nuisance learners
 * @param folds    k ≥ 2
 */
public record SparkCrossFit(SparkLearners learners, int folds) {

    /** The estimate over {@code n} patients, in outcome units. */
    public record Estimate(double ate, double se, double ciLow, double ciHigh, long n, int folds) {
    }

    /** The fold column for a run seeded with {@code seed}. */
    public static Column fold(long seed, int folds) {
        return pmod(xxhash64(lit(Seeds.derive(seed, "aipw-folds")), col("_id")), lit(folds));
    }

    /** The AIPW ATE of {@code cohort}'s rows. */
    public Estimate estimate(SparkCohort cohort, long seed) {
        return estimate(cohort, seed, PhaseLog.NONE);
    }

    /** The AIPW ATE of {@code cohort}'s rows, telling {@code log} as each fold's fits and the final passes end. */
    public Estimate estimate(SparkCohort cohort, long seed, PhaseLog log) {
        Dataset<Row> d = cohort.data().withColumn("_fold", fold(seed, folds));
        Dataset<Row> all = null;
        for (int f = 0; f < folds; f++) {
            Dataset<Row> train = d.filter(col("_fold").notEqual(f));
            LogisticRegressionModel e = learners.propensity(train);
            LinearRegressionModel mu0 = learners.outcome(train, 0);
            LinearRegressionModel mu1 = learners.outcome(train, 1);
            Dataset<Row> out = learners.predict(d.filter(col("_fold").equalTo(f)), e, mu0, mu1)
                    .select("_t", "_y", "_e", "_mu0", "_mu1");
            all = all == null ? out : all.union(out);
            log.ended("cross-fit fold " + (f + 1) + " fits");
        }
        double[] first = OrderedSums.sum(all, 2, (r, acc) -> {
            acc[0] += 1;
            acc[1] += psi(r);
        });
        long n = (long) first[0];
        double mean = first[1] / n;
        double[] second = OrderedSums.sum(all, 1, (r, acc) -> {
            double dev = psi(r) - mean;
            acc[0] += dev * dev;
        });
        double se = Math.sqrt(second[0] / (n - 1)) / Math.sqrt(n);
        log.ended("cross-fit predictions and psi sums");
        double z = Normal.quantile(0.975);
        return new Estimate(mean, se, mean - z * se, mean + z * se, n, folds);
    }

    /** The AIPW influence value of a row ({@code _t}, {@code _y}, {@code _e}, {@code _mu0}, {@code _mu1}). */
    static double psi(Row r) {
        int t = r.getInt(0);
        double y = r.getDouble(1);
        double e = r.getDouble(2);
        double mu0 = r.getDouble(3);
        double mu1 = r.getDouble(4);
        return mu1 - mu0 + t * (y - mu1) / e - (1 - t) * (y - mu0) / (1 - e);
    }
}

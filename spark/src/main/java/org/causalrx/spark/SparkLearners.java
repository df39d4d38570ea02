package org.causalrx.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The Spark engine's nuisance learners (MLlib): the propensity e(x) = P(t = 1 | x) by L2-penalised logistic regression
 * (L-BFGS, standardised features) and each arm's outcome mean mu_a(x) by ridge regression (normal equations, one pass
 * over the data), the T-learner. Settings only; every fit returns a new MLlib model.
 *
 * @param propensityPenalty MLlib {@code regParam} of the logistic regression (λ on the standardised scale)
 * @param outcomePenalty    MLlib {@code regParam} of the ridge regressions
 * @param maxIter           L-BFGS iterations at most
 * @param tol               L-BFGS convergence tolerance
 * @param clip              e(x) is clipped to [clip, 1 − clip] wherever it divides
 */
public record SparkLearners(double propensityPenalty, double outcomePenalty, int maxIter, double tol, double clip) {
    /** Name of the learned policy and of the T-learner in results.json. */
    public static final String T_LEARNER = "t_mllib_ridge";
    /** Name of the propensity model in results.json. */
    public static final String PROPENSITY = "mllib_l2_logistic";

    /** Light penalties (the cohorts this engine is for are large), 50 iterations, tol 1e-6, clip 0.01 as locally. */
    public static SparkLearners standard() {
        return new SparkLearners(1e-4, 1e-4, 50, 1e-6, org.causalrx.policy.HeldOut.CLIP);
    }

    /** The propensity fit on {@code rows} (columns {@code features}, {@code _t}). */
    public LogisticRegressionModel propensity(Dataset<Row> rows) {
        return new LogisticRegression().setRegParam(propensityPenalty).setElasticNetParam(0).setMaxIter(maxIter)
                .setTol(tol).setFeaturesCol("features").setLabelCol("_t").setPredictionCol("_e_class")
                .setProbabilityCol("_e_prob").setRawPredictionCol("_e_raw").fit(rows);
    }

    /** Arm {@code arm}'s outcome regression fit on the rows of {@code rows} with {@code _t == arm}. */
    public LinearRegressionModel outcome(Dataset<Row> rows, int arm) {
        return new LinearRegression().setRegParam(outcomePenalty).setElasticNetParam(0).setSolver("normal")
                .setFeaturesCol("features").setLabelCol("_y").setPredictionCol("_mu" + arm)
                .fit(rows.filter(col("_t").equalTo(arm)));
    }

    /**
     * {@code rows} ({@code _id}, {@code _t}, {@code _y}, {@code features}, any others kept) with {@code _e}
     * (clipped propensity), {@code _mu0} and {@code _mu1} appended.
     */
    public Dataset<Row> predict(Dataset<Row> rows, LogisticRegressionModel e, LinearRegressionModel mu0,
                                LinearRegressionModel mu1) {
        Dataset<Row> p = e.transform(rows).withColumn("_e", least(greatest(
                org.apache.spark.ml.functions.vector_to_array(col("_e_prob"), "float64").getItem(1), lit(clip)),
                lit(1 - clip)));
        return mu1.transform(mu0.transform(p.drop("_e_prob", "_e_raw", "_e_class")));
    }

    /** {@code rows} with {@code _eo}: the (unclipped) propensity e(x) = P(t = 1 | x) of model {@code e}. */
    public Dataset<Row> withPropensity(Dataset<Row> rows, LogisticRegressionModel e) {
        return e.transform(rows).withColumn("_eo",
                org.apache.spark.ml.functions.vector_to_array(col("_e_prob"), "float64").getItem(1))
                .drop("_e_prob", "_e_raw", "_e_class");
    }
}

package org.causalrx.causal.uncertainty;

import java.util.List;
import java.util.stream.IntStream;

import org.causalrx.causal.CateModel;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Bootstrap of a two-stage learner's final stage only: the cross-fitted pseudo-outcomes (e.g. the DR-learner's) are
 * held fixed and the final regression is refit on B within-arm resamples of (x, pseudo-outcome). For orthogonal
 * pseudo-outcomes (DR, R) the nuisance estimation error enters the CATE only at second order, so this is the usual
 * inference for them (as EconML's final-stage inference) and costs one regression per refit instead of a full
 * cross-fitted refit. Resample b is {@link BootstrapCate#resample} with {@code Seeds.derive(resampleSeed, b)}, so
 * with a shared resample seed refit b sees the same patients as other estimators' refit b; same seeds ⇒ same refits.
 * With {@code subsampleRows} m and a training split of at least 2m rows the final stage is refit on within-arm
 * subsamples of m rows without replacement instead, rescaled to size n, exactly as in {@link BootstrapCate} (with
 * {@code rate} {@link Subsample.Rate#ESTIMATED}: at two sizes, the rate estimated from them).
 *
 * @param finalStage    the final-stage learner of the point model
 * @param refits        B ≥ 2
 * @param parallel      fit refits on several threads (results identical either way)
 * @param subsampleRows m, rows per subsample refit on splits of at least 2m rows; 0: always full bootstrap
 * @param rate          how subsample refits are carried to size n: root-n (one size) or an estimated rate (two sizes)
 */
public record FinalStageBootstrap(Regressor finalStage, int refits, boolean parallel, int subsampleRows,
                                  Subsample.Rate rate) {
    public FinalStageBootstrap {
        if (refits < 2) {
            throw new IllegalArgumentException("bootstrap refits must be at least 2, got " + refits);
        }
        if (subsampleRows < 0) {
            throw new IllegalArgumentException("subsample rows must be 0 (off) or positive, got " + subsampleRows);
        }
        if (rate == null) {
            throw new IllegalArgumentException("a subsample rate scheme is required");
        }
    }

    /** Full bootstrap refits at every size. */
    public FinalStageBootstrap(Regressor finalStage, int refits, boolean parallel) {
        this(finalStage, refits, parallel, 0);
    }

    /** Subsample refits of one size m on splits of at least 2m rows, root-n rate. */
    public FinalStageBootstrap(Regressor finalStage, int refits, boolean parallel, int subsampleRows) {
        this(finalStage, refits, parallel, subsampleRows, Subsample.Rate.ROOT_N);
    }

    /** A fitted final-stage regression used as a CATE model. */
    public record Refit(RegressionModel model) implements CateModel {
        @Override
        public double[] effect(double[][] x) {
            return model.predict(x);
        }
    }

    /** B refits of {@code finalStage} on resamples of (x, pseudo), resampled within arm t; both seeds {@code seed}. */
    public BootstrapCateModel wrap(CateModel point, double[][] x, int[] t, double[] pseudo, long seed) {
        return wrap(point, x, t, pseudo, seed, seed);
    }

    /**
     * B refits of {@code finalStage} on resamples of (x, pseudo), resampled within arm t; each refit's internal
     * splits keep a patient's copies together.
     *
     * @param resampleSeed seed of the resamples (share it across estimators whose refits are combined)
     * @param fitSeed      seed of the fits
     */
    public BootstrapCateModel wrap(CateModel point, double[][] x, int[] t, double[] pseudo, long resampleSeed,
                                   long fitSeed) {
        return wrap(point, x, t, pseudo, null, resampleSeed, fitSeed);
    }

    /**
     * As {@link #wrap(CateModel, double[][], int[], double[], long, long)}, drawing whole patients when
     * {@code groups} (patient id per row, or null) is given ({@link PatientResample}).
     */
    public BootstrapCateModel wrap(CateModel point, double[][] x, int[] t, double[] pseudo, int[] groups,
                                   long resampleSeed, long fitSeed) {
        IntStream range = IntStream.range(0, refits);
        Subsample plan = BootstrapCate.plan(t, 2, groups, subsampleRows, refits, rate);
        List<CateModel> fits = (parallel ? range.parallel() : range).mapToObj(b -> {
            int[] rows = BootstrapCate.refitRows(t, 2, groups, subsampleRows, plan, b, refits,
                    Seeds.derive(resampleSeed, b));
            return (CateModel) new Refit(finalStage.fit(Stats.select(x, rows), Stats.select(pseudo, rows), null,
                    PatientResample.ids(rows, groups), Seeds.derive(fitSeed, b)));
        }).toList();
        return new BootstrapCateModel(point, fits, BootstrapCate.estimated(plan, fits, x));
    }
}

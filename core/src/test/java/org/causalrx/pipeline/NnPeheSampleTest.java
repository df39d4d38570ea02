package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.diagnostics.NnPehe;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Test;

/**
 * A large test split is scored for NN-PEHE on a seeded sample of patients whose neighbours are searched among the
 * whole split: each sampled pseudo-effect is the full split's, the sampled NN-PEHE estimates the full one (known
 * answer: about sqrt(PEHE² + 2σ²)), and the same seed gives the same result.
 */
class NnPeheSampleTest {
    @Test
    void sampledNnPeheEstimatesTheFullSplitsAndIsDeterministic() {
        Random rng = new Random(31);
        int n = 30_000;
        int sample = 2_000;
        double sigma = 1.0;
        double[][] x = new double[n][3];
        int[] t = new int[n];
        double[] y = new double[n];
        double[] tauHat = new double[n];
        double truePeheSq = 0;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                x[i][c] = rng.nextGaussian();
            }
            t[i] = rng.nextDouble() < 0.4 ? 1 : 0;
            double tau = 1 + x[i][0];
            y[i] = 2 * x[i][1] - x[i][2] + t[i] * tau + sigma * rng.nextGaussian();
            tauHat[i] = tau + 0.5 * rng.nextGaussian();
            truePeheSq += (tauHat[i] - tau) * (tauHat[i] - tau) / n;
        }
        Map<String, CateModel> models = new LinkedHashMap<>();
        models.put("noisy", xs -> tauHat);
        Map<String, double[]> cates = new LinkedHashMap<>();
        cates.put("noisy", tauHat);
        List<RunResult.ImpliedAte> implied = List.of(new RunResult.ImpliedAte("noisy", 1, 0.9, 1.1));
        String[] arms = {"control", "treated"};

        NnMetrics part = NnMetricsStage.run(models, cates, implied, x, t, y, false, arms, 3L, null, sample).metrics();
        assertEquals(sample, part.nnPeheSample());
        assertEquals(sample, part.nnPeheScored());
        assertEquals(n, part.n());
        assertEquals(part, NnMetricsStage.run(models, cates, implied, x, t, y, false, arms, 3L, null, sample)
                .metrics(), "same seed, same sample and result");
        assertNotEquals(part, NnMetricsStage.run(models, cates, implied, x, t, y, false, arms, 4L, null, sample)
                .metrics(), "another seed draws another sample");

        // the full split's NN-PEHE, every patient scored (the neighbour search the sample avoids)
        NnPehe.Matches all = NnPehe.matches(x, t, n, 0L);
        double[] fullPseudo = NnPehe.pseudoEffects(t, y, all);
        NnPehe.Result f = NnPehe.fromPseudo(fullPseudo, tauHat, 3L, NnMetricsStage.ROUNDS);
        NnMetrics.Estimator s = part.estimators().get(0);
        double expected = Math.sqrt(truePeheSq + 2 * sigma * sigma);
        assertEquals(expected, f.pehe(), 0.1 * expected, "full split: NN-PEHE ~ sqrt(PEHE^2 + 2 sigma^2)");
        assertEquals(f.pehe(), s.nnPehe(), 0.05 * f.pehe(), "the sample estimates the full split's NN-PEHE");
        assertTrue(s.nnPeheCiLow() < f.pehe() && f.pehe() < s.nnPeheCiHigh(),
                "the sampled interval covers the full value: " + s + " vs " + f.pehe());
        assertTrue(s.nnPeheCiHigh() - s.nnPeheCiLow() > f.ciHigh() - f.ciLow(),
                "fewer patients scored, wider interval");

        // each sampled patient's pseudo-effect is exactly the full split's
        NnPehe.Matches some = NnPehe.matches(x, t, sample, 5L);
        assertTrue(some.sampled() && !all.sampled());
        assertArrayEquals(Stats.select(all.neighbours(), some.rows()), some.neighbours());
        assertArrayEquals(Stats.select(fullPseudo, some.rows()), NnPehe.pseudoEffects(t, y, some));
    }

    @Test
    void sampledClassNnPeheScoresTheSampledRowsWithTheFullSplitsNeighbours() {
        Random rng = new Random(2);
        int n = 3_000;
        double[][] x = new double[n][2];
        int[] t = new int[n];
        int[] yClass = new int[n];
        double[][] effects = new double[n][3];
        for (int i = 0; i < n; i++) {
            x[i][0] = rng.nextGaussian();
            x[i][1] = rng.nextGaussian();
            t[i] = rng.nextInt(2);
            yClass[i] = rng.nextInt(3);
            effects[i][0] = 0.1 * x[i][0];
            effects[i][2] = -0.1 * x[i][0];
        }
        NnPehe.Matches all = NnPehe.matches(x, t, n, 0L);
        NnPehe.Matches some = NnPehe.matches(x, t, 500, 8L);
        NnPehe.ClassResult r = NnPehe.computeByClass(t, some, yClass, 3, effects, 1L, 0);
        assertEquals(500, r.overall().n());
        // the overall (class code) NN-PEHE by hand on the sampled rows, neighbours from the full search
        double sse = 0;
        for (int k = 0; k < some.rows().length; k++) {
            int i = some.rows()[k];
            int j = all.neighbours()[i];
            double pseudo = t[i] == 1 ? yClass[i] - yClass[j] : yClass[j] - yClass[i];
            double tau = effects[i][1] + 2 * effects[i][2];
            sse += (tau - pseudo) * (tau - pseudo);
        }
        assertEquals(Math.sqrt(sse / 500), r.overall().pehe(), 1e-12);
        assertEquals(NnPehe.computeByClass(x, t, yClass, 3, effects, 1L, 0),
                NnPehe.computeByClass(t, all, yClass, 3, effects, 1L, 0));
    }
}

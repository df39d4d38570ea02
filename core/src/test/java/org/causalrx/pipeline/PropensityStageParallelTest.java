package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The propensity models fitted on several threads are the ones fitted on one: same predictions and metrics. */
class PropensityStageParallelTest {
    @Test
    void severalThreadsFitTheSameModels() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 600;
        double[][] x = new double[n][4];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = r.nextGaussian();
            }
            t[i] = r.nextDouble() < 1 / (1 + Math.exp(-(0.8 * x[i][0] - 0.5 * x[i][1]))) ? 1 : 0;
        }
        int[] train = IntStream.range(0, 400).toArray();
        int[] validation = IntStream.range(400, n).toArray();
        var learners = Learners.standard().propensity();
        PropensityStage.Output one = PropensityStage.run(learners, x, t, train, validation, 9, false);
        PropensityStage.Output many = PropensityStage.run(learners, x, t, train, validation, 9, true);
        assertEquals(one.selected(), many.selected());
        assertArrayEquals(one.e(), many.e());
        assertEquals(one.metrics(), many.metrics());
        for (String name : one.models().keySet()) {
            assertArrayEquals(one.models().get(name).predictProba(x), many.models().get(name).predictProba(x), name);
        }
    }
}

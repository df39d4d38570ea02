package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class NnMetricsLowestTest {
    private static NnMetrics.Estimator est(String name, double nnPehe) {
        return new NnMetrics.Estimator(name, nnPehe, nnPehe - 0.1, nnPehe + 0.1, 0, 0, 0, List.of());
    }

    @Test
    void theLowestFiniteNnPeheIsMarkedFirstInStudyOrderOnTies() {
        NnMetrics m = new NnMetrics("test", 10, 100, List.of(est("a", 2.0), est("b", Double.NaN), est("c", 1.5),
                est("d", 1.5)));
        assertEquals("c", m.lowestNnPehe());
        assertNull(new NnMetrics("test", 10, 100, List.of(est("a", Double.NaN))).lowestNnPehe());
    }
}

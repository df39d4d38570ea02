package org.causalrx.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.bounds.JointCateModel;
import org.causalrx.causal.uncertainty.IntervalCalibration;
import org.causalrx.causal.uncertainty.ScaledIntervalModel;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.pipeline.Progress;
import org.causalrx.pipeline.RunOutput;
import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.StudyRun;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with calibrated intervals: the deferral's statistical interval is the widened one, results.json states the
 * calibration, and the Conservative bundle reproduces the run's decisions and joint intervals bit for bit.
 */
@Tag("slow")
class CalibratedBundleTest {
    @TempDir
    Path tmp;

    @Test
    void calibratedConservativeBundleReproducesTheRun() throws Exception {
        Study s = StudyLoader.load(Path.of("examples", "nhefs", "study.yaml"));
        Study c = new Study(s.file(), s.name(), s.protocol(), s.data(), s.idColumn(), s.treatment(), s.outcome(),
                s.covariates(), s.split(), s.seed(), s.overlap(), 20, s.ateFolds(), List.of("t_ridge"), null,
                Study.Analyses.NONE, new Study.Deferral(0.1, 1.5, 3, List.of(0.1), List.of(1.0, 1.5)));
        Table table = TableReader.read(c.data());
        IntervalCalibration cal = new IntervalCalibration(Map.of("t_ridge", 1.75), "test factors");
        RunOutput o = new StudyRun().withoutRefutation().run(c, table, Progress.NONE, cal);
        assertEquals(cal.factors(), o.result().deferral().calibration().factors());
        assertEquals(cal.source(), o.result().deferral().calibration().source());
        assertTrue(o.result().deferral().intervalMethods().get("t_ridge").contains("1.750"),
                o.result().deferral().intervalMethods().toString());
        JointCateModel j = o.deferral().models().get("t_ridge");
        ScaledIntervalModel sm = assertInstanceOf(ScaledIntervalModel.class, j.statistical());
        assertEquals(1.75, sm.factor());

        RunOutput.HeldOutDetail held = o.heldOut();
        Table testRows = table.rows(held.sourceRows());
        double[][] x = o.models().encoding().transform(testRows);
        EffectIntervals iv = j.effectInterval(x, 0.1);
        EffectIntervals plain = new JointCateModel(sm.inner(), j.bounds(), j.lambda()).effectInterval(x, 0.1);
        for (int i = 0; i < x.length; i++) {
            assertTrue(iv.lo()[i] <= plain.lo()[i] && plain.hi()[i] <= iv.hi()[i], "row " + i);
        }
        assertTrue(iv.hi()[0] - iv.lo()[0] > plain.hi()[0] - plain.lo()[0], "the factor widens the joint interval");

        PolicyId name = PolicyId.parse("t_ridge@conservative");
        RunResult.PolicyResult p = o.result().policies().stream().filter(q -> q.name().equals(name)).findFirst()
                .orElseThrow();
        Path dir = tmp.resolve("conservative");
        BundleWriter.Written w = BundleWriter.write(dir, c, o, Instant.EPOCH, List.of(p), null);
        assertEquals(name, w.policy(), w.note());
        Recommender.Result r = Recommender.apply(ModelBundle.load(dir), testRows);
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        assertArrayEquals(held.decisions().get(name), r.rows().stream().mapToInt(Recommender.Row::arm).toArray());
        assertArrayEquals(iv.lo(), r.rows().stream().mapToDouble(Recommender.Row::lo).toArray(), 0.0);
        assertArrayEquals(iv.hi(), r.rows().stream().mapToDouble(Recommender.Row::hi).toArray(), 0.0);
    }
}

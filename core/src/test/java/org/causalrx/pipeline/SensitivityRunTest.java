package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import org.causalrx.causal.EValue;
import org.causalrx.data.TableReader;
import org.causalrx.result.Baseline;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run reports the sensitivity of its own answer: the Λ curve belongs to the selected policy and starts at
 * that policy's test-split IPW value minus current practice's, and the E-value is that of the reported ATE.
 */
@Tag("slow")
class SensitivityRunTest {
    @Test
    void theRunsSensitivityDescribesItsSelectedPolicyAndItsAte(@TempDir Path dir) throws Exception {
        SplittableRandom rnd = new SplittableRandom(21);
        StringBuilder csv = new StringBuilder("id,t,a,b,y\n");
        for (int i = 0; i < 800; i++) {
            double a = rnd.nextGaussian();
            double b = rnd.nextGaussian();
            int t = rnd.nextDouble() < 1 / (1 + Math.exp(-0.7 * a)) ? 1 : 0;
            double y = a + t * (0.5 + 1.5 * b) + rnd.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%d,%d,%.4f,%.4f,%.4f%n", i, t, a, b, y));
        }
        Files.writeString(dir.resolve("d.csv"), csv.toString());
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, "name: sens\ndata: d.csv\nid: id\ntreatment: {column: t, arms: {\"0\": a, \"1\": b}}\n"
                + "covariates:\n  - {name: a, role: confounder}\n  - {name: b, role: effect_modifier}\nseed: 3\n"
                + "estimators: [t_ridge]\nbootstrap: {rounds: 50}\nate: {folds: 2}\n"
                + "outcome: {column: y, type: continuous, direction: higher}\n");
        Study study = StudyLoader.load(s);
        RunResult r = new StudyRun(Learners.standard(), false).run(study, TableReader.read(study.data()),
                Progress.NONE).result();
        Sensitivity sens = r.sensitivity();
        assertNotNull(sens);
        Sensitivity.Msm m = sens.msm();
        assertEquals(r.policyInsights().selectedPolicy(), m.policy());
        RunResult.PolicyResult selected = r.policies().stream().filter(p -> p.name().equals(m.policy()))
                .findFirst().orElseThrow();
        RunResult.PolicyResult doctors = r.policies().stream().filter(p -> p.name().equals(Baseline.DOCTORS.id()))
                .findFirst().orElseThrow();
        assertEquals(doctors.pointDr(), m.currentPractice(), 1e-9);
        assertEquals(selected.pointIpw() - doctors.pointDr(), m.gainLowerBound()[0], 1e-9);
        assertTrue(m.gainLowerBound()[0] > 0 && m.largestLambda() > 1, "a real gain survives some confounding: "
                + m.gainLowerBound()[0] + ", largest lambda " + m.largestLambdaText());
        assertTrue(r.policyInsights().verdict().text().contains("marginal sensitivity model"));
        Sensitivity.EValues e = sens.eValue();
        assertTrue(r.ate().ciLow() > 0, "the simulated ATE is clearly positive");
        assertEquals(EValue.ofRiskRatio(e.riskRatio()), e.ate(), 1e-12);
        assertTrue(e.ate() > e.ciLimit() && e.ciLimit() > 1, e.ate() + " vs " + e.ciLimit());
        assertTrue(e.conversion().contains("exp(0.91 d)"));
    }
}

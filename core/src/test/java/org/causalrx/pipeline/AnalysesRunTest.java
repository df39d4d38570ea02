package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.causalrx.causal.TLearner;
import org.causalrx.data.SplitIndices;
import org.causalrx.data.TableReader;
import org.causalrx.learn.ClassifierRegressor;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.CausalRxException;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secondary outcomes, the derived evaluation outcome, outcome trees and profiles, end to end. */
@Tag("slow")
class AnalysesRunTest {

    @Test
    void secondaryValuesMatchADirectComputation() {
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 500;
        double[][] x = new double[n][2];
        int[] t = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rnd.nextGaussian();
            x[i][1] = rnd.nextGaussian();
            t[i] = rnd.nextDouble() < 0.4 ? 1 : 0;
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-(x[i][0] + 0.8 * t[i]))) ? 1 : 0;
            if (i % 17 == 0) {
                y[i] = Double.NaN;
            }
        }
        int[] train = new int[300];
        int[] test = new int[200];
        for (int i = 0; i < 300; i++) {
            train[i] = i;
        }
        for (int i = 0; i < 200; i++) {
            test[i] = 300 + i;
        }
        SplitIndices split = new SplitIndices(train, new int[0], test);
        double[] pStar = new double[200];
        int[] decide = new int[200];
        for (int k = 0; k < 200; k++) {
            pStar[k] = 0.4;
            decide[k] = k % 5 == 0 ? PolicyDecisions.DEFER : x[test[k]][1] > 0 ? 1 : 0;
        }
        List<PolicyDecisions> policies = List.of(new PolicyDecisions(PolicyId.of("rule"), "", decide));
        long seed = 5;
        OutcomeEvaluation.Evaluated ev = OutcomeEvaluation.run(y, true, Learners.standard(), x, t, split, pStar,
                policies, 200, seed, false, null);

        // direct: the L2-logistic plug-in per arm on the training rows that have y, then Eq. 5 by hand
        int[] tr = java.util.Arrays.stream(train).filter(i -> !Double.isNaN(y[i])).toArray();
        TLearner.Fitted plug = new TLearner("p", new ClassifierRegressor(LogisticRegression.l2()))
                .fit(Stats.select(x, tr), Stats.select(t, tr), Stats.select(y, tr), Seeds.derive(seed, "plug-in"));
        double nTot = 0;
        double deferred = 0;
        double nRec = 0;
        double sw = 0;
        double swy = 0;
        double swr = 0;
        double plugSum = 0;
        for (int k = 0; k < 200; k++) {
            int i = test[k];
            if (Double.isNaN(y[i])) {
                continue;
            }
            nTot++;
            if (decide[k] == PolicyDecisions.DEFER) {
                deferred += y[i];
                continue;
            }
            nRec++;
            double mu = plug.mu(new double[][] {x[i]}, decide[k])[0];
            plugSum += mu;
            if (t[i] == decide[k]) {
                double w = 1 / (t[i] == 1 ? 0.4 : 0.6);
                sw += w;
                swy += w * y[i];
                swr += w * (y[i] - mu);
            }
        }
        double ipw = (deferred + nRec * (swy / sw)) / nTot;
        double dr = (deferred + nRec * (swr / sw + plugSum / nRec)) / nTot;
        assertEquals(nTot, ev.kept().length, "test patients with the outcome");
        assertEquals(ipw, ev.results().get(0).pointIpw(), 1e-12);
        assertEquals(dr, ev.results().get(0).pointDr(), 1e-12);
        assertEquals(dr, ev.results().get(0).valueDr().mean(), 0.03, "bootstrap mean near the point value");
        assertEquals("L2-logistic per arm", ev.plugIn());
        OutcomeEvaluation.Evaluated again = OutcomeEvaluation.run(y, true, Learners.standard(), x, t, split, pStar,
                policies, 200, seed, true, null);
        assertTrue(java.util.Arrays.equals(ev.boot().dr()[0], again.boot().dr()[0]), "same seed, same rounds");

        // patients with two stays (cohort rows 2j and 2j + 1): the bootstrap draws whole patients
        int[] patient = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            patient[i] = i / 2;
        }
        OutcomeEvaluation.Evaluated grouped = OutcomeEvaluation.run(y, true, Learners.standard(), x, t, split, pStar,
                policies, 200, seed, false, patient);
        int[] keptPatients = Stats.select(patient, Stats.select(test, ev.kept()));
        Bootstrap.Result byPatient = Bootstrap.run(ev.heldOut(), ev.policies(), 200, Seeds.derive(seed, "bootstrap"),
                false, keptPatients);
        assertArrayEquals(byPatient.dr()[0], grouped.boot().dr()[0], "the secondary bootstrap resamples patients");
        assertFalse(java.util.Arrays.equals(ev.boot().dr()[0], grouped.boot().dr()[0]), "not rows");
        assertEquals(ev.results().get(0).pointDr(), grouped.results().get(0).pointDr(), "point values unchanged");
    }

    /** A small simulated study: y continuous, z binary secondary, c a column for formulas. */
    private static Path study(Path dir, String extra) throws Exception {
        SplittableRandom rnd = new SplittableRandom(2);
        StringBuilder csv = new StringBuilder("id,t,age,sex,y,z,c\n");
        for (int i = 0; i < 400; i++) {
            double age = 20 + 50 * rnd.nextDouble();
            int sex = rnd.nextInt(2);
            int t = rnd.nextDouble() < 1 / (1 + Math.exp(-(age - 45) / 15)) ? 1 : 0;
            double y = 0.05 * age + t * (sex == 1 ? 1 : -1) + rnd.nextGaussian();
            int z = rnd.nextDouble() < 0.3 + 0.2 * t ? 1 : 0;
            csv.append(String.format(Locale.ROOT, "%d,%d,%.2f,%d,%.4f,%s,%d%n", i, t, age, sex, y,
                    i % 23 == 0 ? "" : Integer.toString(z), i == 7 ? 0 : 1 + i % 3));
        }
        Files.writeString(dir.resolve("d.csv"), csv.toString());
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, "name: sim\ndata: d.csv\nid: id\ntreatment: {column: t, arms: {\"0\": a, \"1\": b}}\n"
                + "covariates:\n  - {name: age, role: confounder}\n  - {name: sex, role: effect_modifier, "
                + "type: categorical}\nseed: 4\nestimators: [t_ridge]\nbootstrap: {rounds: 100}\nate: {folds: 2}\n"
                + extra);
        return s;
    }

    private static RunOutput run(Path studyFile) {
        Study s = StudyLoader.load(studyFile);
        // nothing here reads the ATE refutations
        return new StudyRun(Learners.standard(), false).withoutRefutation().run(s, TableReader.read(s.data()),
                Progress.NONE);
    }

    @Test
    void aRunValuesPoliciesOnTheDerivedOutcomeAndTheSecondaryOne(@TempDir Path dir) throws Exception {
        String outcome = "outcome: {column: y, type: continuous, direction: higher}\n";
        RunOutput plain = run(study(dir, outcome));
        assertNull(plain.result().evaluationOutcome());
        assertTrue(plain.result().secondaryOutcomes().isEmpty());
        assertEquals(1, plain.result().outcomeTrees().size(), "the selected policy's tree by default");
        assertEquals(plain.result().policyInsights().selectedPolicy(), plain.result().outcomeTrees().get(0).policy());

        RunOutput derived = run(study(dir, "outcome: {column: y, type: continuous, direction: higher, evaluate: "
                + "{name: y2, formula: \"2 * y + 1\"}}\nsecondary_outcomes:\n  - {column: z, type: binary, "
                + "direction: lower, missing: drop}\nreport: {outcome_trees: all}\nvulnerable_groups: {columns: "
                + "[sex, age]}\n"));
        RunResult r = derived.result();
        assertEquals("2 * y + 1", r.evaluationOutcome().formula());
        assertEquals(0, r.evaluationOutcome().testDropped());
        // self-normalised IPW is affine-equivariant: the same policies on 2y + 1 have value 2 V + 1
        for (int p = 0; p < r.policies().size(); p++) {
            RunResult.PolicyResult a = plain.result().policies().get(p);
            RunResult.PolicyResult b = r.policies().get(p);
            assertEquals(a.name(), b.name());
            assertEquals(2 * a.pointIpw() + 1, b.pointIpw(), 1e-9, a.name().name());
        }
        RunResult.SecondaryOutcome z = r.secondaryOutcomes().get(0);
        assertEquals("z", z.column());
        assertTrue(z.testMissing() > 0 && z.testN() + z.testMissing() == r.n().test(), z.toString());
        assertEquals(r.policies().size(), z.policies().size());
        assertTrue(z.policies().stream().allMatch(p -> p.pointDr() >= -0.2 && p.pointDr() <= 1.2), "binary values");
        assertEquals(r.policies().size(), r.outcomeTrees().size(), "outcome_trees: all");
        assertNotNull(derived.figures().analysis().secondaryDr().get("z"));
        assertEquals(2, r.policySummaries().size());
        assertNotNull(r.deferralInsights());
        assertTrue(r.deferralInsights().groups().stream().anyMatch(g -> g.column().equals("age")
                && g.level().startsWith("Q1")), "age is banded");
        assertEquals(r.deferralInsights().profile().nA() + r.deferralInsights().profile().nB(), r.n().test());
        assertEquals(ResultsJson.write(r), ResultsJson.write(run(study(dir, "outcome: {column: y, type: continuous, "
                + "direction: higher, evaluate: {name: y2, formula: \"2 * y + 1\"}}\nsecondary_outcomes:\n  - {column: "
                + "z, type: binary, direction: lower, missing: drop}\nreport: {outcome_trees: all}\nvulnerable_groups: "
                + "{columns: [sex, age]}\n")).result()), "same seed, byte-identical results");
    }

    @Test
    void divisionByZeroRowsAreReported(@TempDir Path dir) throws Exception {
        Path s = study(dir, "outcome: {column: y, type: continuous, direction: higher, evaluate: "
                + "{formula: \"y / (c - 1)\"}}\n");
        String m = assertThrows(CausalRxException.class, () -> run(s)).getMessage();
        assertTrue(m.contains("division by zero") && m.contains("rows 1 ("), m);
        Path bad = study(dir, "outcome: {column: y, type: continuous, direction: higher, evaluate: "
                + "{formula: \"y / cc\"}}\n");
        m = assertThrows(CausalRxException.class, () -> run(bad)).getMessage();
        assertTrue(m.contains("'cc'") && m.contains("did you mean 'c'"), m);
        Path tree = study(dir, "outcome: {column: y, type: continuous, direction: higher}\n"
                + "report: {outcome_trees: [t_rdge]}\n");
        m = assertThrows(CausalRxException.class, () -> run(tree)).getMessage();
        assertTrue(m.contains("'t_rdge'") && m.contains("t_ridge"), m);
    }
}

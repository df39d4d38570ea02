package org.causalrx.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.causalrx.data.Column;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyLoaderTest {

    @Test
    void loadsTheDemoStudy() {
        Study s = StudyLoader.load(Path.of("examples", "nhefs", "study.yaml"));
        assertEquals("nhefs-death", s.name());
        assertEquals("qsmk", s.treatment().column());
        assertEquals("0", s.treatment().controlCode());
        assertEquals("quit smoking", s.treatment().label("1"));
        assertEquals(Study.Direction.LOWER, s.outcome().direction());
        assertEquals(10_000, s.bootstrapRounds());
        assertTrue(s.data().endsWith(Path.of("examples", "nhefs", "nhefs.csv")));
        assertNull(s.overlap().etaLow());
        Cohort c = CohortBuilder.build(s, TableReader.read(s.data()));
        assertEquals(1629, c.outcome().length);
        long dropped = c.plan().stream().filter(p -> !p.kept()).count();
        assertEquals(7, dropped);
        assertTrue(c.plan().stream().anyMatch(p -> p.name().equals("sbp") && p.role() == CovariateRole.MEDIATOR
                && !p.kept() && p.reason().contains("1982")));
    }

    @Test
    void weightStudyDropsMissingOutcomesVisibly() {
        Study s = StudyLoader.load(Path.of("examples", "nhefs", "weight.yaml"));
        Cohort c = CohortBuilder.build(s, TableReader.read(s.data()));
        assertEquals(1566, c.outcome().length);
        assertEquals(63, c.rowsDropped());
        assertTrue(c.dropReason().contains("63") && c.dropReason().contains("wt82_71"), c.dropReason());
    }

    private static Path write(Path dir, String yaml) throws Exception {
        Path p = dir.resolve("s.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    private static final String BASE = "name: x\ndata: d.csv\ntreatment: {column: t, arms: {\"0\": a, \"1\": b}}\n"
            + "outcome: {column: y, type: continuous, direction: higher}\n"
            + "covariates:\n  - {name: age, role: confounder}\nseed: 3\n";

    @Test
    void schemaErrorsNameTheKeyAndTheFix(@TempDir Path dir) throws Exception {
        CausalRxException e = assertThrows(CausalRxException.class,
                () -> StudyLoader.load(write(dir, BASE.replace("direction: higher",
                        "direction: higher, colour: red"))));
        assertTrue(e.getMessage().contains("outcome.colour") && e.getMessage().contains("allowed"), e.getMessage());
        e = assertThrows(CausalRxException.class,
                () -> StudyLoader.load(write(dir, BASE.replace("role: confounder", "role: confounderr"))));
        assertTrue(e.getMessage().contains("confounderr") && e.getMessage().contains("effect_modifier"),
                e.getMessage());
        e = assertThrows(CausalRxException.class, () -> StudyLoader.load(write(dir, BASE.replace("seed: 3\n", ""))));
        assertTrue(e.getMessage().contains("'seed'"), e.getMessage());
        e = assertThrows(CausalRxException.class,
                () -> StudyLoader.load(write(dir, BASE + "split: {train: 0.5, validation: 0.2, test: 0.2}\n")));
        assertTrue(e.getMessage().contains("sum to 1"), e.getMessage());
        e = assertThrows(CausalRxException.class,
                () -> StudyLoader.load(write(dir, BASE.replace("type: continuous", "type: ordinal"))));
        assertTrue(e.getMessage().contains("continuous, binary"), e.getMessage());
    }

    @Test
    void ateEstimandsDefaultToTheAteAndUnknownOnesAreAOneLineError(@TempDir Path dir) throws Exception {
        assertEquals(List.of(org.causalrx.causal.Estimand.ATE), StudyLoader.load(write(dir, BASE)).estimands());
        assertEquals(List.of(org.causalrx.causal.Estimand.ATE),
                StudyLoader.load(write(dir, BASE + "ate: {folds: 3}\n")).estimands());
        Study s = StudyLoader.load(write(dir, BASE + "ate: {folds: 3, estimands: [att, ate, atc]}\n"));
        assertEquals(3, s.ateFolds());
        assertEquals(Study.AUTO_ATE_FOLDS, StudyLoader.load(write(dir, BASE + "ate: {folds: auto}\n")).ateFolds());
        for (String bad : List.of("1", "101", "2.5", "many")) {
            String msg = assertThrows(CausalRxException.class,
                    () -> StudyLoader.load(write(dir, BASE + "ate: {folds: " + bad + "}\n"))).getMessage();
            assertTrue(msg.contains("'ate.folds' must be 'auto' or a whole number between 2 and 100, got '" + bad
                    + "'"), msg);
        }
        assertEquals(List.of(org.causalrx.causal.Estimand.ATT, org.causalrx.causal.Estimand.ATE,
                org.causalrx.causal.Estimand.ATC), s.estimands());
        assertEquals(s.estimands(), s.withSeedAndRounds(9, 10).estimands());
        String m = assertThrows(CausalRxException.class,
                () -> StudyLoader.load(write(dir, BASE + "ate: {estimands: [ate, atu]}\n"))).getMessage();
        assertTrue(m.contains("'ate.estimands'") && m.contains("'atu'") && m.contains("ate, att, atc")
                && !m.contains("\n"), m);
        m = assertThrows(CausalRxException.class,
                () -> StudyLoader.load(write(dir, BASE + "ate: {estimands: [att, att]}\n"))).getMessage();
        assertTrue(m.contains("'att' twice"), m);
        m = assertThrows(CausalRxException.class,
                () -> StudyLoader.load(write(dir, BASE + "ate: {estimands: att}\n"))).getMessage();
        assertTrue(m.contains("non-empty list"), m);
    }

    @Test
    void cohortChecksNameFileColumnAndRows(@TempDir Path dir) throws Exception {
        Study s = StudyLoader.load(write(dir, BASE));
        Table ok = new Table("d.csv", List.of(new Column.Numeric("t", new double[] {0, 1, 0, 1}),
                new Column.Numeric("y", new double[] {1, 2, Double.NaN, 4}),
                new Column.Numeric("age", new double[] {1, 2, 3, 4})));
        CausalRxException e = assertThrows(CausalRxException.class, () -> CohortBuilder.build(s, ok));
        assertTrue(e.getMessage().startsWith("d.csv: outcome column 'y' has 1 missing values (rows 3)")
                && e.getMessage().contains("outcome.missing: drop"), e.getMessage());
        Table binaryBad = new Table("d.csv", List.of(new Column.Numeric("t", new double[] {0, 1, 0, 1}),
                new Column.Numeric("y", new double[] {0, 1, 2, 1}),
                new Column.Numeric("age", new double[] {1, 2, 3, 4})));
        Study binary = StudyLoader.load(write(dir, BASE.replace("type: continuous", "type: binary")));
        e = assertThrows(CausalRxException.class, () -> CohortBuilder.build(binary, binaryBad));
        assertTrue(e.getMessage().contains("rows 3") && e.getMessage().contains("0/1"), e.getMessage());
        Table typo = new Table("d.csv", List.of(new Column.Numeric("t", new double[] {0, 1}),
                new Column.Numeric("y", new double[] {0, 1}), new Column.Numeric("agee", new double[] {1, 2})));
        e = assertThrows(CausalRxException.class, () -> CohortBuilder.build(s, typo));
        assertTrue(e.getMessage().contains("did you mean 'agee'"), e.getMessage());
    }

    @Test
    void simulationBlockIsReadAndChecked(@TempDir Path dir) throws Exception {
        Study s = StudyLoader.load(write(dir, BASE + "simulation: {forms: [linear, tree], lambda: 1, seeds: 2}\n"));
        assertEquals(List.of("linear", "tree"), s.simulation().forms());
        assertEquals(1.0, s.simulation().lambda());
        assertEquals(2, s.simulation().seeds());
        assertEquals(1000, s.simulation().rounds());
        assertNull(s.simulation().effect());
        assertNull(StudyLoader.load(write(dir, BASE)).simulation());
        CausalRxException e = assertThrows(CausalRxException.class,
                () -> StudyLoader.load(write(dir, BASE + "simulation: {lambda: 1.5}\n")));
        assertTrue(e.getMessage().contains("simulation.lambda"), e.getMessage());
        e = assertThrows(CausalRxException.class,
                () -> StudyLoader.load(write(dir, BASE + "simulation: {forms: [cubic]}\n")));
        assertTrue(e.getMessage().contains("cubic") && e.getMessage().contains("tree"), e.getMessage());
    }

    @Test
    void policyEvaluationBlockIsOffByDefaultAndChecked(@TempDir Path dir) throws Exception {
        assertEquals(Study.PolicyEvaluation.OFF, StudyLoader.load(write(dir, BASE)).policyEvaluation());
        assertFalse(Study.PolicyEvaluation.OFF.crossFit());
        Study s = StudyLoader.load(write(dir, BASE + "policy_evaluation: {cross_fit: true, folds: 4}\n"));
        assertEquals(new Study.PolicyEvaluation(true, 4), s.policyEvaluation());
        assertEquals(s.policyEvaluation(), s.withSeedAndRounds(9, 10).policyEvaluation());
        assertEquals(new Study.PolicyEvaluation(true, 5),
                StudyLoader.load(write(dir, BASE + "policy_evaluation: {cross_fit: true}\n")).policyEvaluation());
        String[][] bad = {
                {"policy_evaluation: {cross_fit: true, folds: 1}\n", "policy_evaluation.folds"},
                {"policy_evaluation: {cross_fit: true, folds: 50}\n", "policy_evaluation.folds"},
                {"policy_evaluation: {crossfit: true}\n", "crossfit"},
                {"policy_evaluation: {cross_fit: sometimes}\n", "cross_fit"}};
        for (String[] b : bad) {
            CausalRxException e = assertThrows(CausalRxException.class,
                    () -> StudyLoader.load(write(dir, BASE + b[0])), b[0]);
            assertTrue(e.getMessage().contains(b[1]), b[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void deferralBlockIsReadWithDefaultsAndChecked(@TempDir Path dir) throws Exception {
        Study.Deferral def = StudyLoader.load(write(dir, BASE)).deferral();
        assertEquals(Study.Deferral.defaults(), def);
        assertEquals(0.05, def.alphaStat());
        assertEquals(1.5, def.lambda());
        Study s = StudyLoader.load(write(dir, BASE + "deferral: {alpha_stat: 0.1, lambda: 2, bootstrap_refits: 30, "
                + "sweep: {alpha_stat: [0.1, 0.3], lambda: [1, 2.5]}}\n"));
        assertEquals(new Study.Deferral(0.1, 2.0, 30, List.of(0.1, 0.3), List.of(1.0, 2.5)), s.deferral());
        assertNull(StudyLoader.load(write(dir, BASE + "deferral: {enabled: false}\n")).deferral());
        assertEquals(0, def.refitRows());
        assertEquals(0, StudyLoader.load(write(dir, BASE + "deferral: {refit_rows: auto}\n")).deferral().refitRows());
        assertEquals(5000, StudyLoader.load(write(dir, BASE + "deferral: {refit_rows: 5000}\n")).deferral()
                .refitRows());
        String[][] bad = {
                {"deferral: {refit_rows: 50}\n", "'deferral.refit_rows' must be 'auto' or a whole number"},
                {"deferral: {refit_rows: 2.5e4}\n", "deferral.refit_rows"},
                {"deferral: {refit_rows: many}\n", "deferral.refit_rows"},
                {"deferral: {alpha: 0.1}\n", "alpha"},
                {"deferral: {alpha_stat: 1.5}\n", "deferral.alpha_stat"},
                {"deferral: {alpha_stat: 0}\n", "deferral.alpha_stat"},
                {"deferral: {lambda: 0.8}\n", "deferral.lambda"},
                {"deferral: {bootstrap_refits: 1}\n", "deferral.bootstrap_refits"},
                {"deferral: {bootstrap_refits: 2.5}\n", "bootstrap_refits"},
                {"deferral: {sweep: {lambda: [1, 0.5]}}\n", "deferral.sweep.lambda"},
                {"deferral: {sweep: {alpha_stat: []}}\n", "deferral.sweep.alpha_stat"},
                {"deferral: {sweep: {alpha_stat: [0.1, 0.1]}}\n", "twice"},
                {"deferral: {sweep: {gamma: [1]}}\n", "gamma"},
                {"deferral: {enabled: maybe}\n", "enabled"}};
        for (String[] b : bad) {
            CausalRxException e = assertThrows(CausalRxException.class,
                    () -> StudyLoader.load(write(dir, BASE + b[0])), b[0]);
            assertTrue(e.getMessage().contains(b[1]), b[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void policyBlockIsReadByCodeOrLabelWithDefaultsAndChecked(@TempDir Path dir) throws Exception {
        Study plain = StudyLoader.load(write(dir, BASE));
        assertEquals(Study.Policy.DEFAULT, plain.policy());
        assertTrue(plain.decisionRule().isSignRule());
        Study s = StudyLoader.load(write(dir, BASE + "policy: {default_arm: \"1\", margin: 2.5}\n"));
        assertEquals(new Study.Policy(1, 2.5), s.policy());
        assertEquals(new org.causalrx.policy.DecisionRule(1, 2.5, 1), s.decisionRule());
        assertEquals(new Study.Policy(1, 0.0), StudyLoader.load(write(dir, BASE + "policy: {default_arm: b}\n"))
                .policy(), "by label");
        assertEquals(new Study.Policy(0, 3.0), StudyLoader.load(write(dir, BASE + "policy: {margin: 3}\n")).policy());
        // the default arm follows treatment.control, not the order of the arms
        Study swapped = StudyLoader.load(write(dir, BASE.replace("arms: {\"0\": a, \"1\": b}",
                "arms: {\"0\": a, \"1\": b}, control: \"1\"") + "policy: {default_arm: a}\n"));
        assertEquals(1, swapped.policy().defaultArm(), "code 0 is the treated arm here");
        String[][] bad = {
                {"policy: {margin: -1}\n", "'policy.margin' is '-1'; use a number >= 0"},
                {"policy: {margin: small}\n", "'policy.margin' is 'small'"},
                {"policy: {margin: 1e999}\n", "'policy.margin'"},
                {"policy: {default_arm: \"2\"}\n", "'policy.default_arm' is '2'"},
                {"policy: {default_arm: bb}\n", "(did you mean 'b'?)"},
                {"policy: {default_arm: x}\n", "use an arm code (0, 1) or label ('a', 'b')"},
                {"policy: {marginn: 1}\n", "did you mean 'margin'"},
                {"policy: 3\n", "'policy' must be a mapping"}};
        for (String[] b : bad) {
            CausalRxException e = assertThrows(CausalRxException.class,
                    () -> StudyLoader.load(write(dir, BASE + b[0])), b[0]);
            assertTrue(e.getMessage().contains(b[1]), b[0] + " -> " + e.getMessage());
        }
    }
}

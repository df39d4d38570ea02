package org.causalrx.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study YAML schema: defaults, overrides and a message for people for each mistake. */
class StudyFileTest {
    static final String BASE = """
            name: demo
            protocol:
              question: "Should patients get the new drug?"
              decision_time: "at diagnosis"
              population: "adults"
              users: "physicians"
            data: sub/d.csv
            treatment:
              column: t
              arms: {"0": usual care, "1": new drug}
            outcome:
              column: y
              type: continuous
              direction: higher
            covariates:
              - {name: age, role: confounder, squared: true}
              - {name: edu, role: confounder, type: categorical}
              - {name: price, role: instrument, reason: "moves treatment only"}
            seed: 20261122
            """;

    private static Path write(Path dir, String yaml) throws Exception {
        return Files.writeString(dir.resolve("study.yaml"), yaml);
    }

    private static String fail(Path dir, String yaml) throws Exception {
        Path p = write(dir, yaml);
        CausalRxException e = assertThrows(CausalRxException.class, () -> StudyLoader.load(p));
        assertTrue(e.getMessage().contains("study.yaml"), "names the study file: " + e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsEveryFieldAndAppliesDefaults(@TempDir Path dir) throws Exception {
        Study s = StudyLoader.load(write(dir, BASE));
        assertEquals("demo", s.name());
        assertEquals("at diagnosis", s.protocol().decisionTime());
        assertEquals(dir.toAbsolutePath().resolve("sub").resolve("d.csv").normalize(), s.data());
        assertNull(s.idColumn());
        assertEquals("0", s.treatment().controlCode());
        assertEquals("1", s.treatment().treatedCode());
        assertEquals("new drug", s.treatment().label("1"));
        assertEquals(Study.OutcomeType.CONTINUOUS, s.outcome().type());
        assertEquals(1, s.outcome().sign());
        assertEquals(Study.MissingOutcome.ERROR, s.outcome().missing());
        assertEquals(3, s.covariates().size());
        Study.Covariate age = s.covariates().get(0);
        assertTrue(age.squared());
        assertNull(age.type());
        assertEquals(Study.ValueType.CATEGORICAL, s.covariates().get(1).type());
        assertEquals(CovariateRole.INSTRUMENT, s.covariates().get(2).role());
        assertEquals("moves treatment only", s.covariates().get(2).reason());
        assertEquals(new Study.Split(0.6, 0.2, 0.2), s.split());
        assertEquals(20261122L, s.seed());
        assertNull(s.overlap().etaLow());
        assertNull(s.overlap().etaHigh());
        assertEquals(10_000, s.bootstrapRounds());
        assertEquals(Study.AUTO_ATE_FOLDS, s.ateFolds());
        assertEquals(5, s.ateFolds(Study.LARGE_ATE_ROWS - 1));
        assertEquals(2, s.ateFolds(Study.LARGE_ATE_ROWS));
    }

    @Test
    void readsOptionalSections(@TempDir Path dir) throws Exception {
        Study s = StudyLoader.load(write(dir, BASE.replace("outcome:\n", "id: pid\noutcome:\n")
                .replace("direction: higher", "direction: lower\n  missing: drop")
                + "split: {train: 0.5, validation: 0.25, test: 0.25}\noverlap: {eta_low: 0.1}\n"
                + "bootstrap: {rounds: 200}\nate: {folds: 3}\n"));
        assertEquals("pid", s.idColumn());
        assertEquals(-1, s.outcome().sign());
        assertEquals(Study.MissingOutcome.DROP, s.outcome().missing());
        assertEquals(new Study.Split(0.5, 0.25, 0.25), s.split());
        assertEquals(0.1, s.overlap().etaLow());
        assertNull(s.overlap().etaHigh());
        assertEquals(200, s.bootstrapRounds());
        assertEquals(3, s.ateFolds());
        assertEquals(3, s.ateFolds(10_000_000), "an explicit ate.folds holds at every size");
    }

    @Test
    void controlOrTreatedOverridesTheArmOrder(@TempDir Path dir) throws Exception {
        Study s = StudyLoader.load(write(dir, BASE.replace("  column: t\n", "  column: t\n  control: \"1\"\n")));
        assertEquals("1", s.treatment().controlCode());
        assertEquals("0", s.treatment().treatedCode());
        s = StudyLoader.load(write(dir, BASE.replace("  column: t\n", "  column: t\n  treated: \"0\"\n")));
        assertEquals("0", s.treatment().treatedCode());
        assertEquals("1", s.treatment().controlCode());
        String m = fail(dir, BASE.replace("  column: t\n", "  column: t\n  control: \"7\"\n"));
        assertTrue(m.contains("treatment.control") && m.contains("0, 1"), m);
    }

    @Test
    void unknownKeysAreNamedWithTheirPlaceAndTheAllowedKeys(@TempDir Path dir) throws Exception {
        String m = fail(dir, BASE.replace("seed:", "outcom: {}\nseed:"));
        assertTrue(m.contains("unknown key 'outcom'") && m.contains("did you mean 'outcome'")
                && m.contains("top level") && m.contains("covariates, data, deferral, estimators, group, id"), m);
        m = fail(dir, BASE.replace("{name: edu, role: confounder,", "{name: edu, rol: confounder,"));
        assertTrue(m.contains("'covariates[2].rol'") && m.contains("name, reason, role, squared, type"), m);
        m = fail(dir, BASE.replace("  decision_time:", "  decision:"));
        assertTrue(m.contains("'protocol.decision'") && m.contains("decision_time"), m);
        m = fail(dir, BASE + "ate: {folds: 5, fold: 3}\n");
        assertTrue(m.contains("'ate.fold'") && m.contains("allowed keys under 'ate' are: estimands, folds"), m);
    }

    @Test
    void missingKeysWrongTypesAndWrongWordsAreNamed(@TempDir Path dir) throws Exception {
        String m = fail(dir, BASE.replace("seed: 20261122\n", ""));
        assertTrue(m.contains("missing required key 'seed'") && m.contains("add it"), m);
        m = fail(dir, BASE.replace("seed: 20261122", "seed: soon"));
        assertTrue(m.contains("'seed' must be a whole number") && m.contains("soon"), m);
        m = fail(dir, BASE.replace("  arms: {\"0\": usual care, \"1\": new drug}\n", ""));
        assertTrue(m.contains("'treatment.arms'"), m);
        m = fail(dir, BASE.replace("{\"0\": usual care, \"1\": new drug}", "{\"0\": usual care}"));
        assertTrue(m.contains("at least two") && m.contains("got 1"), m);
        m = fail(dir, BASE.replace("direction: higher", "direction: up"));
        assertTrue(m.contains("'outcome.direction'") && m.contains("higher, lower"), m);
        m = fail(dir, BASE.replace("role: instrument", "role: instrumental"));
        assertTrue(m.contains("'instrumental'") && m.contains("covariates[3].role")
                && m.contains("confounder, effect_modifier, instrument, mediator, ignore"), m);
        m = fail(dir, BASE.replace("squared: true", "squared: yes please"));
        assertTrue(m.contains("'covariates[1].squared' must be true or false"), m);
        m = fail(dir, BASE + "split: {train: 0.7, validation: 0.2, test: 0.2}\n");
        assertTrue(m.contains("sum to 1"), m);
        m = fail(dir, BASE + "split: {train: 0.8, validation: 0, test: 0.2}\n");
        assertTrue(m.contains("positive"), m);
        m = fail(dir, BASE + "overlap: {eta_low: 0.9, eta_high: 0.1}\n");
        assertTrue(m.contains("eta_low < eta_high"), m);
        m = fail(dir, BASE + "ate: {folds: 1}\n");
        assertTrue(m.contains("'ate.folds'"), m);
        m = fail(dir, BASE.replace("name: demo\n", ""));
        assertTrue(m.contains("missing required key 'name'"), m);
    }

    @Test
    void declarationMistakesAreCaughtBeforeTheDataIsRead(@TempDir Path dir) throws Exception {
        String m = fail(dir, BASE.replace("type: categorical}", "type: categorical, squared: true}"));
        assertTrue(m.contains("'edu'") && m.contains("cannot be squared"), m);
        m = fail(dir, BASE.replace("seed:", "  - {name: age, role: effect_modifier}\nseed:"));
        assertTrue(m.contains("'age' is declared twice") && m.contains("covariates[4]"), m);
        m = fail(dir, BASE.replace("{name: age,", "{name: y,"));
        assertTrue(m.contains("'y' is the outcome") && m.contains("remove it"), m);
        m = fail(dir, BASE.replace("seed: 20261122", "seed: 1\nseed: 2"));
        assertTrue(m.contains("twice") && m.contains("seed"), m);
        m = fail(dir, "name: [unclosed\n");
        assertTrue(m.contains("not valid YAML"), m);
        m = fail(dir, "");
        assertTrue(m.contains("mapping"), m);
    }
}

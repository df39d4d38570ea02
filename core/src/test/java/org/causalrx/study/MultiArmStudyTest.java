package org.causalrx.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.causalrx.data.TableReader;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Studies with K ≥ 3 arms: the reference first, arms coded by their order, every arm present. */
class MultiArmStudyTest {
    private static final String CSV = """
            pid,dose,y,age
            p1,keep,1.5,40
            p2,down,2.5,50
            p3,up,2.0,60
            p4,keep,3.5,41
            p5,up,4.5,45
            p6,down,5.5,55
            """;
    private static final String STUDY = """
            name: dose
            data: cohort.csv
            id: pid
            treatment: {column: dose, arms: {down: "decrease dose", keep: "keep dose", up: "increase dose"},
                        reference: keep}
            outcome: {column: y, type: continuous, direction: lower}
            covariates:
              - {name: age, role: confounder}
            seed: 1
            """;

    private static Study load(Path dir, String study) throws Exception {
        return StudyLoader.load(Files.writeString(dir.resolve("study.yaml"), study));
    }

    private static Cohort build(Path dir, String csv, String study) throws Exception {
        Files.writeString(dir.resolve("cohort.csv"), csv);
        Study s = load(dir, study);
        return CohortBuilder.build(s, TableReader.read(s.data()));
    }

    @Test
    void referenceComesFirstThenTheDeclaredOrder(@TempDir Path dir) throws Exception {
        Study s = load(dir, STUDY);
        assertEquals(List.of("keep", "down", "up"), s.treatment().arms().codes());
        assertEquals(List.of("keep dose", "decrease dose", "increase dose"), s.treatment().arms().labels());
        assertEquals(3, s.treatment().size());
        assertFalse(s.treatment().binary());
        assertEquals("increase dose", s.treatment().label("up"));
        Study first = load(dir, STUDY.replace("reference: keep", "reference: down"));
        assertEquals(List.of("down", "keep", "up"), first.treatment().arms().codes());
        Study noRef = load(dir, STUDY.replace(",\n            reference: keep", ""));
        assertEquals(List.of("down", "keep", "up"), noRef.treatment().arms().codes(), "first listed arm by default");
    }

    @Test
    void cohortCodesEachRowByItsArmIndex(@TempDir Path dir) throws Exception {
        Cohort c = build(dir, CSV, STUDY);
        assertArrayEquals(new int[] {0, 1, 2, 0, 2, 1}, c.treatment());
    }

    @Test
    void twoArmStudiesKeepControlAndTreated(@TempDir Path dir) throws Exception {
        String two = STUDY.replace("arms: {down: \"decrease dose\", keep: \"keep dose\", up: \"increase dose\"},\n"
                + "            reference: keep", "arms: {\"1\": new, \"0\": usual}, control: \"0\"");
        Study s = load(dir, two);
        assertTrue(s.treatment().binary());
        assertEquals("0", s.treatment().controlCode());
        assertEquals("1", s.treatment().treatedCode());
        assertEquals(List.of("usual", "new"), s.treatment().arms().labels());
        Study ref = load(dir, two.replace("control: \"0\"", "reference: \"0\""));
        assertEquals(s.treatment(), ref.treatment(), "reference is control's other name");
    }

    @Test
    void badArmDeclarationsAreOneLineErrors(@TempDir Path dir) throws Exception {
        CausalRxException e = assertThrows(CausalRxException.class,
                () -> load(dir, STUDY.replace("reference: keep", "reference: same")));
        assertTrue(e.getMessage().contains("treatment.reference") && e.getMessage().contains("keep, up")
                || e.getMessage().contains("down, keep, up"), e.getMessage());
        e = assertThrows(CausalRxException.class,
                () -> load(dir, STUDY.replace("reference: keep", "treated: up")));
        assertTrue(e.getMessage().contains("'treatment.treated' applies to two arms only"), e.getMessage());
        Files.writeString(dir.resolve("cohort.csv"), CSV.replace("p3,up", "p3,keep").replace("p5,up", "p5,down"));
        Study s = load(dir, STUDY);
        e = assertThrows(CausalRxException.class, () -> CohortBuilder.build(s, TableReader.read(s.data())));
        assertTrue(e.getMessage().contains("no row with arm 'up'") && e.getMessage().contains("'dose'"),
                e.getMessage());
        e = assertThrows(CausalRxException.class, () -> build(dir, CSV.replace("p4,keep", "p4,stop"), STUDY));
        assertTrue(e.getMessage().contains("not declared") && e.getMessage().contains("rows 4"), e.getMessage());
    }
}

package org.causalrx.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.causalrx.data.TableReader;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code outcome.type: categorical}: class codes or declared labels become codes 0..K−1; anything else names rows. */
class CategoricalOutcomeTest {
    static final String STUDY = """
            name: demo
            data: cohort.csv
            treatment: {column: t, arms: {"0": control, "1": treated}}
            outcome: {column: y, type: categorical, direction: lower, missing: drop%s}
            covariates:
              - {name: age, role: confounder}
            seed: 1
            """;

    private static Cohort build(Path dir, String ys, String extra) throws Exception {
        StringBuilder csv = new StringBuilder("t,y,age\n");
        String[] y = ys.split(",", -1);
        for (int i = 0; i < y.length; i++) {
            csv.append(i % 2).append(',').append(y[i]).append(',').append(40 + i).append('\n');
        }
        Files.writeString(dir.resolve("cohort.csv"), csv.toString());
        Study s = StudyLoader.load(Files.writeString(dir.resolve("study.yaml"), STUDY.formatted(extra)));
        return CohortBuilder.build(s, TableReader.read(s.data()));
    }

    @Test
    void integerCodesAreReadAsClasses(@TempDir Path dir) throws Exception {
        Cohort c = build(dir, "0,1,2,3,,1", "");
        assertArrayEquals(new double[] {0, 1, 2, 3, 1}, c.outcome(), "missing row dropped, codes kept");
        assertEquals(Study.OutcomeType.CATEGORICAL, StudyLoader.load(dir.resolve("study.yaml")).outcome().type());
    }

    @Test
    void declaredLabelsMapToCodesInOrder(@TempDir Path dir) throws Exception {
        Cohort c = build(dir, "none,two_plus,one,none,one,two_plus", ", classes: [none, one, two_plus]");
        assertArrayEquals(new double[] {0, 2, 1, 0, 1, 2}, c.outcome());
        assertEquals(List.of("none", "one", "two_plus"),
                StudyLoader.load(dir.resolve("study.yaml")).outcome().classes());
    }

    @Test
    void nonCodesAndUnknownLabelsNameTheRows(@TempDir Path dir) throws Exception {
        String m = assertThrows(CausalRxException.class, () -> build(dir, "0,1,2.5,3,-1,1", "")).getMessage();
        assertTrue(m.startsWith("cohort.csv: ") && m.contains("'y'") && m.contains("rows 3, 5")
                && m.contains("outcome.classes"), m);
        m = assertThrows(CausalRxException.class, () -> build(dir, "none,one,many,none", ", classes: [none, one]"))
                .getMessage();
        assertTrue(m.contains("rows 3") && m.contains("'many'") && m.contains("add the label"), m);
        m = assertThrows(CausalRxException.class, () -> build(dir, "0,0,0,0", "")).getMessage();
        assertTrue(m.contains("at least two classes"), m);
    }

    @Test
    void classesOnlyForCategoricalAndMustBeDistinct(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cohort.csv"), "t,y,age\n0,1,3\n1,0,4\n");
        Path f = Files.writeString(dir.resolve("study.yaml"), STUDY.formatted(", classes: [a, b]")
                .replace("categorical", "binary"));
        assertTrue(assertThrows(CausalRxException.class, () -> StudyLoader.load(f)).getMessage()
                .contains("only for outcome.type: categorical"));
        Path g = Files.writeString(dir.resolve("study.yaml"), STUDY.formatted(", classes: [a, a]"));
        assertTrue(assertThrows(CausalRxException.class, () -> StudyLoader.load(g)).getMessage()
                .contains("repeated"));
    }
}

package org.causalrx.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.causalrx.data.Column;
import org.causalrx.data.CovariateSpec;
import org.causalrx.data.Encoding;
import org.causalrx.data.Table;
import org.junit.jupiter.api.Test;

class DeclaredCovariatesTest {
    private static final int[] TRAIN = {0, 1, 2, 3};

    @Test
    void specKeepsTheDeclaredTypeAndLeavesAnUndeclaredOneToTheColumn() {
        assertEquals(new CovariateSpec("age", null, true),
                DeclaredCovariates.spec(new Study.Covariate("age", CovariateRole.CONFOUNDER, null, true, null)));
        assertEquals(new CovariateSpec("sex", true, false), DeclaredCovariates.spec(
                new Study.Covariate("sex", CovariateRole.CONFOUNDER, Study.ValueType.CATEGORICAL, false, null)));
        assertEquals(new CovariateSpec("edu", false, false), DeclaredCovariates.spec(
                new Study.Covariate("edu", CovariateRole.CONFOUNDER, Study.ValueType.NUMERIC, false, null)));
    }

    @Test
    void fitEncodingUsesTheStudyCovariatesAndIsDeterministic() {
        Table t = new Table("c.csv", List.of(new Column.Numeric("age", new double[] {10, 20, 30, Double.NaN, 50}),
                new Column.Numeric("sex", new double[] {0, 1, 1, 1, 0}),
                new Column.Text("grp", new String[] {"x", "y", "x", "y", "x"})));
        List<Study.Covariate> kept = List.of(
                new Study.Covariate("age", CovariateRole.CONFOUNDER, null, true, null),
                new Study.Covariate("sex", CovariateRole.CONFOUNDER, Study.ValueType.CATEGORICAL, false, null),
                new Study.Covariate("grp", CovariateRole.EFFECT_MODIFIER, null, false, null));
        Encoding a = DeclaredCovariates.fitEncoding(t, TRAIN, kept);
        Encoding b = DeclaredCovariates.fitEncoding(t, TRAIN, kept);
        assertEquals(List.of("age", "age_missing", "age^2", "sex=0", "grp=y"), a.featureNames());
        assertEquals("1", a.referenceLevels().get("sex"));
        assertEquals(List.of("sex=0"), a.featuresOf("sex"));
        assertTrue(a.featuresOf("nope").isEmpty());
        double[][] xa = a.transform(t);
        double[][] xb = b.transform(t);
        for (int i = 0; i < xa.length; i++) {
            assertArrayEquals(xa[i], xb[i]);
        }
    }
}

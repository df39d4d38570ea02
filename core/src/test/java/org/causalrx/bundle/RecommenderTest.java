package org.causalrx.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.IntervalCateModel;
import org.causalrx.causal.OverlapSet;
import org.causalrx.data.Column;
import org.causalrx.data.EncodingParts;
import org.causalrx.data.Table;
import org.causalrx.learn.linear.LogisticModel;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.junit.jupiter.api.Test;

/** Decisions of a hand-built bundle: overlap, the Conservative set's interval rule, levels, imputation. */
class RecommenderTest {

    /** tau(x) = x, interval [x − 1, x + 1]; e(x) = sigmoid(x / 2); one numeric and one categorical covariate. */
    static ModelBundle bundle(DeferralSet deferral, Double alpha) {
        return bundle(deferral, alpha, 0, 0.0);
    }

    static ModelBundle bundle(DeferralSet deferral, Double alpha, int defaultArm, double margin) {
        IntervalCateModel cate = new IntervalCateModel() {
            @Override
            public EffectIntervals effectInterval(double[][] x, double a) {
                double[] lo = new double[x.length];
                double[] hi = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    lo[i] = x[i][0] - 1;
                    hi[i] = x[i][0] + 1;
                }
                return new EffectIntervals(lo, hi);
            }

            @Override
            public double[] effect(double[][] x) {
                double[] t = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    t[i] = x[i][0];
                }
                return t;
            }
        };
        List<EncodingParts.Item> items = List.of(
                new EncodingParts.Item("x", false, 0.5, true, false, null, List.of()),
                new EncodingParts.Item("g", true, Double.NaN, false, false, "a", List.of("a", "b")));
        return new ModelBundle(Path.of("m"), PolicyId.of("toy"), deferral, alpha, null, List.of("0", "1"),
                List.of("no", "yes"),
                "y", 1, new OverlapSet(0.2, 0.8, "given"),
                InputSchema.of(null, items, Map.of("x", false, "g", true)), EncodingParts.build(items), "logistic",
                new LogisticModel(0, new double[] {0.5, 0, 0}, new double[] {1, 1, 1}, 0), cate, Map.of(), defaultArm,
                margin);
    }

    static Table input() {
        return new Table("new.csv", List.of(
                new Column.Numeric("x", new double[] {0.5, 3.0, -2.0, 4.0, Double.NaN, 1.0}),
                new Column.Text("g", new String[] {"a", "b", "a", "b", "a", "c"})));
    }

    @Test
    void numbersBeyondFloatRangeAreRowErrorsAndTheOtherRowsAreScored() {
        List<EncodingParts.Item> items = List.of(new EncodingParts.Item("x", false, 0.5, false, true, null, List.of()));
        ModelBundle toy = bundle(ModelBundle.INCLUSIVE, null);
        var encoding = EncodingParts.build(items);
        int p = encoding.featureNames().size();
        double[] coef = new double[p];
        double[] scale = new double[p];
        java.util.Arrays.fill(scale, 1);
        coef[0] = 0.5;
        ModelBundle b = new ModelBundle(Path.of("m"), PolicyId.of("toy"), ModelBundle.INCLUSIVE, null, null,
                List.of("0", "1"),
                List.of("no", "yes"), "y", 1, new OverlapSet(0.0, 1.0, "given"),
                InputSchema.of(null, items, Map.of("x", false)), encoding, "logistic",
                new LogisticModel(0, coef, scale, 0), toy.cate(), Map.of(), 0, 0.0);
        // 1e39 overflows float itself; 1e20 is a float but its square (1e40) is not
        Table in = new Table("new.csv", List.of(new Column.Numeric("x", new double[] {0.5, 1e39, 1e20, -1e39, 1.0})));
        Recommender.Result r = Recommender.apply(b, in);
        assertEquals(2, r.scored(), r.rows().toString());
        assertEquals(List.of(2, 4), r.problems().get(0).rows());
        assertTrue(r.problems().get(0).what().contains("too large"), r.problems().get(0).what());
        assertEquals(List.of(3), r.problems().get(1).rows(), r.problems().toString());
        assertTrue(r.rows().get(2).error().startsWith("feature 'x^2' = 1.0E40 is beyond"), r.rows().get(2).error());
        assertEquals(1, r.rows().get(0).arm());
        assertEquals(null, r.rows().get(1).arm());
        assertEquals(0.5, r.rows().get(0).cate(), 0.0);
        assertEquals(1.0, r.rows().get(4).cate(), 0.0);
    }

    @Test
    void inclusiveDefersOutsideOverlapOnly() {
        Recommender.Result r = Recommender.apply(bundle(ModelBundle.INCLUSIVE, null), input());
        List<Recommender.Row> rows = r.rows();
        assertEquals(1, rows.get(0).arm());               // tau 0.5 > 0, e = 0.56
        assertEquals(PolicyDecisions.DEFER, rows.get(1).arm());   // tau 3 but e = sigmoid(1.5) = 0.82 > 0.8
        assertEquals(PolicyDecisions.DEFER, rows.get(3).arm());
        assertTrue(rows.get(3).reason().startsWith("outside overlap: e(x)=0.88 > 0.80"), rows.get(3).reason());
        assertEquals(0, rows.get(2).arm());               // tau −2, e = 0.27
        assertEquals(0.5, rows.get(4).cate(), 0.0);       // missing → training median
        assertEquals(null, rows.get(5).arm());            // level 'c' unknown
        assertEquals(List.of(6), r.problems().get(0).rows());
        assertTrue(Double.isNaN(rows.get(0).lo()), "no intervals without alpha");
    }

    @Test
    void conservativeAlsoDefersWhenTheIntervalContainsZero() {
        Recommender.Result r = Recommender.apply(bundle(ModelBundle.CONSERVATIVE, 0.1), input());
        List<Recommender.Row> rows = r.rows();
        assertEquals(PolicyDecisions.DEFER, rows.get(0).arm());
        assertEquals("uncertain: interval [-0.50, 1.50] contains 0", rows.get(0).reason());
        assertEquals(-0.5, rows.get(0).lo(), 0.0);
        assertEquals(0, rows.get(2).arm(), "interval [-3, -1] excludes 0");
        Recommender.Result inc = Recommender.apply(bundle(ModelBundle.INCLUSIVE, 0.1), input());
        for (int i = 0; i < rows.size(); i++) {
            if (inc.rows().get(i).arm() != null && inc.rows().get(i).arm() == PolicyDecisions.DEFER) {
                assertEquals(PolicyDecisions.DEFER, rows.get(i).arm(), "conservative defers whoever inclusive does");
            }
        }
        assertEquals(-0.5, inc.rows().get(0).lo(), 0.0, "intervals are reported under the Inclusive set too");
    }

    @Test
    void theBundledMarginAndDefaultArmDecideAndAreNamedInTheReasons() {
        // margin 0.75, default arm 0: tau 0.5 (e = 0.56) no longer switches to arm 1
        List<Recommender.Row> inc = Recommender.apply(bundle(ModelBundle.INCLUSIVE, null, 0, 0.75), input()).rows();
        assertEquals(0, inc.get(0).arm());
        assertEquals("predicted effect 0.500: the benefit of arm 1 over the default arm 0 does not exceed the margin "
                + "0.75; arm 0 ('no')", inc.get(0).reason());
        assertEquals(0, inc.get(2).arm());
        // default arm 1 with margin 0.75: arm 0 only where −tau > 0.75 (tau −2), arm 1 kept for tau 0.5
        List<Recommender.Row> t = Recommender.apply(bundle(ModelBundle.INCLUSIVE, null, 1, 0.75), input()).rows();
        assertEquals(1, t.get(0).arm());
        assertEquals(0, t.get(2).arm());
        // Conservative: [-0.5, 1.5] contains 0.75 → defer; [-3, -1] lies below 0.75 → keep arm 0
        List<Recommender.Row> c = Recommender.apply(bundle(ModelBundle.CONSERVATIVE, 0.1, 0, 0.75), input()).rows();
        assertEquals(PolicyDecisions.DEFER, c.get(0).arm());
        assertEquals("uncertain: interval [-0.50, 1.50] contains 0.75, the boundary of the margin 0.75",
                c.get(0).reason());
        assertEquals(0, c.get(2).arm());
        assertTrue(c.get(2).reason().contains("is below the margin 0.75 throughout"), c.get(2).reason());
    }
}

package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.TLearner;
import org.causalrx.learn.ClassifierRegressor;
import org.causalrx.learn.ProbabilityModel;
import org.causalrx.learn.linear.LinearModel;
import org.causalrx.learn.linear.LogisticModel;
import org.causalrx.learn.linear.MultinomialModel;
import org.junit.jupiter.api.Test;

/** Standardised coefficients of linear models only, and errors per arm on the rows asked for. */
class OutcomeModelDetailsTest {
    @Test
    void coefficientsOfLinearModelsOnly() {
        LinearModel m0 = new LinearModel(1, new double[] {2, -1}, new double[] {0.5, 3}, 0.1);
        LinearModel m1 = new LinearModel(0, new double[] {1, 1}, new double[] {2, 2}, 0.1);
        TLearner.Fitted ridge = new TLearner.Fitted("t_ridge", m0, m1);
        TLearner.Fitted other = new TLearner.Fitted("t_other", x -> new double[x.length], x -> new double[x.length]);
        LogisticModel logit = new LogisticModel(0, new double[] {0.4, 0}, new double[] {5, 1}, 0.2);
        Map<String, ProbabilityModel> prop = new LinkedHashMap<>();
        prop.put("l2_logistic", logit);
        prop.put("xgboost", x -> new double[x.length]);
        List<LinearCoefficients> c = OutcomeModelDetails.coefficients(prop, List.of(other, ridge), List.of("a", "b"),
                new String[] {"control", "treated"});
        assertEquals(List.of("propensity (l2_logistic)", "t_ridge, arm 'control'", "t_ridge, arm 'treated'"),
                c.stream().map(LinearCoefficients::model).toList());
        assertArrayEquals(new double[] {2.0, 0}, c.get(0).standardized(), 1e-12);
        assertArrayEquals(new double[] {1.0, -3.0}, c.get(1).standardized(), 1e-12);
        assertEquals("outcome units per SD", c.get(1).scale());
        // a logistic model inside a T-learner (binary outcome) is found through the ClassifierRegressor
        TLearner.Fitted logistic = new TLearner.Fitted("t_logit", new ClassifierRegressor.Fitted(logit),
                new ClassifierRegressor.Fitted(logit));
        assertEquals("log-odds of the outcome per SD", OutcomeModelDetails.coefficients(Map.of(), List.of(logistic),
                List.of("a", "b"), new String[] {"c", "t"}).get(0).scale());
    }

    @Test
    void penaltyNotesNameTheSubsampleOfEveryPenalisedModel() {
        double[] sd = {1, 1};
        String note = "; penalty chosen by cross-validation on a seeded subsample of 21,779 rows, rescaled to all rows";
        assertEquals(note, OutcomeModelDetails.lambdaNote(new LogisticModel(0, new double[2], sd, 0.1, 21_779)));
        assertEquals(note, OutcomeModelDetails.lambdaNote(new MultinomialModel(new double[3], new double[3][2], sd,
                0.1, 21_779)));
        assertEquals("", OutcomeModelDetails.lambdaNote(new MultinomialModel(new double[3], new double[3][2], sd,
                0.1)));
    }

    @Test
    void residualsPerArmOnTheRowsGiven() {
        LinearModel m0 = new LinearModel(1, new double[] {2}, new double[] {1}, 0);
        LinearModel m1 = new LinearModel(10, new double[] {0}, new double[] {1}, 0);
        TLearner.Fitted f = new TLearner.Fitted("t_ridge", m0, m1);
        double[][] x = {{0}, {1}, {2}, {3}};
        int[] t = {0, 1, 0, 1};
        double[] y = {1.5, 9, 4, 12};
        List<ModelFigures.Residuals> r = OutcomeModelDetails.residuals(List.of(f), x, t, y, new int[] {0, 1, 2},
                "validation", new String[] {"control", "treated"});
        assertEquals(2, r.size());
        assertArrayEquals(new double[] {0.5, -1}, r.get(0).values(), 1e-12); // 1.5 - 1, 4 - 5
        assertArrayEquals(new double[] {-1}, r.get(1).values(), 1e-12); // row 3 is not among the rows given
        assertEquals("treated", r.get(1).arm());
    }
}

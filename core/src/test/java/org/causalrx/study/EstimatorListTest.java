package org.causalrx.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code estimators} list: names or {name, params} maps; {@code policy_evaluation.plug_in}. */
class EstimatorListTest {
    private static final String BASE = "name: x\ndata: d.csv\ntreatment: {column: t, arms: {\"0\": a, \"1\": b}}\n"
            + "outcome: {column: y, type: continuous, direction: higher}\n"
            + "covariates:\n  - {name: age, role: confounder}\nseed: 3\n";

    private static Study load(Path dir, String extra) throws Exception {
        Path p = dir.resolve("s.yaml");
        Files.writeString(p, BASE + extra);
        return StudyLoader.load(p);
    }

    @Test
    void namesAndMapsMix(@TempDir Path dir) throws Exception {
        Study s = load(dir, "estimators:\n  - t_xgboost\n  - {name: causal_forest, params: {num_trees: 4000, "
                + "honesty: false, sample_fraction: 0.4}}\n  - name: t_ridge\n  - average\n");
        assertEquals(List.of("t_xgboost", "causal_forest", "t_ridge", "average"), s.estimators());
        assertEquals(Map.of(), s.estimatorSpecs().get(0).params());
        assertEquals(Map.of("num_trees", 4000L, "honesty", false, "sample_fraction", 0.4),
                s.estimatorSpecs().get(1).params());
        assertEquals(List.of("num_trees", "honesty", "sample_fraction"),
                List.copyOf(s.estimatorSpecs().get(1).params().keySet()), "file order kept");
        assertEquals(Map.of(), s.estimatorSpecs().get(2).params());
        assertEquals("t_xgboost", s.policyEvaluation().plugIn(), "default plug-in");
    }

    @Test
    void defaultListAndCopiesKeepTheParams(@TempDir Path dir) throws Exception {
        assertEquals(Study.DEFAULT_ESTIMATORS, load(dir, "").estimators());
        assertTrue(load(dir, "").estimatorSpecs().stream().allMatch(e -> e.params().isEmpty()));
        Study s = load(dir, "estimators: [{name: t_bart, params: {trees: 50}}]\n"
                + "policy_evaluation: {plug_in: t_ridge}\n");
        assertEquals("t_ridge", s.policyEvaluation().plugIn());
        Study copy = s.withSeedAndRounds(9, 10).withPolicy(Study.Policy.DEFAULT);
        assertEquals(s.estimatorSpecs(), copy.estimatorSpecs());
        assertEquals("t_ridge", copy.policyEvaluation().plugIn());
    }

    @Test
    void badEntriesAreOneLineErrorsNamingTheEstimator(@TempDir Path dir) throws Exception {
        assertMessage(dir, "estimators: [t_ridge, {name: t_ridge, params: {folds: 3}}]\n", "'t_ridge' is listed twice");
        assertMessage(dir, "estimators: [{name: t_bart, params: [trees, 50]}]\n", "'t_bart' params must be a mapping");
        assertMessage(dir, "estimators: [{name: t_bart, params: {trees: [1, 2]}}]\n", "param 'trees'");
        assertMessage(dir, "estimators: [{name: t_bart, parameters: {trees: 5}}]\n", "parameters");
        assertMessage(dir, "estimators: [{params: {trees: 5}}]\n", "name");
        assertMessage(dir, "estimators: [[t_bart]]\n", "names or {name: ..., params: {...}}");
        assertMessage(dir, "policy_evaluation: {plug_in: [t_ridge]}\n", "plug_in");
    }

    private static void assertMessage(Path dir, String extra, String part) throws Exception {
        CausalRxException e = assertThrows(CausalRxException.class, () -> load(dir, extra));
        assertTrue(e.getMessage().contains(part) && e.getMessage().contains("s.yaml: ")
                && !e.getMessage().contains("\n"), e.getMessage());
    }
}

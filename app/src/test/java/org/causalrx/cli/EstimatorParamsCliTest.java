package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad estimator param or plug-in exits 2 with one line naming the study file, the estimator and the key (and the
 * accepted keys), and writes no output folder.
 */
class EstimatorParamsCliTest {
    private static final String CSV = "id,t,y,age\n1,0,1.5,40\n2,1,2.5,50\n3,0,0.5,60\n4,1,3.0,45\n5,0,1.0,52\n"
            + "6,1,2.0,38\n7,0,1.2,61\n8,1,2.2,47\n9,0,0.9,55\n10,1,2.9,44\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
    trees 0 | [t_ridge, {name: causal_forest, params: {num_trees: 0}}] | causal_forest | num_trees | accepted keys
    unknown xgb key | [{name: t_xgboost, params: {max_dept: 2}}] | t_xgboost | max_dept | max_depth
    wrong type | [{name: t_bart, params: {trees: many}}] | t_bart | trees | burn_in
    eta above 1 | [{name: x_xgboost, params: {eta: 1.5}}] | x_xgboost | eta | min_child_weight
    ridge lambda < 0 | [{name: t_ridge, params: {lambda: -1}}] | t_ridge | lambda | folds
    net members 0 | [{name: tarnet, params: {members: 0}}] | tarnet | members | max_epochs
    ensemble params | [t_ridge, t_lasso, {name: average, params: {k: 3}}] | average | params | average
    duplicate name | [t_ridge, {name: t_ridge, params: {folds: 3}}] | t_ridge | twice | t_ridge
    plug-in not T | [t_ridge]\\npolicy_evaluation: {plug_in: x_xgboost} | x_xgboost | plug_in | t_lasso
    """)
    void badParamGivesOneLineAndNoOutput(String label, String list, String estimator, String key, String more,
                                         @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("data.csv"), CSV);
        Path studyFile = dir.resolve("study.yaml");
        Files.writeString(studyFile, "name: bad\ndata: data.csv\nid: id\n"
                + "treatment: {column: t, arms: {\"0\": control, \"1\": treated}}\n"
                + "outcome: {column: y, type: continuous, direction: higher}\n"
                + "covariates:\n  - {name: age, role: confounder}\nseed: 1\nbootstrap: {rounds: 20}\n"
                + "ate: {folds: 2}\nestimators: " + list.replace("\\n", "\n") + "\n");
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(err, true), "run", studyFile.toString(), "--out", out.toString());
        String msg = err.toString().trim();
        assertEquals(2, code, label + ": " + msg);
        assertFalse(msg.contains("\n"), label + ": one line, got " + msg);
        for (String part : new String[] {"study.yaml", "'" + estimator + "'", key, more}) {
            assertTrue(msg.contains(part), label + ": message names '" + part + "': " + msg);
        }
        assertFalse(Files.exists(out), label + ": no output folder");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".out")), "no temp folder left");
        }
    }
}

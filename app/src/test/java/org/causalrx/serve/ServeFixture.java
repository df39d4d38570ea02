package org.causalrx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import org.causalrx.cli.Main;

/**
 * A small two-arm study on simulated data (numeric {@code age}, {@code score}, categorical {@code sex} with levels
 * F and M; the treatment helps where score &gt; 0), run through {@code causalrx run} with the T-learner on ridge
 * regression, so the tests serve a real bundle.
 */
final class ServeFixture {
    private ServeFixture() {
    }

    /** Writes data and study into {@code dir}, runs the pipeline and returns the model folder. */
    static Path runStudy(Path dir) throws Exception {
        Files.writeString(dir.resolve("data.csv"), csv(600, 7));
        Files.writeString(dir.resolve("study.yaml"), """
                name: serve
                protocol: {question: "treat or not?", decision_time: d, population: p, users: u}
                data: data.csv
                id: id
                treatment: {column: t, arms: {"0": control, "1": treated}}
                outcome: {column: y, type: continuous, direction: higher}
                covariates:
                  - {name: age, role: confounder}
                  - {name: sex, role: confounder, type: categorical}
                  - {name: score, role: effect_modifier}
                split: {train: 0.6, validation: 0.2, test: 0.2}
                seed: 11
                bootstrap: {rounds: 50}
                ate: {folds: 2}
                estimators: [t_ridge]
                """);
        Path out = dir.resolve("run");
        assertEquals(0, Main.execute("run", dir.resolve("study.yaml").toString(), "--out", out.toString()));
        return out.resolve("model");
    }

    /** {@code n} patients: id, t, y, age, sex, score; the effect of t is 2·score. */
    static String csv(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("id,t,y,age,sex,score\n");
        for (int i = 0; i < n; i++) {
            double age = 50 + 10 * r.nextGaussian();
            String sex = r.nextBoolean() ? "F" : "M";
            double score = r.nextGaussian();
            double p = 1 / (1 + Math.exp(-(age - 50) / 20));
            int t = r.nextDouble() < p ? 1 : 0;
            double y = 0.05 * age + ("F".equals(sex) ? 0.5 : 0) + t * 2 * score + 0.5 * r.nextGaussian();
            sb.append(String.format(Locale.ROOT, "p%d,%d,%.4f,%.2f,%s,%.4f%n", i, t, y, age, sex, score));
        }
        return sb.toString();
    }
}

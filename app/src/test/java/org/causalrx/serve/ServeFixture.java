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
    /** alice's key (stored hashed in the key file) and bob's (stored plain). */
    static final String ALICE_KEY = "alice-key-0123456789abcdef";
    static final String BOB_KEY = "bob-plain-key-0123456789";

    /** The run shared by the test classes of one JVM (the pipeline takes about a minute). */
    private static Path shared;
    /** The three-arm run shared likewise. */
    private static Path sharedMultiArm;

    private ServeFixture() {
    }

    /** The shared run's model folder; runs the study on first use. Tests must not change it (copy it first). */
    static synchronized Path model() throws Exception {
        if (shared == null) {
            Path d = org.causalrx.cli.ScratchFolder.create("causalrx-serve-test");
            shared = runStudy(d);
        }
        return shared;
    }

    /**
     * The model folder of a three-arm study (codes keep, down, up; reference keep; lower is better) fitted with the
     * T-learner on XGBoost, so scoring runs native boosters; runs the study on first use. Tests must not change it.
     */
    static synchronized Path multiArmModel() throws Exception {
        if (sharedMultiArm == null) {
            Path d = org.causalrx.cli.ScratchFolder.create("causalrx-serve-multiarm-test");
            Files.writeString(d.resolve("data.csv"), multiArmCsv(900, 5));
            Files.writeString(d.resolve("study.yaml"), """
                    name: dose
                    protocol: {question: "decrease, keep or increase?", decision_time: d, population: p, users: u}
                    data: data.csv
                    id: id
                    treatment: {column: dose, arms: {keep: "keep dose", down: decrease, up: increase}, reference: keep}
                    outcome: {column: y, type: continuous, direction: lower}
                    covariates:
                      - {name: age, role: confounder}
                      - {name: sex, role: confounder, type: categorical}
                      - {name: score, role: effect_modifier}
                    split: {train: 0.6, validation: 0.2, test: 0.2}
                    seed: 5
                    bootstrap: {rounds: 50}
                    estimators: [t_xgboost]
                    """);
            Path out = d.resolve("run");
            assertEquals(0, Main.execute("run", d.resolve("study.yaml").toString(), "--out", out.toString()));
            sharedMultiArm = out.resolve("model");
        }
        return sharedMultiArm;
    }

    /** {@code n} patients of three arms: decreasing helps where score &gt; 0, increasing where score &lt; 0. */
    static String multiArmCsv(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("id,dose,y,age,sex,score\n");
        String[] codes = {"keep", "down", "up"};
        for (int i = 0; i < n; i++) {
            double age = 50 + 10 * r.nextGaussian();
            String sex = r.nextBoolean() ? "F" : "M";
            double score = r.nextGaussian();
            int arm = r.nextInt(3);
            double effect = arm == 0 ? 0 : arm == 1 ? (score > 0 ? -1 : 0.5) : (score < 0 ? -1 : 0.5);
            double y = 0.02 * age + ("F".equals(sex) ? 0.3 : 0) + effect + 0.5 * r.nextGaussian();
            sb.append(String.format(Locale.ROOT, "k%d,%s,%.4f,%.2f,%s,%.4f%n", i, codes[arm], y, age, sex, score));
        }
        return sb.toString();
    }

    /** A key file with alice (hashed) and bob (plain). */
    static Path keys(Path dir) throws Exception {
        return Files.writeString(dir.resolve("keys.txt"), "# test keys\nalice:" + Json.sha256(ALICE_KEY)
                + "\nbob:" + BOB_KEY + "\n");
    }

    /** Settings for a test server on a free loopback port, logging into {@code log}. */
    static ServeSettings settings(java.util.List<String> log) {
        java.util.concurrent.atomic.AtomicLong n = new java.util.concurrent.atomic.AtomicLong();
        return new ServeSettings("127.0.0.1", 0, 50, 1L << 20, java.time.Duration.ofSeconds(10),
                java.time.Clock.fixed(java.time.Instant.parse("2027-01-01T00:00:00Z"), java.time.ZoneOffset.UTC),
                () -> "req-" + n.incrementAndGet(), line -> {
                    synchronized (log) {
                        log.add(line);
                    }
                });
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

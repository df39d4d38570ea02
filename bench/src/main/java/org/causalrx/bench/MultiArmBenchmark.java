package org.causalrx.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.causalrx.causal.MultiArmCateEstimator;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.estimators.MultiArmEstimators;
import org.causalrx.util.Seeds;

/**
 * K-arm CATE estimators on a simulated three-arm design with known potential outcomes. Per repetition: a training
 * sample of n patients and a fresh test sample of 2,000; each estimator is fitted on the training sample and
 * scored on the test sample by per-arm sqrt-PEHE (root mean squared error of tau_a against the truth) and by the
 * regret of its policy (give the arm with the highest predicted outcome) against the oracle that knows the
 * potential outcomes: mean over test patients of max_a mu_a(x) − mu_{chosen}(x), in outcome units. The best single
 * arm for everyone is reported as the reference regret a personalised policy must beat. Computes; does not print.
 *
 * <p>Design (p = 10, x ~ N(0, I)): assignment from a multinomial logistic propensity with logits
 * (0, 0.7·x0 − 0.4·x2, −0.6·x0 + 0.5·x3), confounded through x0, which also drives the baseline outcome
 * mu_0 = sin(2·x0) + 0.5·x1 + 0.25·x4²; tau_1 = 0.5 + x1, tau_2 = 0.3 − 0.8·x1 + 0.6·max(x2, 0); noise N(0, 1).
 */
final class MultiArmBenchmark {
    static final int ARMS = 3;
    static final int P = 10;
    static final int N_TEST = 2000;

    private MultiArmBenchmark() {
    }

    /** One sample: covariates, assigned arm, observed outcome, true potential outcomes (n × K). */
    record Sample(double[][] x, int[] t, double[] y, double[][] mu) {
    }

    static Sample simulate(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][P];
        int[] t = new int[n];
        double[] y = new double[n];
        double[][] mu = new double[n][ARMS];
        for (int i = 0; i < n; i++) {
            double[] xi = x[i];
            for (int j = 0; j < P; j++) {
                xi[j] = rng.nextGaussian();
            }
            double[] logit = {0, 0.7 * xi[0] - 0.4 * xi[2], -0.6 * xi[0] + 0.5 * xi[3]};
            double[] e = new double[ARMS];
            double sum = 0;
            for (int a = 0; a < ARMS; a++) {
                e[a] = Math.exp(logit[a]);
                sum += e[a];
            }
            double u = rng.nextDouble() * sum;
            int arm = 0;
            double cum = e[0];
            while (arm < ARMS - 1 && u >= cum) {
                arm++;
                cum += e[arm];
            }
            t[i] = arm;
            double base = Math.sin(2 * xi[0]) + 0.5 * xi[1] + 0.25 * xi[4] * xi[4];
            mu[i][0] = base;
            mu[i][1] = base + 0.5 + xi[1];
            mu[i][2] = base + 0.3 - 0.8 * xi[1] + 0.6 * Math.max(xi[2], 0);
            y[i] = mu[i][arm] + rng.nextGaussian();
        }
        return new Sample(x, t, y, mu);
    }

    /** Per estimator: mean over repetitions of sqrt-PEHE per non-reference arm, regret and fit seconds. */
    static Map<String, Object> run(List<String> estimators, int reps, int n, long seed) {
        Map<String, double[]> sums = new LinkedHashMap<>();
        List<Map<String, Object>> runs = new ArrayList<>();
        double bestArmRegret = 0;
        double oracleValue = 0;
        for (int r = 0; r < reps; r++) {
            Sample train = simulate(n, Seeds.derive(seed, "train-" + r));
            Sample test = simulate(N_TEST, Seeds.derive(seed, "test-" + r));
            double[] armMeans = new double[ARMS];
            double oracle = 0;
            for (double[] m : test.mu()) {
                double best = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < ARMS; a++) {
                    armMeans[a] += m[a] / N_TEST;
                    best = Math.max(best, m[a]);
                }
                oracle += best / N_TEST;
            }
            double bestArm = Double.NEGATIVE_INFINITY;
            for (double v : armMeans) {
                bestArm = Math.max(bestArm, v);
            }
            bestArmRegret += (oracle - bestArm) / reps;
            oracleValue += oracle / reps;
            for (String name : estimators) {
                MultiArmCateEstimator est = MultiArmEstimators.of(name, OutcomeAware.Kind.CONTINUOUS);
                long t0 = System.nanoTime();
                double[][] eff = est.fit(train.x(), train.t(), ARMS, train.y(), Seeds.derive(seed, name + "-" + r))
                        .effects(test.x());
                double secs = (System.nanoTime() - t0) / 1e9;
                double[] pehe = new double[ARMS];
                double value = 0;
                for (int i = 0; i < N_TEST; i++) {
                    double[] m = test.mu()[i];
                    int chosen = 0;
                    for (int a = 1; a < ARMS; a++) {
                        double d = eff[i][a] - (m[a] - m[0]);
                        pehe[a] += d * d / N_TEST;
                        if (eff[i][a] > eff[i][chosen]) {
                            chosen = a;
                        }
                    }
                    value += m[chosen] / N_TEST;
                }
                double[] s = sums.computeIfAbsent(name, k -> new double[4]);
                s[0] += Math.sqrt(pehe[1]) / reps;
                s[1] += Math.sqrt(pehe[2]) / reps;
                s[2] += (oracle - value) / reps;
                s[3] += secs / reps;
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("rep", r + 1);
                run.put("estimator", name);
                run.put("sqrt_pehe_arm1", Math.sqrt(pehe[1]));
                run.put("sqrt_pehe_arm2", Math.sqrt(pehe[2]));
                run.put("regret", oracle - value);
                run.put("fit_seconds", secs);
                runs.add(run);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("design", "three arms, p = " + P + ", n = " + n + " train, " + N_TEST + " test, " + reps + " reps");
        out.put("oracle_value", oracleValue);
        out.put("best_single_arm_regret", bestArmRegret);
        Map<String, Object> means = new LinkedHashMap<>();
        sums.forEach((name, s) -> means.put(name, Map.of("sqrt_pehe_arm1", s[0], "sqrt_pehe_arm2", s[1],
                "regret", s[2], "fit_seconds", s[3])));
        out.put("estimators", means);
        out.put("runs", runs);
        return out;
    }
}

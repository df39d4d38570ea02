package org.causalrx.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.causalrx.causal.AipwEstimands;
import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.Estimand;
import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import org.causalrx.data.Column;
import org.causalrx.data.CovariateEncoder;
import org.causalrx.data.CovariateSpec;
import org.causalrx.data.Encoding;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.pipeline.Learners;
import org.causalrx.policy.HeldOut;
import org.causalrx.util.CausalRxException;
import org.causalrx.util.Hashing;
import org.causalrx.util.Seeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench lalonde}: the NSW treated against PSID comparison controls (Dehejia and Wahba 1999,
 * {@code lalonde_matchit_dw_psid.csv}), where the randomised experiment's effect on 1978 earnings is $1,794
 * (SE 633). Cross-fitted AIPW ATT and ATE of {@code treat} on {@code re78} (US dollars) with the run's default
 * nuisance learners (L2-logistic propensity, XGBoost outcome per arm, the same clipping), adjusting for age, educ,
 * race (categorical), married, nodegree, re74 and re75 as they are in the file. Writes a JSON file.
 */
@Command(name = "lalonde", mixinStandardHelpOptions = true,
        description = "Cross-fitted AIPW ATT and ATE of NSW job training on 1978 earnings, NSW treated vs PSID "
                + "controls, beside the randomised experiment's $1,794; needs --data.")
final class LalondeBench implements Callable<Integer> {
    static final String FILE = "lalonde_matchit_dw_psid.csv";
    /** The experimental estimate (NSW randomised treated vs randomised controls), US dollars. */
    static final double EXPERIMENTAL = 1794;
    static final double EXPERIMENTAL_SE = 633;
    static final int FOLDS = 5;
    static final long SEED = 1978;
    static final List<String> COVARIATES = List.of("age", "educ", "race", "married", "nodegree", "re74", "re75");

    @Option(names = "--data", description = "folder holding " + FILE + " (e.g. ../shared/data/lalonde)")
    Path data;

    @Mixin
    BenchTarget target;

    @Override
    public Integer call() throws IOException {
        run(data, target.checked("lalonde", OutputKind.BENCH_JSON, Arrays.asList(data)));
        return 0;
    }

    static void run(Path dir, OutputTarget out) throws IOException {
        if (dir == null) {
            throw new CausalRxException("bench lalonde needs --data DIR, the folder that holds " + FILE
                    + " (e.g. --data ../shared/data/lalonde)");
        }
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new CausalRxException("bench lalonde: " + file + " does not exist; --data must name the folder that"
                    + " holds " + FILE);
        }
        Table table = read(file);
        int n = table.rowCount();
        double[] y = numbers(table, "re78");
        double[] treat = numbers(table, "treat");
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            if (treat[i] != 0 && treat[i] != 1) {
                throw new CausalRxException("bench lalonde: " + file + " column 'treat' must be 0/1, row " + (i + 2)
                        + " has " + treat[i]);
            }
            t[i] = (int) treat[i];
        }
        List<CovariateSpec> specs = COVARIATES.stream().map(c -> new CovariateSpec(c, c.equals("race"), false))
                .toList();
        for (String c : COVARIATES) {
            table.find(c).orElseThrow(() -> new CausalRxException("bench lalonde: " + file + " has no column '" + c
                    + "'"));
        }
        Encoding enc = CovariateEncoder.fit(table, IntStream.range(0, n).toArray(), specs);
        double[][] x = enc.transform(table);
        Learners learners = Learners.standard();
        CrossFitAipw aipw = new CrossFitAipw(learners.evaluationPropensity(), learners.ateOutcome(false), FOLDS,
                HeldOut.CLIP);
        long t0 = System.nanoTime();
        List<AipwEstimands.Estimate> est = aipw.estimates(x, t, y, Seeds.derive(SEED, "ate"),
                List.of(Estimand.ATT, Estimand.ATE));
        double seconds = (System.nanoTime() - t0) / 1e9;

        Map<String, Object> res = new LinkedHashMap<>();
        res.put("data", FILE);
        res.put("data_sha256", Hashing.sha256(file));
        res.put("n", n);
        res.put("n_treated", IntStream.of(t).sum());
        res.put("outcome", "re78 (US dollars, 1978 earnings)");
        res.put("covariates", enc.featureNames());
        res.put("method", "cross-fitted AIPW, " + FOLDS + " folds, propensity L2-logistic clipped to ["
                + HeldOut.CLIP + ", " + (1 - HeldOut.CLIP) + "], outcome XGBoost per arm (default settings)");
        res.put("seed", SEED);
        res.put("naive_difference", mean(y, t, 1) - mean(y, t, 0));
        res.put("estimands", est.stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.estimand().key());
            m.put("estimate", e.estimate());
            m.put("se", e.se());
            m.put("ci_low", e.ciLow());
            m.put("ci_high", e.ciHigh());
            m.put("covers_experimental", e.ciLow() <= EXPERIMENTAL && EXPERIMENTAL <= e.ciHigh());
            return m;
        }).toList());
        res.put("experimental_reference", EXPERIMENTAL);
        res.put("experimental_reference_se", EXPERIMENTAL_SE);
        res.put("fit_seconds", seconds);
        BenchOutput.writeJson(out, "lalonde", res);
        System.out.printf(Locale.ROOT, "Lalonde NSW treated vs PSID controls: n = %d (%d treated); naive difference "
                + "%.0f%n", n, IntStream.of(t).sum(), mean(y, t, 1) - mean(y, t, 0));
        for (AipwEstimands.Estimate e : est) {
            System.out.printf(Locale.ROOT, "AIPW %s = %.0f (SE %.0f, 95%% CI %.0f to %.0f)%n",
                    e.estimand().name(), e.estimate(), e.se(), e.ciLow(), e.ciHigh());
        }
        System.out.printf(Locale.ROOT, "experimental benchmark: %.0f (SE %.0f)%n", EXPERIMENTAL, EXPERIMENTAL_SE);
        System.out.println("results written to " + out.path());
    }

    /** The file as a table; its unnamed first column (row names, as R writes them) is called "row". */
    private static Table read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new CausalRxException("bench lalonde: " + file + " is empty");
        }
        String header = lines.get(0);
        if (header.startsWith("\"\",") || header.startsWith(",")) {
            lines.set(0, "row" + header.substring(header.indexOf(',')));
        }
        Path tmp = Files.createTempFile("causalrx-lalonde", ".csv");
        try {
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Table t = TableReader.read(tmp);
            return new Table(file.toString(), t.columns());
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static double[] numbers(Table table, String name) {
        Column c = table.find(name).orElseThrow(() -> new CausalRxException("bench lalonde: " + table.source()
                + " has no column '" + name + "'"));
        if (!(c instanceof Column.Numeric num)) {
            throw new CausalRxException("bench lalonde: column '" + name + "' of " + table.source()
                    + " is not numeric");
        }
        double[] v = new double[table.rowCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = num.get(i);
            if (Double.isNaN(v[i])) {
                throw new CausalRxException("bench lalonde: column '" + name + "' of " + table.source()
                        + " is missing in row " + (i + 2));
            }
        }
        return v;
    }

    private static double mean(double[] y, int[] t, int arm) {
        double s = 0;
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            if (t[i] == arm) {
                s += y[i];
                k++;
            }
        }
        return s / k;
    }
}

package org.causalrx.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import org.causalrx.bench.data.BenchmarkData;
import org.causalrx.cli.OutputFile;
import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import org.causalrx.util.CausalRxException;
import org.causalrx.util.Stats;

/** Runs the IHDP / ACIC CATE benchmarks, writes the CSV and prints mean ± SE per estimator. */
final class CateBench {
    static final String HEADER = OutputKind.BENCH_CSV_HEADER;

    private CateBench() {
    }

    /** Parses "1-10" or "1,3,5" or "4". */
    static List<Integer> range(String spec) {
        List<Integer> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            try {
                if (p.contains("-")) {
                    String[] ab = p.split("-");
                    for (int i = Integer.parseInt(ab[0].trim()); i <= Integer.parseInt(ab[1].trim()); i++) {
                        out.add(i);
                    }
                } else {
                    out.add(Integer.parseInt(p));
                }
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new CausalRxException("cannot read the range '" + spec + "'; use e.g. 1-10 or 1,3,5");
            }
        }
        return out;
    }

    static void run(org.causalrx.estimators.EstimatorRegistry registry, List<Integer> reps,
                    IntFunction<BenchmarkData> loader, double testShare, List<String> estimators,
                    OutputTarget out) throws IOException {
        boolean tty = System.console() != null;
        List<CateBenchmark.Row> rows = new ArrayList<>();
        for (int rep : reps) {
            BenchmarkData d = loader.apply(rep);
            rows.addAll(CateBenchmark.run(registry, d, rep, testShare, estimators, (data, r) -> {
                if (tty) {
                    System.out.printf(Locale.ROOT, "  %-8s %-14s sqrt-PEHE out %.3f, ATE err out %.3f, %.2f s%n", data,
                            r.estimator(), r.sqrtPeheOut(), r.ateErrOut(), r.fitSeconds());
                }
            }));
            if (!tty) {
                System.out.println("fitted " + d.name());
            }
        }
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (CateBenchmark.Row r : rows) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%.6f,%.6f,%.6f,%.6f,%.4f,%.6f%n", r.estimator(), r.rep(),
                    r.sqrtPeheIn(), r.sqrtPeheOut(), r.ateErrIn(), r.ateErrOut(), r.fitSeconds(), r.nnPeheOut()));
        }
        OutputFile.write(out, csv.toString());
        printSummary(rows, estimators);
        System.out.println("results written to " + out.path());
    }

    private static void printSummary(List<CateBenchmark.Row> rows, List<String> estimators) {
        System.out.printf("%n%-14s %-17s %-17s %-17s %-17s %-17s %s%n", "estimator", "sqrt-PEHE in", "sqrt-PEHE out",
                "ATE err in", "ATE err out", "NN-PEHE out", "fit s/rep");
        Map<String, List<CateBenchmark.Row>> by = new LinkedHashMap<>();
        for (String e : estimators) {
            by.put(e, rows.stream().filter(r -> r.estimator().equals(e)).toList());
        }
        for (Map.Entry<String, List<CateBenchmark.Row>> e : by.entrySet()) {
            List<CateBenchmark.Row> rs = e.getValue();
            System.out.printf(Locale.ROOT, "%-14s %-17s %-17s %-17s %-17s %-17s %.2f%n", e.getKey(),
                    pm(rs.stream().mapToDouble(CateBenchmark.Row::sqrtPeheIn).toArray()),
                    pm(rs.stream().mapToDouble(CateBenchmark.Row::sqrtPeheOut).toArray()),
                    pm(rs.stream().mapToDouble(CateBenchmark.Row::ateErrIn).toArray()),
                    pm(rs.stream().mapToDouble(CateBenchmark.Row::ateErrOut).toArray()),
                    pm(rs.stream().mapToDouble(CateBenchmark.Row::nnPeheOut).toArray()),
                    rs.stream().mapToDouble(CateBenchmark.Row::fitSeconds).average().orElse(Double.NaN));
        }
    }

    private static String pm(double[] v) {
        return String.format(Locale.ROOT, "%.3f ± %.3f", Stats.mean(v), Stats.sd(v) / Math.sqrt(v.length));
    }
}

package org.causalrx.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.causalrx.util.CausalRxException;

/**
 * Writes a {@link ScaleDesign} as a study folder that {@code causalrx run} reads: {@code synthetic.csv} (header
 * {@code id,t,y,x1..xP}, values with 4 decimals, streamed row by row), {@code study.yaml} (every covariate a
 * confounder, continuous outcome, higher is better, labelled SYNTHETIC) and the marker {@link #MARKER}. A folder is
 * written only when it is new, empty or carries the marker (an earlier {@code bench scale} folder); anything else
 * is refused.
 */
final class ScaleStudyFiles {
    /** Marks a folder {@code bench scale} wrote (the only kind it replaces files in). */
    static final String MARKER = ".causalrx-bench-scale";
    static final String DATA = "synthetic.csv";
    static final String STUDY = "study.yaml";

    private ScaleStudyFiles() {
    }

    /**
     * Writes the design's data and study file into {@code dir}; returns the study file.
     *
     * @param rounds     the study's bootstrap rounds
     * @param estimators the study's estimator names
     */
    static Path write(ScaleDesign design, Path dir, int rounds, List<String> estimators) throws IOException {
        claim(dir);
        writeCsv(design, dir.resolve(DATA));
        Path study = dir.resolve(STUDY);
        Files.writeString(study, studyYaml(design, rounds, estimators), StandardCharsets.UTF_8);
        return study;
    }

    /** Creates {@code dir} or checks that it is empty or an earlier {@code bench scale} folder, and marks it. */
    static void claim(Path dir) throws IOException {
        claim(dir, MARKER, "bench scale");
    }

    /**
     * Creates {@code dir} or checks that it is empty or carries {@code marker} (a folder {@code causalrx COMMAND}
     * wrote earlier), and marks it.
     */
    static void claim(Path dir, String marker, String command) throws IOException {
        if (Files.exists(dir)) {
            boolean empty;
            try (var s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            } catch (IOException e) {
                throw new CausalRxException(dir + ": is not a folder; give --data a new or empty folder");
            }
            if (!empty && !Files.isRegularFile(dir.resolve(marker))) {
                throw new CausalRxException(dir + ": holds files that `causalrx " + command + "` did not write (no "
                        + marker + " marker); give a new or empty folder");
            }
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(marker), "synthetic study written by `causalrx " + command + "`; it rewrites "
                + "this folder's files on the next run\n", StandardCharsets.UTF_8);
    }

    static void writeCsv(ScaleDesign design, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder(16 * (design.features() + 3));
            line.append("id,t,y");
            for (int j = 1; j <= design.features(); j++) {
                line.append(",x").append(j);
            }
            w.write(line.append('\n').toString());
            design.forEachRow((i, x, t, y, tau) -> {
                line.setLength(0);
                line.append(i + 1).append(',').append(t).append(',');
                appendFixed4(line, y);
                for (double v : x) {
                    appendFixed4(line.append(','), v);
                }
                try {
                    w.write(line.append('\n').toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Appends {@code v} with exactly 4 decimals ("-0.0500"); {@code v} is already rounded to 4 decimals. */
    static void appendFixed4(StringBuilder sb, double v) {
        long k = Math.round(v * 10_000.0);
        if (k < 0) {
            sb.append('-');
            k = -k;
        }
        sb.append(k / 10_000).append('.');
        String frac = Long.toString(k % 10_000);
        sb.append("0000", 0, 4 - frac.length()).append(frac);
    }

    static String studyYaml(ScaleDesign d, int rounds, List<String> estimators) {
        StringBuilder s = new StringBuilder();
        s.append("# SYNTHETIC data written by `causalrx bench scale` (not patients): ").append(d.rows())
                .append(" rows x ").append(d.features()).append(" standard-normal covariates.\n")
                .append("# t is confounded by x1, x2, x3; y = x1 + 0.5 x2 - 0.5 x3 + 0.5 x4 + t (1 + x4) + N(0, 1);"
                        + " true ATE 1.\n")
                .append(String.format(Locale.ROOT, "name: scale-synthetic-n%d-p%d\n", d.rows(), d.features()))
                .append("protocol:\n")
                .append("  question: \"SYNTHETIC benchmark data: does t raise y, and for whom? (true effect 1 + x4)\"")
                .append('\n')
                .append("  population: \"synthetic rows generated by causalrx bench scale\"\n")
                .append("data: ").append(DATA).append('\n')
                .append("id: id\n")
                .append("treatment:\n  column: t\n  arms: {\"0\": \"control\", \"1\": \"treated\"}\n")
                .append("outcome: {column: y, type: continuous, direction: higher}\n")
                .append("covariates:\n");
        for (int j = 1; j <= d.features(); j++) {
            s.append("  - {name: x").append(j).append(", role: confounder}\n");
        }
        s.append("split: {train: 0.6, validation: 0.2, test: 0.2}\n")
                .append("seed: ").append(d.seed()).append('\n')
                .append("bootstrap: {rounds: ").append(rounds).append("}\n")
                .append("estimators: [").append(String.join(", ", estimators)).append("]\n");
        return s.toString();
    }
}

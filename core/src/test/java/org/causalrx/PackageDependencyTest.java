package org.causalrx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps the lower layers of core free of references to the layers above them, by scanning the main sources
 * (imports, fully qualified names and javadoc links alike) of each package and its subpackages:
 * <ul>
 *   <li>{@code util} references no other CausalRx package, {@code expr} only {@code util};</li>
 *   <li>{@code data} does not reference {@code study}, {@code causal}, {@code policy}, {@code pipeline},
 *   {@code simulate}, {@code bundle} or {@code verdict} (studies are adapted to the data layer on the study side,
 *   in {@code study.DeclaredCovariates});</li>
 *   <li>{@code learn} does not reference {@code data}, {@code causal}, {@code policy}, {@code pipeline},
 *   {@code study}, {@code simulate}, {@code bundle} or {@code verdict};</li>
 *   <li>{@code causal} does not reference {@code policy}, {@code pipeline}, {@code study}, {@code simulate},
 *   {@code bundle} or {@code verdict}.</li>
 * </ul>
 * Above them, one way: {@code result} references nothing; {@code estimators} only {@code causal},
 * {@code learn}, {@code util}; {@code policy} not {@code study} or anything above it; {@code study} not the
 * pipeline or above; {@code pipeline} not {@code simulate}, {@code bundle}, {@code verdict} or {@code run};
 * {@code simulate} (which runs the pipeline) not {@code verdict}, {@code bundle} or {@code run}; {@code verdict}
 * not {@code bundle} or {@code run}; {@code bundle} not {@code simulate}, {@code verdict} or {@code run};
 * {@code cohort} (event tables to a wide table) only {@code data} and {@code util}. Only
 * {@code run} composes the pipeline, the simulation and the exit points.
 */
class PackageDependencyTest {
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.causalrx\\.([a-z]+)\\b");

    private static final Set<String> ABOVE_CAUSAL = Set.of("policy", "pipeline", "study", "simulate", "bundle",
            "verdict", "run", "estimators");

    private static final Map<String, Set<String>> FORBIDDEN = Map.ofEntries(
            Map.entry("util", union(ABOVE_CAUSAL, "data", "learn", "causal", "expr", "result")),
            Map.entry("result", union(ABOVE_CAUSAL, "util", "data", "learn", "causal", "expr")),
            Map.entry("expr", union(ABOVE_CAUSAL, "data", "learn", "causal", "result")),
            Map.entry("data", union(ABOVE_CAUSAL, "causal", "result")),
            Map.entry("learn", union(ABOVE_CAUSAL, "data", "causal", "result")),
            Map.entry("causal", union(ABOVE_CAUSAL, "result")),
            Map.entry("estimators", Set.of("policy", "pipeline", "study", "simulate", "bundle", "verdict", "run",
                    "data")),
            Map.entry("policy", Set.of("pipeline", "study", "simulate", "bundle", "verdict", "run", "estimators")),
            Map.entry("study", Set.of("pipeline", "simulate", "bundle", "verdict", "run", "estimators")),
            Map.entry("pipeline", Set.of("simulate", "bundle", "verdict", "run")),
            Map.entry("simulate", Set.of("bundle", "verdict", "run")),
            Map.entry("verdict", Set.of("bundle", "run")),
            Map.entry("bundle", Set.of("simulate", "verdict", "run")),
            Map.entry("cohort", union(ABOVE_CAUSAL, "learn", "causal", "expr", "result")));

    private static Set<String> union(Set<String> base, String... more) {
        Set<String> out = new TreeSet<>(base);
        out.addAll(List.of(more));
        return out;
    }

    /** The main sources of core, from the repository root (the tests' working folder) or from core itself. */
    static Path mainSources() {
        Path fromRoot = Path.of("core", "src", "main", "java", "org", "causalrx");
        return Files.isDirectory(fromRoot) ? fromRoot : Path.of("src", "main", "java", "org", "causalrx");
    }

    /** "file: org.causalrx.x" for every reference in {@code text} to a package in {@code forbidden}. */
    static List<String> violations(String file, String text, Set<String> forbidden) {
        List<String> out = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            if (forbidden.contains(m.group(1))) {
                out.add(file + ": org.causalrx." + m.group(1));
            }
        }
        return out;
    }

    @Test
    void lowerLayersDoNotReferenceTheLayersAboveThem() throws IOException {
        Path root = mainSources();
        assertTrue(Files.isDirectory(root), "core main sources not found from " + Path.of("").toAbsolutePath());
        Set<String> found = new TreeSet<>();
        for (Map.Entry<String, Set<String>> rule : FORBIDDEN.entrySet()) {
            Path dir = root.resolve(rule.getKey());
            List<Path> files;
            try (Stream<Path> s = Files.walk(dir)) {
                files = s.filter(p -> p.toString().endsWith(".java")).toList();
            }
            assertFalse(files.isEmpty(), "no sources under " + dir);
            for (Path f : files) {
                try {
                    found.addAll(violations(root.relativize(f).toString(), Files.readString(f), rule.getValue()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        assertEquals(Set.of(), found, "references against the layering (see this test's javadoc)");
    }

    @Test
    void importsFullyQualifiedNamesAndWildcardsAreAllCaught() {
        String text = "import org.causalrx.study.Study;\nimport org.causalrx.policy.*;\n"
                + "/** {@link org.causalrx.pipeline.StudyRun} */\n"
                + "org.causalrx.causal.Aipw a; org.causalrx.util.Seeds s;";
        assertEquals(List.of("F.java: org.causalrx.study", "F.java: org.causalrx.policy",
                        "F.java: org.causalrx.pipeline", "F.java: org.causalrx.causal"),
                violations("F.java", text, FORBIDDEN.get("data")));
    }
}

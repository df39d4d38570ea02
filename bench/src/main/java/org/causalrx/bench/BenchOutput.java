package org.causalrx.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.causalrx.cli.OutputFile;
import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import org.causalrx.pipeline.ResultsJson;

/**
 * Writes a benchmark's results file through the app's {@link OutputFile}: JSON files start with
 * {@code "written_by": "causalrx bench NAME"}, which is how {@code --overwrite} recognises them later.
 */
final class BenchOutput {
    private BenchOutput() {
    }

    /** Writes {@code results} as indented JSON (snake_case keys as given), {@code written_by} first. */
    static void writeJson(OutputTarget target, String bench, Map<String, Object> results) throws IOException {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("written_by", OutputKind.BENCH_WRITER + " " + bench);
        all.putAll(results);
        OutputFile.write(target, ResultsJson.mapper().writeValueAsString(all) + "\n");
    }

    /** Deletes a scratch folder the benchmark made and everything in it (best effort: it lies in the temp folder). */
    static void deleteScratch(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a scratch folder under java.io.tmpdir named causalrx-bench*: left for the system to clean
        }
    }
}

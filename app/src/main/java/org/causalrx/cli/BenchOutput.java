package org.causalrx.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.causalrx.pipeline.ResultsJson;

/**
 * Writes a benchmark's results file through {@link OutputFile}: JSON files start with
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
}

package org.causalrx.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import org.causalrx.util.CausalRxException;

/**
 * The output folder of a Spark run, written atomically: refused when it exists and is not empty; results.json goes
 * into a hidden temporary sibling that is renamed onto the target when complete, so a folder with results.json is
 * always a finished run.
 */
public final class SparkOutputDir {
    private SparkOutputDir() {
    }

    /** Fails when {@code dir} exists and holds anything (checked before the run and again before the rename). */
    public static void check(Path dir) {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new CausalRxException(dir + ": the output folder exists and is not empty; choose another "
                            + "folder with --out");
                }
            } catch (IOException e) {
                throw new CausalRxException(dir + ": cannot read the output folder (" + e.getMessage() + ")", e);
            }
        } else if (Files.exists(dir)) {
            throw new CausalRxException(dir + ": exists and is not a folder; choose another folder with --out");
        }
    }

    /** Writes {@code resultsJson} as {@code dir/results.json}. */
    public static void write(Path dir, String resultsJson) {
        check(dir);
        Path abs = dir.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            Files.createDirectories(abs.getParent());
            tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".tmp-");
            Files.writeString(tmp.resolve("results.json"), resultsJson, StandardCharsets.UTF_8);
            check(dir);
            Files.deleteIfExists(abs);
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException e) {
            throw new CausalRxException(abs + ": cannot write the output folder (" + e.getMessage() + "); check that "
                    + "the parent folder is writable", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp.resolve("results.json"));
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // best effort: the temporary folder is hidden and named as such
                }
            }
        }
    }
}

package org.causalrx.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder for a fixture shared by the test classes of one JVM (a run made once and read by many tests),
 * deleted with everything in it when the JVM exits, so test runs leave nothing in the system's temporary folder.
 */
public final class ScratchFolder {
    private ScratchFolder() {
    }

    /** A new empty temporary folder named {@code prefix…}, deleted with its contents at JVM exit. */
    public static Path create(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "delete " + dir.getFileName()));
        return dir;
    }

    /** Deletes {@code dir} and everything under it; missing files are skipped. */
    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

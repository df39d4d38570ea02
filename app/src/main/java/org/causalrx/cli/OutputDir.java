package org.causalrx.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.causalrx.util.CausalRxException;

/**
 * Writes a run's outputs atomically: everything goes into a hidden temporary sibling folder, which is
 * renamed onto the target only when complete. A failed run leaves no half-written folder behind.
 */
final class OutputDir {
    private OutputDir() {
    }

    /** Something that fills a folder. */
    interface Filler {
        void fill(Path dir) throws IOException;
    }

    static void write(Path target, Filler filler) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp-");
            filler.fill(tmp);
            if (Files.exists(abs)) {
                Path old = Files.createTempDirectory(parent, "." + abs.getFileName() + ".old-");
                Files.move(abs, old.resolve("previous"), StandardCopyOption.ATOMIC_MOVE);
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
                deleteTree(old);
            } else {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
            }
            tmp = null;
        } catch (IOException e) {
            throw new CausalRxException(abs + ": cannot write the output folder (" + e.getMessage()
                    + "); check that the parent folder is writable", e);
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort: the temporary folder is hidden and named as such
        }
    }
}

package org.causalrx.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.causalrx.util.CausalRxException;

/**
 * Writes a command's output folder atomically: everything goes into a hidden temporary sibling
 * ({@code .NAME.tmp-PID-N}, see {@link StaleTemps}), which is renamed onto the target only when complete. The
 * temporary first holds {@link #PARTIAL}; when the filler is done the {@link #MARKER} (listing every entry) is
 * written, then the optional last file (a run's results.json), and the partial note is removed, so a temporary
 * left by a killed process never looks finished. SIGTERM/SIGINT delete the temporary ({@link TempCleanup}); a
 * SIGKILL leftover is swept by the next write into the same parent. The target rules are {@link OutputTarget}'s.
 */
final class OutputDir {
    /** Marks a folder CausalRx wrote; lists what it wrote (the only entries {@code --overwrite} may delete). */
    static final String MARKER = ".causalrx-output";
    /** Present while the temporary folder is incomplete. */
    static final String PARTIAL = ".causalrx-incomplete";

    private OutputDir() {
    }

    /** Something that fills a folder. */
    interface Filler {
        void fill(Path dir) throws IOException;
    }

    /** As {@link #write(OutputTarget, Filler, String, byte[])} with no last file. */
    static void write(OutputTarget target, Filler filler) {
        write(target, filler, null, null);
    }

    /**
     * Checks the target, fills a temporary folder, writes the marker and then {@code lastName} (may be null), and
     * renames the folder onto the target (replacing an earlier CausalRx output only when the target allows it).
     *
     * @throws CausalRxException when the target is refused or cannot be written; nothing is left behind
     */
    static void write(OutputTarget target, Filler filler, String lastName, byte[] lastBytes) {
        target.check();
        Path abs = target.absolute();
        Path parent = abs.getParent();
        Path tmp = null;
        Path old = null;
        try {
            Files.createDirectories(parent);
            StaleTemps.sweep(parent);
            tmp = Files.createTempDirectory(parent, StaleTemps.tmpPrefix(abs));
            try (TempCleanup cleanup = new TempCleanup(tmp)) {
                Files.writeString(tmp.resolve(PARTIAL), "incomplete output of `causalrx " + target.command()
                        + "` (process " + ProcessHandle.current().pid() + "); the next CausalRx output written into "
                        + parent + " deletes it\n", StandardCharsets.UTF_8);
                filler.fill(tmp);
                Set<String> names = entries(tmp);
                names.remove(PARTIAL);
                if (lastName != null) {
                    names.add(lastName);
                }
                Files.writeString(tmp.resolve(MARKER), marker(target.command(), names), StandardCharsets.UTF_8);
                if (lastName != null) {
                    Files.write(tmp.resolve(lastName), lastBytes);
                }
                Files.delete(tmp.resolve(PARTIAL));
                target.check();
                Path from = tmp;
                Path[] moved = new Path[1];
                cleanup.publish(() -> {
                    if (Files.exists(abs)) {
                        moved[0] = Files.createTempDirectory(parent, StaleTemps.oldPrefix(abs));
                        Files.move(abs, moved[0].resolve("previous"), StandardCopyOption.ATOMIC_MOVE);
                    }
                    Files.move(from, abs, StandardCopyOption.ATOMIC_MOVE);
                });
                old = moved[0];
                tmp = null;
            }
        } catch (IOException e) {
            throw new CausalRxException(abs + ": cannot write the output folder (" + e.getMessage()
                    + "); check that the parent folder is writable", e);
        } finally {
            if (tmp != null) {
                deleteTree(tmp);
            }
            if (old != null) {
                deleteTree(old);
            }
        }
    }

    /** The marker's text: what wrote the folder, then one entry name per line. */
    static String marker(String command, Set<String> names) {
        StringBuilder sb = new StringBuilder("# written by causalrx " + command + "; `--overwrite` may replace this "
                + "folder only while it holds nothing but the entries below\n");
        names.forEach(n -> sb.append(n).append('\n'));
        return sb.toString();
    }

    /** Top-level entries of {@code dir} that its marker does not list (the marker itself excluded). */
    static List<String> unlisted(Path dir) {
        try {
            Set<String> listed = new TreeSet<>();
            for (String line : Files.readAllLines(dir.resolve(MARKER), StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    listed.add(line.strip());
                }
            }
            List<String> extra = new ArrayList<>();
            for (String n : entries(dir)) {
                if (!n.equals(MARKER) && !listed.contains(n)) {
                    extra.add(n);
                }
            }
            return extra;
        } catch (IOException e) {
            throw new CausalRxException(dir + ": cannot read " + MARKER + " (" + e.getMessage() + "); choose another "
                    + "folder with --out", e);
        }
    }

    private static Set<String> entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            Set<String> names = new TreeSet<>();
            s.forEach(p -> names.add(p.getFileName().toString()));
            return names;
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
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

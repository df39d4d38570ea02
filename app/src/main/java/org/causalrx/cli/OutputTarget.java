package org.causalrx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.causalrx.util.CausalRxException;

/**
 * Where a command writes and what it may replace. A command writes only what it owns: an existing non-empty
 * target is refused unless {@code overwrite} is set and the target is an output CausalRx wrote
 * ({@link OutputKind#writtenByUs}); a folder must also hold nothing beyond what its marker lists. A target that
 * is, or holds, one of the command's inputs or the current folder is refused even with {@code overwrite}.
 *
 * @param path      the target as given (relative paths resolve against the current folder)
 * @param kind      what is written there
 * @param overwrite whether the user passed {@code --overwrite}
 * @param command   the command writing it, e.g. "run" (for the marker and messages)
 * @param inputs    the files and folders the command reads (never replaced)
 */
public record OutputTarget(Path path, OutputKind kind, boolean overwrite, String command, List<Path> inputs) {
    /** The option that allows replacing an earlier output. */
    public static final String FLAG = "--overwrite";

    public OutputTarget {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        inputs = inputs.stream().filter(Objects::nonNull).toList();
    }

    /** The absolute, normalised target. */
    Path absolute() {
        return path.toAbsolutePath().normalize();
    }

    /**
     * Refuses a target the command may not write (see the class comment), with one line saying why and what to do.
     *
     * @throws CausalRxException when the target is refused
     */
    public void check() {
        Path abs = absolute();
        Path real = real(abs);
        String what = kind.isFolder() ? "folder" : "file";
        String choose = "choose another " + what + " with --out";
        for (Path in : inputs) {
            Path r = real(in.toAbsolutePath().normalize());
            if (kind.isFolder() ? r.startsWith(real) : r.equals(real)) {
                throw new CausalRxException(path + ": refusing to write the output there: it "
                        + (r.equals(real) ? "is" : "holds") + " the input " + in + ", which would be lost; " + choose
                        + " (" + FLAG + " does not change this)");
            }
        }
        if (kind.isFolder()) {
            Path cwd = real(Path.of("").toAbsolutePath());
            if (cwd.startsWith(real)) {
                throw new CausalRxException(path + ": refusing to write the output there: it "
                        + (cwd.equals(real) ? "is" : "holds") + " the current folder, which would be lost; " + choose
                        + " (" + FLAG + " does not change this)");
            }
        }
        if (!Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (kind.isFolder() != Files.isDirectory(abs) || Files.isSymbolicLink(abs)) {
            throw new CausalRxException(path + ": already exists and is not a " + what + " CausalRx writes; " + choose);
        }
        if (kind.isFolder() && isEmptyFolder(abs)) {
            return;
        }
        if (!overwrite) {
            throw new CausalRxException(path + ": already exists" + (kind.isFolder() ? " and is not empty" : "")
                    + "; " + choose + ", or pass " + FLAG + " to replace an earlier CausalRx output there");
        }
        if (!kind.writtenByUs(abs)) {
            throw new CausalRxException(path + ": " + FLAG + " replaces only an output CausalRx wrote, and this "
                    + what + " does not carry " + kind.signature() + "; " + choose + " (nothing was deleted)");
        }
        if (kind.isFolder()) {
            List<String> foreign = OutputDir.unlisted(abs);
            if (!foreign.isEmpty()) {
                throw new CausalRxException(path + ": " + FLAG + " would delete " + foreign.size() + " entr"
                        + (foreign.size() > 1 ? "ies" : "y") + " CausalRx did not write (" + String.join(", ",
                        foreign.subList(0, Math.min(5, foreign.size()))) + (foreign.size() > 5 ? ", …" : "")
                        + "); move them out or " + choose);
            }
        }
    }

    private static boolean isEmptyFolder(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** The real path of the longest existing ancestor, with the rest appended (links resolved where they exist). */
    static Path real(Path abs) {
        Path existing = abs;
        List<Path> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing)) {
            rest.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            Path r = existing.toRealPath();
            for (Path p : rest) {
                r = r.resolve(p);
            }
            return r;
        } catch (IOException e) {
            return abs;
        }
    }
}

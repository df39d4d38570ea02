package org.causalrx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Names of the hidden temporary siblings an output is written into ({@code .NAME.tmp-PID-N} while writing,
 * {@code .NAME.old-PID-N} while a replaced output is deleted), and the sweep that removes those left behind by a
 * process that no longer runs (killed with SIGKILL, power loss). Only entries of exactly this pattern whose process
 * is gone are removed; temporaries of a live process, this one included, are left alone.
 */
final class StaleTemps {
    private static final Pattern NAME = Pattern.compile("^\\..+\\.(tmp|old)-(\\d+)-\\d+$");

    private StaleTemps() {
    }

    /** The prefix for {@link Files#createTempDirectory(Path, String)} / createTempFile: {@code .NAME.tmp-PID-}. */
    static String tmpPrefix(Path target) {
        return "." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-";
    }

    /** As {@link #tmpPrefix}, for the folder a replaced output is moved into before it is deleted. */
    static String oldPrefix(Path target) {
        return "." + target.getFileName() + ".old-" + ProcessHandle.current().pid() + "-";
    }

    /** Whether {@code name} is one of our temporary names written by process {@code pid}. */
    static boolean isOurs(String name, long pid) {
        Matcher m = NAME.matcher(name);
        return m.matches() && Long.parseLong(m.group(2)) == pid;
    }

    /**
     * Deletes, in {@code parent}, the temporaries of our naming pattern whose writing process is no longer alive.
     *
     * @return the entries removed
     */
    static List<Path> sweep(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        List<Path> stale;
        try (Stream<Path> s = Files.list(parent)) {
            stale = s.filter(p -> {
                Matcher m = NAME.matcher(p.getFileName().toString());
                return m.matches() && !alive(Long.parseLong(m.group(2)));
            }).toList();
        } catch (IOException e) {
            return List.of();
        }
        stale.forEach(OutputDir::deleteTree);
        return stale;
    }

    private static boolean alive(long pid) {
        return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}

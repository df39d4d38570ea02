package org.causalrx.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Turns an unexpected failure into one line for the console, with the stack trace in a log file: the command
 * that was running, the failure in a sentence, and where the details are. Logs go to
 * {@code $XDG_CACHE_HOME/causalrx/logs} ({@code ~/.cache/causalrx/logs} when unset), or the system temporary
 * folder when that cannot be written.
 */
final class FailureLog {
    private FailureLog() {
    }

    /** The folder logs are written to (not created here). */
    static Path defaultFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("causalrx").resolve("logs");
    }

    /**
     * Writes the details of {@code ex} (command line, Java and OS versions, stack trace) to a new log file under
     * {@code folder} and returns the one line to print.
     */
    static String report(Throwable ex, String[] args, Path folder) {
        String command = "causalrx " + String.join(" ", args);
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        String details = "command: " + command + "\njava: " + System.getProperty("java.version") + "\nos: "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "\n\n" + trace;
        String name = "causalrx-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS",
                Locale.ROOT)) + ".log";
        Path log = write(folder, name, details);
        if (log == null) {
            log = write(Path.of(System.getProperty("java.io.tmpdir")), name, details);
        }
        return "internal error while running `" + command + "`: " + summary(ex) + "; "
                + (log == null ? "the details could not be saved to a log" : "details in " + log.toAbsolutePath())
                + " (please attach it to a bug report)";
    }

    /** The failure's type and the first line of its message, at most 200 characters. */
    static String summary(Throwable ex) {
        String msg = ex.getMessage() == null ? "" : ex.getMessage().strip().split("\\r?\\n", 2)[0];
        if (msg.length() > 200) {
            msg = msg.substring(0, 200) + "…";
        }
        return ex.getClass().getSimpleName() + (msg.isEmpty() ? "" : " (" + msg + ")");
    }

    private static Path write(Path folder, String name, String text) {
        try {
            Files.createDirectories(folder);
            Path log = folder.resolve(name);
            Files.writeString(log, text, StandardCharsets.UTF_8);
            return log;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

package org.causalrx.cli;

import java.io.PrintStream;
import java.util.Locale;

import org.causalrx.pipeline.Progress;

/**
 * Shows pipeline progress: on a terminal, numbered stages with the time the previous one took; otherwise
 * exactly one plain line per stage.
 */
final class ConsoleProgress implements Progress {
    private final PrintStream out;
    private final boolean terminal;
    private final int totalStages;
    private int stage;
    private long last = System.nanoTime();
    private final long start = last;

    ConsoleProgress(PrintStream out, boolean terminal, int totalStages) {
        this.out = out;
        this.terminal = terminal;
        this.totalStages = totalStages;
    }

    static ConsoleProgress forStdout(int totalStages) {
        return new ConsoleProgress(System.out, System.console() != null, totalStages);
    }

    @Override
    public void stage(String name, String detail) {
        long now = System.nanoTime();
        stage++;
        if (terminal) {
            String prev = stage > 1 ? String.format(Locale.ROOT, " (previous stage %.1f s)", (now - last) / 1e9) : "";
            out.printf(Locale.ROOT, "\u001b[1m[%d/%d] %-11s\u001b[0m %s%s%n", stage, totalStages, name, detail, prev);
        } else {
            out.printf(Locale.ROOT, "[%d/%d] %s: %s%n", stage, totalStages, name, detail);
        }
        out.flush();
        last = now;
    }

    /** Seconds since this progress was created. */
    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}

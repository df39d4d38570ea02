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
    private final String indent;
    private int stage;
    private long last = System.nanoTime();
    private final long start = last;

    ConsoleProgress(PrintStream out, boolean terminal, int totalStages) {
        this(out, terminal, totalStages, "");
    }

    private ConsoleProgress(PrintStream out, boolean terminal, int totalStages, String indent) {
        this.out = out;
        this.terminal = terminal;
        this.totalStages = totalStages;
        this.indent = indent;
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
            out.printf(Locale.ROOT, "%s\u001b[1m[%d/%d] %-11s\u001b[0m %s%s%n", indent, stage, totalStages, name,
                    detail, prev);
        } else {
            out.printf(Locale.ROOT, "%s[%d/%d] %s: %s%n", indent, stage, totalStages, name, detail);
        }
        out.flush();
        last = now;
    }

    /** Numbered lines of their own for a stage's {@code steps} steps (e.g. the simulation's data sets). */
    @Override
    public Progress nested(int steps) {
        return new ConsoleProgress(out, terminal, steps, indent + "  ");
    }

    /** Seconds since this progress was created. */
    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}

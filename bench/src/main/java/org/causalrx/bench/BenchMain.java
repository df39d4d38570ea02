package org.causalrx.bench;

import java.io.PrintWriter;

import org.causalrx.cli.Main;
import picocli.CommandLine;

/**
 * Entry point of {@code bench/target/causalrx-bench.jar}: the app's {@code causalrx} command line ({@link Main}) with
 * the {@link BenchCommand} added, run with the app's error handling (exit 0 done, 2 bad input or usage, 1 unexpected
 * failure with a log). {@code bin/causalrx} runs every command line whose first argument is {@code bench} here, with
 * the class path {@code bench/target/causalrx-bench.jar:app/target/causalrx.jar}; the app jar itself holds no
 * benchmark code, so {@code run}, {@code check}, {@code simulate} and {@code recommend} load none.
 */
public final class BenchMain {
    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.err, true), args));
    }

    /** Runs a command line such as {@code bench grf --reps 1}; returns the exit code, errors written to {@code err}. */
    public static int execute(PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand(new BenchCommand());
        return Main.execute(cl, err, args);
    }
}

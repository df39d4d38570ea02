package org.causalrx.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code causalrx} command: check, cohort, run, simulate, recommend. The benchmarks ({@code causalrx bench})
 * live in the {@code bench} module, which adds its command to this one and runs it through
 * {@link #execute(CommandLine, java.io.PrintWriter, String...)}; this class does not know them.
 */
@Command(name = "causalrx", mixinStandardHelpOptions = true, version = "causalrx 0.1.0",
        description = "Observational patient data to safe, patient-level treatment recommendations.",
        subcommands = {CheckCommand.class, CohortCommand.class, RunCommand.class, SimulateCommand.class,
                RecommendCommand.class, ServeCommand.class, AuditCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Benchmarks: bin/causalrx bench --help (module bench, docs/BENCHMARKS.md)."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (0 ok, 1 unexpected failure, 2 bad input or usage). */
    public static int execute(String... args) {
        return execute(new java.io.PrintWriter(System.err, true), args);
    }

    /** As {@link #execute(String...)}, with error messages written to {@code err}. */
    public static int execute(java.io.PrintWriter err, String... args) {
        return execute(new CommandLine(new Main()), err, args);
    }

    /**
     * Runs {@code cl} with this command line's error handling: a {@link org.causalrx.util.CausalRxException} prints
     * one {@code error:} line and returns 2, any other failure is logged by {@link FailureLog} and returns 1. The
     * bench module passes a {@code causalrx} command line with its {@code bench} command added.
     */
    public static int execute(CommandLine cl, java.io.PrintWriter err, String... args) {
        boolean helpOnly = args.length == 0 || java.util.Set.of("-h", "--help", "-V", "--version", "help")
                .contains(args[0]);
        java.util.Optional<String> missing = helpOnly ? java.util.Optional.empty()
                : NativeLibraries.missingDuckDb().or(NativeLibraries::missingXgboost);
        if (missing.isPresent()) {
            err.println("error: " + missing.get());
            return 1;
        }
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof org.causalrx.util.CausalRxException) {
                commandLine.getErr().println("error: " + ex.getMessage());
                return 2;
            }
            commandLine.getErr().println(FailureLog.report(ex, args, FailureLog.defaultFolder()));
            return 1;
        });
        try {
            return cl.execute(args);
        } catch (Error e) {
            // picocli hands only exceptions to the handler; errors such as OutOfMemoryError arrive here
            err.println(FailureLog.report(e, args, FailureLog.defaultFolder()));
            return 1;
        }
    }
}

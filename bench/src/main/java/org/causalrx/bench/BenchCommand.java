package org.causalrx.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code causalrx bench}: benchmarks (not tests), one subcommand each; every one writes a results file (JSON with
 * {@code "written_by": "causalrx bench NAME"}, or the CATE CSV) under {@code runs/bench/} unless {@code --out} says
 * otherwise. Without a subcommand it prints the list.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks (speed and accuracy against known effects); each writes a results file, by default "
                + "runs/bench/bench-<name>.json or .csv. Measured figures: docs/BENCHMARKS.md.",
        subcommands = {NhefsBench.class, PolicyBench.class, CateBenchCommands.Ihdp.class,
                CateBenchCommands.IhdpSim.class, CateBenchCommands.Acic.class, GrfBench.class, CategoricalBench.class,
                LalondeBench.class, MultiArmBench.class, PolicyTreeBench.class, ScaleBench.class, ServeBench.class,
                ReadBench.class, RefitBench.class, FitBench.class, RefutationBench.class, RefutationFoldsBench.class,
                EventsBench.class, EventsGenCommand.class, AteBench.class,
                CommandLine.HelpCommand.class})
final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}

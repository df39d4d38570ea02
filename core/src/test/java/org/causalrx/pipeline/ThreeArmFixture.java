package org.causalrx.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;

/**
 * Finished K-arm runs for the test classes of one JVM. {@link #shared} runs a study (its data as CSV text and its
 * YAML) on the K-arm engine on one thread once and hands the same run to every later caller with the same data, study
 * text and {@link Scope}; {@link #fresh} always runs again, for the same-seed checks that compare two runs. The runs'
 * files lie in a temporary folder deleted when the JVM exits.
 */
final class ThreeArmFixture {
    private static final Map<List<Object>, Run> RUNS = new HashMap<>();

    /** Which stages of the K-arm engine a run goes through. */
    enum Scope {
        /** Every stage of {@code MultiArmStages.engine(false)}. */
        ALL,
        /**
         * Every stage but the refutations of each arm's AIPW contrast (the costliest stage: about twenty
         * cross-fitted refits on the whole cohort), which read no other stage's output and only add to the result.
         */
        WITHOUT_REFUTATION,
        /**
         * The stages up to the test valuation (cohort, split, propensity, CATE models, deferral intervals,
         * evaluation): no policy insights, diagnostics or refutations, which only add to the result.
         */
        THROUGH_EVALUATION;

        /** This scope's stages of {@code MultiArmStages.engine(parallel)}. */
        RunEngine engine(boolean parallel) {
            RunEngine all = MultiArmStages.engine(parallel);
            return switch (this) {
                case ALL -> all;
                case WITHOUT_REFUTATION -> all.without(RefutationStage.NAME);
                case THROUGH_EVALUATION -> all.without("insights").without("diagnostics")
                        .without(RefutationStage.NAME);
            };
        }
    }

    /** A finished run: the study, its data and the run's context. */
    record Run(Study study, Table table, RunContext done) {
        /** The run's result. */
        MultiArmResult result() {
            return done.get(MultiArmStages.RESULT);
        }
    }

    /** The run of {@code yaml} on {@code csv} through every stage, computed once per JVM. */
    static Run shared(String csv, String yaml) throws IOException {
        return shared(csv, yaml, Scope.ALL);
    }

    /** The run of {@code yaml} on {@code csv} through the stages of {@code scope}, computed once per JVM. */
    static synchronized Run shared(String csv, String yaml, Scope scope) throws IOException {
        List<Object> key = List.of(csv, yaml, scope);
        Run run = RUNS.get(key);
        if (run == null) {
            run = fresh(csv, yaml, scope.engine(false));
            RUNS.put(key, run);
        }
        return run;
    }

    /** A new run of {@code yaml} on {@code csv} on {@code engine}, never cached. */
    static Run fresh(String csv, String yaml, RunEngine engine) throws IOException {
        Path dir = Files.createTempDirectory("three-arm-");
        dir.toFile().deleteOnExit();
        Path data = Files.writeString(dir.resolve("data.csv"), csv);
        data.toFile().deleteOnExit();
        Path file = Files.writeString(dir.resolve("study.yaml"), yaml);
        file.toFile().deleteOnExit();
        Study study = StudyLoader.load(file);
        Table table = TableReader.read(study.data());
        return new Run(study, table, engine.run(RunContext.of(study, table), Progress.NONE));
    }
}

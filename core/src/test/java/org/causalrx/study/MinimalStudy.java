package org.causalrx.study;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimal two-arm study file (one confounder, continuous outcome, seed 3) with a block appended, loaded as a run
 * loads it: for tests of one study-file block.
 */
public final class MinimalStudy {
    /** The study file before any block. */
    public static final String BASE = "name: x\ndata: d.csv\ntreatment: {column: t, arms: {\"0\": a, \"1\": b}}\n"
            + "outcome: {column: y, type: continuous, direction: higher}\n"
            + "covariates:\n  - {name: age, role: confounder}\nseed: 3\n";

    private MinimalStudy() {
    }

    /** Writes {@link #BASE} + {@code block} to {@code dir/s.yaml} and loads it. */
    public static Study load(Path dir, String block) throws Exception {
        Path p = dir.resolve("s.yaml");
        Files.writeString(p, BASE + block);
        return StudyLoader.load(p);
    }
}

package org.causalrx.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.causalrx.policy.BootstrapEngine;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study's {@code bootstrap:} block: {@code engine} reads exact, poisson or auto (the default, also without a
 * block), survives the study's copies, and any other word is a one-line error naming the key.
 */
class BootstrapBlockTest {
    private static final String BASE = "name: x\ndata: d.csv\ntreatment: {column: t, arms: {\"0\": a, \"1\": b}}\n"
            + "outcome: {column: y, type: continuous, direction: higher}\n"
            + "covariates:\n  - {name: age, role: confounder}\nseed: 3\n";

    @TempDir
    Path dir;

    private Study load(String block) throws Exception {
        Path p = dir.resolve("s.yaml");
        Files.writeString(p, BASE + block);
        return StudyLoader.load(p);
    }

    @Test
    void engineIsReadAndKept() throws Exception {
        assertEquals(BootstrapEngine.AUTO, load("").bootstrapEngine());
        assertEquals(BootstrapEngine.AUTO, load("bootstrap: {rounds: 200}\n").bootstrapEngine());
        Study poisson = load("bootstrap: {rounds: 200, engine: poisson}\n");
        assertEquals(BootstrapEngine.POISSON, poisson.bootstrapEngine());
        assertEquals(200, poisson.bootstrapRounds());
        assertEquals(BootstrapEngine.POISSON, poisson.withSeedAndRounds(4, 50).bootstrapEngine());
        assertEquals(BootstrapEngine.EXACT, load("bootstrap: {engine: exact}\n").bootstrapEngine());
        CausalRxException e = assertThrows(CausalRxException.class, () -> load("bootstrap: {engine: fast}\n"));
        assertTrue(e.getMessage().contains("bootstrap.engine"), e.getMessage());
    }
}

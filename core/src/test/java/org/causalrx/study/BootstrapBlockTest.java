package org.causalrx.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    @TempDir
    Path dir;

    @Test
    void engineIsReadAndKept() throws Exception {
        assertEquals(BootstrapEngine.AUTO, MinimalStudy.load(dir, "").bootstrapEngine());
        assertEquals(BootstrapEngine.AUTO, MinimalStudy.load(dir, "bootstrap: {rounds: 200}\n").bootstrapEngine());
        Study poisson = MinimalStudy.load(dir, "bootstrap: {rounds: 200, engine: poisson}\n");
        assertEquals(BootstrapEngine.POISSON, poisson.bootstrapEngine());
        assertEquals(200, poisson.bootstrapRounds());
        assertEquals(BootstrapEngine.POISSON, poisson.withSeedAndRounds(4, 50).bootstrapEngine());
        assertEquals(BootstrapEngine.EXACT, MinimalStudy.load(dir, "bootstrap: {engine: exact}\n").bootstrapEngine());
        CausalRxException e = assertThrows(CausalRxException.class,
                () -> MinimalStudy.load(dir, "bootstrap: {engine: fast}\n"));
        assertTrue(e.getMessage().contains("bootstrap.engine"), e.getMessage());
    }
}

package org.causalrx.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.causalrx.causal.diagnostics.RefutationRules;
import org.causalrx.causal.diagnostics.RefutationSubsample;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study's {@code refutation:} block: draws and subset fraction reach the rules, {@code false} and
 * {@code {enabled: false}} switch the stage off, an absent block keeps the defaults, and unknown keys or bad values
 * are one-line errors naming the key.
 */
class RefutationBlockTest {
    @TempDir
    Path dir;

    @Test
    void drawsAndFractionReachTheRulesAndTheTolerancesKeepTheirDefaults() throws Exception {
        RefutationSettings s = MinimalStudy.load(dir, "refutation: {placebo_draws: 5, common_cause_draws: 2, "
                + "subset_draws: 4, subset_fraction: 0.7}\n").refutation();
        RefutationRules d = RefutationRules.defaults();
        assertTrue(s.enabled());
        assertEquals(new RefutationRules(5, d.placeboSeShare(), 2, d.commonCauseSeShare(), 4, 0.7,
                d.subsetSpreadFactor()), s.rules());
        RefutationSettings partial = MinimalStudy.load(dir, "refutation: {placebo_draws: 4}\n").refutation();
        assertEquals(4, partial.rules().placeboDraws());
        assertEquals(d.subsetDraws(), partial.rules().subsetDraws());
    }

    @Test
    void rowsIsAutoAllOrANumberOfRows() throws Exception {
        assertEquals(RefutationSubsample.AUTO, MinimalStudy.load(dir, "").refutation().rows());
        assertEquals(RefutationSubsample.AUTO,
                MinimalStudy.load(dir, "refutation: {rows: auto}\n").refutation().rows());
        assertEquals(RefutationSubsample.ALL, MinimalStudy.load(dir, "refutation: {rows: all}\n").refutation().rows());
        assertEquals(1000, MinimalStudy.load(dir, "refutation: {rows: 1000}\n").refutation().rows());
        assertError("refutation: {rows: 99}\n", "refutation.rows", "'auto', 'all' or a whole number");
        assertError("refutation: {rows: some}\n", "refutation.rows", "'auto', 'all' or a whole number");
        assertError("refutation: {rows: 1500.5}\n", "refutation.rows", "'auto', 'all' or a whole number");
    }

    @Test
    void falseOrEnabledFalseSkipsTheStageAndAnAbsentBlockOrTrueKeepsTheDefaults() throws Exception {
        assertFalse(MinimalStudy.load(dir, "refutation: false\n").refutation().enabled());
        assertFalse(MinimalStudy.load(dir, "refutation: {enabled: false}\n").refutation().enabled());
        assertEquals(RefutationSettings.DEFAULT, MinimalStudy.load(dir, "").refutation());
        assertEquals(RefutationSettings.DEFAULT, MinimalStudy.load(dir, "refutation: true\n").refutation());
        Study off = MinimalStudy.load(dir, "refutation: false\n");
        assertFalse(off.withSeedAndRounds(9, 10).withPolicy(Study.Policy.DEFAULT).withEstimatorSpecs(
                off.estimatorSpecs()).refutation().enabled(), "copies keep the setting");
    }

    @Test
    void unknownKeysAndBadValuesAreOneLineErrorsNamingTheKey() {
        assertError("refutation: {placebo_drws: 5}\n", "refutation.placebo_drws", "placebo_draws");
        assertError("refutation: {placebo_draws: 1}\n", "refutation.placebo_draws", "2 to 1000");
        assertError("refutation: {common_cause_draws: 0}\n", "refutation.common_cause_draws", "1 to 1000");
        assertError("refutation: {subset_draws: 2.5}\n", "refutation.subset_draws", "whole number");
        assertError("refutation: {subset_fraction: 1}\n", "refutation.subset_fraction", "between 0 and 1");
        assertError("refutation: {enabled: maybe}\n", "refutation.enabled", "true or false");
        assertError("refutation: sometimes\n", "'refutation'", "true, false or a mapping");
    }

    private void assertError(String block, String key, String hint) {
        CausalRxException e = assertThrows(CausalRxException.class, () -> MinimalStudy.load(dir, block), block);
        assertTrue(e.getMessage().contains(key) && e.getMessage().contains(hint), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }
}

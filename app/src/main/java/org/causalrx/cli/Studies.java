package org.causalrx.cli;

import org.causalrx.study.Study;

/** Small command-line overrides of a loaded study. */
final class Studies {
    private Studies() {
    }

    static Study withRounds(Study s, int rounds) {
        if (rounds < 1) {
            throw new org.causalrx.util.CausalRxException("--rounds must be at least 1, got " + rounds);
        }
        return s.withSeedAndRounds(s.seed(), rounds);
    }
}

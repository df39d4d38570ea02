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
        return new Study(s.file(), s.name(), s.protocol(), s.data(), s.idColumn(), s.treatment(), s.outcome(),
                s.covariates(), s.split(), s.seed(), s.overlap(), rounds, s.ateFolds());
    }
}

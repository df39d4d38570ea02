package org.causalrx.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.causalrx.cohort.CohortDictionary;
import org.causalrx.cohort.CohortExtractor;

/** The cohort a run built from its {@code cohort:} block, written into the run folder's tables. */
final class CohortTables {
    /** The data dictionary of the wide table (TRS Table S.2 columns), under {@code tables/}. */
    static final String DICTIONARY = "cohort_dictionary.csv";

    private CohortTables() {
    }

    /** Writes {@code tables/cohort_dictionary.csv} into the run folder {@code dir}; nothing when cohort is null. */
    static void write(CohortExtractor.Built cohort, Path dir) throws IOException {
        if (cohort == null) {
            return;
        }
        Path tables = Files.createDirectories(dir.resolve("tables"));
        Files.writeString(tables.resolve(DICTIONARY), CohortDictionary.csv(cohort.dictionary()),
                StandardCharsets.UTF_8);
    }
}

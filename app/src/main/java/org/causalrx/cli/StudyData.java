package org.causalrx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.causalrx.cohort.CohortExtractor;
import org.causalrx.cohort.CohortSpec;
import org.causalrx.study.CohortBlockLoader;
import org.causalrx.study.Study;
import org.causalrx.util.CausalRxException;

/**
 * The data of a study: its {@code data:} file, or, for a study with a {@code cohort:} block, the wide table built
 * into a temporary folder that this object owns and deletes on {@link #close()}.
 */
final class StudyData implements AutoCloseable {
    private final Study study;
    private final Path tempDir;
    private final CohortExtractor.Built built;

    private StudyData(Study study, Path tempDir, CohortExtractor.Built built) {
        this.study = study;
        this.tempDir = tempDir;
        this.built = built;
    }

    /** The files a command reads for {@code study}: the study file and its data file or cohort tables. */
    static List<Path> inputs(Path studyFile, Study study) {
        List<Path> out = new ArrayList<>();
        out.add(studyFile);
        if (study.data() != null) {
            out.add(study.data());
        } else {
            CohortSpec spec = CohortBlockLoader.forStudy(studyFile);
            spec.tables().values().stream().filter(t -> t.path() != null).forEach(t -> out.add(t.path()));
        }
        return out;
    }

    /** The study as loaded when it names a data file; otherwise builds its cohort and points the study at it. */
    static StudyData open(Path studyFile, Study study) {
        if (study.data() != null) {
            return new StudyData(study, null, null);
        }
        CohortSpec spec = CohortBlockLoader.forStudy(studyFile);
        Path dir;
        try {
            dir = Files.createTempDirectory("causalrx-cohort-");
        } catch (IOException e) {
            throw new CausalRxException("cannot create a temporary folder for the cohort table (" + e.getMessage()
                    + "); check the temporary folder (java.io.tmpdir) is writable", e);
        }
        try {
            Path table = dir.resolve(study.name() + ".cohort.parquet");
            CohortExtractor.Built b = CohortExtractor.build(spec, table);
            return new StudyData(study.withData(table), dir, b);
        } catch (RuntimeException e) {
            OutputDir.deleteTree(dir);
            throw e;
        }
    }

    /** The study, reading the built wide table when it has a cohort block. */
    Study study() {
        return study;
    }

    /** The counts of the built cohort, or null when the study names a data file. */
    CohortExtractor.Built built() {
        return built;
    }

    @Override
    public void close() {
        if (tempDir != null) {
            OutputDir.deleteTree(tempDir);
        }
    }
}

package org.causalrx.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

import org.causalrx.cohort.CohortDictionary;
import org.causalrx.cohort.CohortExtractor;
import org.causalrx.cohort.CohortSpec;
import org.causalrx.study.CohortBlockLoader;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.CausalRxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Builds the wide table of a study's {@code cohort:} block (one row per kept stay) as Parquet, with its data
 * dictionary beside it ({@code NAME.dictionary.csv}); both are written into a hidden temporary folder and moved into
 * place when complete.
 */
@Command(name = "cohort", mixinStandardHelpOptions = true,
        description = "Build a study's cohort (decision point, features, treatment, outcome) from its event tables.")
final class CohortCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY", description = "the study YAML file with a cohort: block")
    Path studyFile;

    @Option(names = "--out", paramLabel = "FILE", required = true,
            description = "the Parquet file to write, e.g. cohort.parquet (the dictionary goes beside it)")
    Path out;

    @Option(names = OutputTarget.FLAG, description = "replace FILE when it is an earlier cohort output (its "
            + "dictionary lies beside it); anything else is never replaced")
    boolean overwrite;

    /** The dictionary written beside {@code parquet}: {@code NAME.dictionary.csv} for {@code NAME.parquet}. */
    static Path dictionaryOf(Path parquet) {
        String n = parquet.getFileName().toString();
        String stem = n.toLowerCase(java.util.Locale.ROOT).endsWith(".parquet") ? n.substring(0, n.length() - 8) : n;
        return parquet.resolveSibling(stem + ".dictionary.csv");
    }

    @Override
    public Integer call() {
        Study study = StudyLoader.load(studyFile);
        if (study.data() != null) {
            throw new CausalRxException(studyFile + ": has no cohort: block (it reads 'data: "
                    + study.data().getFileName() + "'); 'causalrx cohort' builds the table of a study that declares "
                    + "its event tables under cohort:, see examples/mimic-demo/study.yaml");
        }
        CohortSpec spec = CohortBlockLoader.forStudy(studyFile);
        OutputTarget where = new OutputTarget(out, OutputKind.COHORT_PARQUET, overwrite, "cohort",
                StudyData.inputs(studyFile, study));
        where.check();
        Path abs = where.absolute();
        Path dict = dictionaryOf(abs);
        if (Files.exists(dict) && !Files.exists(abs)) {
            throw new CausalRxException(dict + ": already exists (without the cohort table beside it); move it away "
                    + "or choose another file with --out");
        }
        Path tmp = null;
        try {
            Files.createDirectories(abs.getParent());
            StaleTemps.sweep(abs.getParent());
            tmp = Files.createTempDirectory(abs.getParent(), StaleTemps.tmpPrefix(abs));
            try (TempCleanup cleanup = new TempCleanup(tmp)) {
                Path table = tmp.resolve("cohort.parquet");
                CohortExtractor.Built built = CohortExtractor.build(spec, table);
                Path csv = tmp.resolve("dictionary.csv");
                Files.writeString(csv, CohortDictionary.csv(built.dictionary()), StandardCharsets.UTF_8);
                where.check();
                cleanup.publish(() -> {
                    Files.move(csv, dict, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(table, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                });
                System.out.println("cohort: " + built.summary());
                System.out.println("wrote " + out + " (" + built.dictionary().size() + " columns) and "
                        + dictionaryOf(out));
            }
        } catch (IOException e) {
            throw new CausalRxException(abs + ": cannot write the cohort output (" + e.getMessage() + "); check that "
                    + "the folder is writable", e);
        } finally {
            if (tmp != null) {
                OutputDir.deleteTree(tmp);
            }
        }
        return 0;
    }
}

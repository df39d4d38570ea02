package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.causal.diagnostics.RefutationCheck;
import org.causalrx.causal.diagnostics.RefutationRules;
import org.causalrx.causal.diagnostics.RefutationSubsample;
import org.causalrx.pipeline.AteRefutations;
import org.causalrx.pipeline.RunResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ATE's refutations reach the CSV table, the figure and the ATE section, with pass / fail per check. */
@Tag("slow")
class RefutationReportTest {
    static AteRefutations refutations(boolean placeboPasses) {
        RefutationRules rules = RefutationRules.defaults();
        Refutation placebo = new Refutation(RefutationCheck.PLACEBO_TREATMENT, placeboPasses ? 0.01 : 1.9, 0.1,
                placeboPasses ? -0.05 : 1.8, placeboPasses ? 0.07 : 2.0, 2.0, 0.1, List.of(0.0, 0.02),
                rules.rule(RefutationCheck.PLACEBO_TREATMENT), placeboPasses);
        Refutation common = new Refutation(RefutationCheck.RANDOM_COMMON_CAUSE, 2.0, 0, 2.0, 2.0, 2.0, 0.1,
                List.of(2.0), rules.rule(RefutationCheck.RANDOM_COMMON_CAUSE), true);
        Refutation subset = new Refutation(RefutationCheck.DATA_SUBSET, 2.01, 0.04, 1.97, 2.05, 2.0, 0.1,
                List.of(1.97, 2.05), rules.rule(RefutationCheck.DATA_SUBSET), true);
        return new AteRefutations("AIPW <x>", List.of(placebo, common, subset), placeboPasses);
    }

    @Test
    void tableFigureAndSectionShowEachCheckWithPassOrFail(@TempDir Path dir) throws Exception {
        RunResult r = ReportFixture.result("lower", "Q?").toBuilder().refutations(refutations(false)).build();
        ReportWriter.write(r, ReportFixture.figures(42L), dir);
        String html = Files.readString(dir.resolve(ReportWriter.REPORT_HTML), StandardCharsets.UTF_8);
        assertTrue(html.contains("<h3>Refutations</h3>"));
        assertTrue(html.contains("AIPW &lt;x&gt;"), "estimator text escaped");
        assertTrue(html.contains("placebo treatment") && html.contains("random common cause")
                && html.contains("data subset"));
        assertTrue(html.contains(">failed<") && html.contains(">passed<"), "a badge per check");
        assertTrue(html.contains("The ATE failed a refutation"));
        assertTrue(html.contains("Every re-estimate of the refutation checks"), "figure captioned");
        List<String> rows = Files.readAllLines(dir.resolve(ReportWriter.TABLES_DIR).resolve("refutations.csv"));
        assertEquals(4, rows.size());
        assertTrue(rows.get(0).startsWith("check,estimate,sd,ci_low,ci_high,original,original_se,draws,passed"));
        assertTrue(rows.get(1).startsWith("placebo_treatment,") && rows.get(1).contains(",false,"), rows.get(1));
    }

    @Test
    void refutationsOnASubsampleSayOnHowManyPatientsAndAgainstWhat(@TempDir Path dir) throws Exception {
        AteRefutations a = refutations(true);
        AteRefutations sub = new AteRefutations(a.estimator(), a.checks(), a.allPassed(),
                new RefutationSubsample(31_623, 1_000_000, 31_623, 1_000_000));
        RunResult r = ReportFixture.result("lower", "Q?").toBuilder().refutations(sub).build();
        ReportWriter.write(r, ReportFixture.figures(42L), dir);
        String html = Files.readString(dir.resolve(ReportWriter.REPORT_HTML), StandardCharsets.UTF_8);
        assertTrue(html.contains("Every check ran on a seeded subsample of 31,623 of 1,000,000 patients, drawn "
                + "within arm"), "the subsample named");
        Path plain = dir.resolve("plain");
        ReportWriter.write(ReportFixture.result("lower", "Q?").toBuilder().refutations(a).build(),
                ReportFixture.figures(42L), plain);
        assertFalse(Files.readString(plain.resolve(ReportWriter.REPORT_HTML), StandardCharsets.UTF_8)
                .contains("Every check ran on"), "not without a subsample");
    }

    @Test
    void aRunWithoutRefutationsWritesNoTable(@TempDir Path dir) throws Exception {
        ReportWriter.write(ReportFixture.result("lower", "Q?"), ReportFixture.figures(42L), dir);
        assertFalse(Files.exists(dir.resolve(ReportWriter.TABLES_DIR).resolve("refutations.csv")));
        assertFalse(Files.readString(dir.resolve(ReportWriter.REPORT_HTML), StandardCharsets.UTF_8)
                .contains("<h3>Refutations</h3>"));
    }
}

package org.causalrx.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.study.Cohort;
import org.causalrx.study.CohortBuilder;
import org.causalrx.study.CovariatePlan;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Validates a study file and its data; prints the cohort and which covariates are kept or dropped, and why. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate a study protocol and its data; print kept and dropped covariates.")
final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY", description = "the study YAML file")
    Path studyFile;

    @Override
    public Integer call() {
        Study loaded = StudyLoader.load(studyFile);
        try (StudyData data = StudyData.open(studyFile, loaded)) {
            if (data.built() != null) {
                System.out.println("cohort     " + data.built().summary());
            }
            return check(data.study());
        }
    }

    private Integer check(Study study) {
        Table table = TableReader.read(study.data());
        Cohort cohort = CohortBuilder.build(study, table);
        org.causalrx.study.AnalysisColumns.check(study, table);
        java.util.List<String> warnings = org.causalrx.pipeline.FitReadiness.check(study, cohort);
        System.out.printf("study      %s (%s)%n", study.name(), studyFile);
        System.out.printf("question   %s%n", study.protocol().question());
        System.out.printf("data       %s: %d rows read, %d in the analysis cohort%s%n", study.data().getFileName(),
                cohort.rowsRead(), cohort.outcome().length,
                cohort.rowsDropped() > 0 ? " (" + cohort.rowsDropped() + " dropped: " + cohort.dropReason() + ")" : "");
        Study.Treatment tr = study.treatment();
        int[] perArm = new int[tr.size()];
        for (int t : cohort.treatment()) {
            perArm[t]++;
        }
        if (tr.binary()) {
            System.out.printf("treatment  %s: %d '%s' (control), %d '%s' (treated)%n", tr.column(), perArm[0],
                    tr.label(tr.controlCode()), perArm[1], tr.label(tr.treatedCode()));
        } else {
            StringBuilder arms = new StringBuilder();
            for (int a = 0; a < tr.size(); a++) {
                arms.append(a == 0 ? "" : ", ").append(perArm[a]).append(" '").append(tr.arms().label(a)).append('\'')
                        .append(a == 0 ? " (reference)" : "");
            }
            System.out.printf("treatment  %s: %d arms: %s%n", tr.column(), tr.size(), arms);
        }
        System.out.printf("outcome    %s (%s, %s is better)%n", study.outcome().column(),
                study.outcome().type().name().toLowerCase(), study.outcome().direction().name().toLowerCase());
        if (tr.binary() && !study.decisionRule().isSignRule()) {
            String[] labels = {tr.label(tr.controlCode()), tr.label(tr.treatedCode())};
            System.out.printf("policy     %s%n", study.decisionRule().words(labels, study.outcome().column()));
        }
        for (Study.Outcome o : study.analyses().secondaryOutcomes()) {
            double[] v = org.causalrx.study.AnalysisColumns.secondary(study, table, o, cohort.sourceRows());
            long missing = java.util.Arrays.stream(v).filter(Double::isNaN).count();
            System.out.printf("secondary  %s (%s, %s is better)%s%n", o.column(), o.type().name().toLowerCase(),
                    o.direction().name().toLowerCase(), missing == 0 ? "" : ", " + missing + " missing (left out)");
        }
        Study.EvaluationOutcome ev = study.analyses().evaluationOutcome();
        if (ev != null) {
            double[] v = org.causalrx.study.AnalysisColumns.evaluation(study, table, ev, cohort.sourceRows());
            long missing = java.util.Arrays.stream(v).filter(Double::isNaN).count();
            System.out.printf("valued on  %s = %s (%s is better)%s%n", ev.name(), ev.formula(),
                    ev.direction().name().toLowerCase(),
                    missing == 0 ? "" : ", " + missing + " without a value (left out)");
        }
        System.out.println();
        System.out.println("covariates");
        for (CovariatePlan c : cohort.plan()) {
            System.out.printf("  %-4s %-20s %-16s %s%s%n", c.kept() ? "keep" : "drop", c.name(), c.role().key(),
                    c.reason(), c.missing() == 0 ? ""
                            : c.kept() ? " [" + c.missing() + " missing: training median + indicator]"
                            : " [" + c.missing() + " missing]");
        }
        long kept = cohort.plan().stream().filter(CovariatePlan::kept).count();
        if (!warnings.isEmpty()) {
            System.out.println();
            warnings.forEach(w -> System.out.println("warning: " + w));
        }
        System.out.printf("%nok: %d covariates kept, %d dropped%s%n", kept, cohort.plan().size() - kept,
                warnings.isEmpty() ? "" : "; " + warnings.size() + (warnings.size() == 1 ? " warning" : " warnings"));
        return 0;
    }
}

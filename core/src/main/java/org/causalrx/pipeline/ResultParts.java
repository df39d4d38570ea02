package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.data.Encoding;
import org.causalrx.study.Cohort;
import org.causalrx.study.CovariatePlan;
import org.causalrx.study.Study;
import org.causalrx.util.Stats;

/** Turns study, cohort and encoding into the descriptive parts of {@link RunResult}. */
final class ResultParts {
    private ResultParts() {
    }

    static RunResult.ProtocolInfo protocol(Study study, Cohort cohort, String[] armLabels,
                                           RunEstimators estimators) {
        Study.Protocol p = study.protocol();
        Study.Treatment tr = study.treatment();
        return new RunResult.ProtocolInfo(study.name(), p.question(), p.decisionTime(), p.population(), p.users(),
                study.data().getFileName().toString(), tr.column(), armLabels[0], armLabels[1], tr.controlCode(),
                tr.treatedCode(), study.outcome().column(), study.outcome().type().name().toLowerCase(),
                study.outcome().direction().name().toLowerCase(), Stats.sd(cohort.outcome()), cohort.rowsRead(),
                cohort.rowsDropped(), cohort.dropReason(), DecisionRuleInfo.of(study.decisionRule(),
                new String[] {tr.controlCode(), tr.treatedCode()}, armLabels, study.outcome().column()),
                estimators.settings(study.estimators()));
    }

    static List<RunResult.CovariateDecision> covariates(Cohort cohort, Encoding encoding) {
        List<RunResult.CovariateDecision> out = new ArrayList<>();
        for (CovariatePlan c : cohort.plan()) {
            out.add(new RunResult.CovariateDecision(c.name(), c.role().key(), c.kept(), c.reason(),
                    c.type() == null ? "" : c.type().name().toLowerCase(), c.missing(),
                    c.kept() ? encoding.featuresOf(c.name()) : List.of()));
        }
        return out;
    }

    static String version() {
        String v = StudyRun.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}

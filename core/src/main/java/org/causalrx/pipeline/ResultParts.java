package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.causal.uncertainty.IntervalCalibration;
import org.causalrx.data.Encoding;
import org.causalrx.study.Cohort;
import org.causalrx.study.CovariatePlan;
import org.causalrx.study.Study;
import org.causalrx.util.BuildInfo;
import org.causalrx.util.Hashing;
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
                tr.treatedCode(), study.outcome().column(), study.outcome().type(),
                study.outcome().direction(), Stats.sd(cohort.outcome()), cohort.rowsRead(),
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

    /**
     * Hashes of the data and study files, seed, bootstrap rounds and the engine that drew them, and the versions of
     * this build ({@link BuildInfo}) and of the Java runtime that ran it.
     */
    static RunResult.Provenance provenance(Study study, org.causalrx.policy.BootstrapEngine engine) {
        BuildInfo build = BuildInfo.current();
        return new RunResult.Provenance(Hashing.sha256(study.data()), Hashing.sha256(study.file()), study.seed(),
                study.bootstrapRounds(), build.causalrxVersion(), System.getProperty("java.specification.version"),
                build.xgboostVersion(), engine.key());
    }

    /** The calibration a run's deferral applied, as values (factor per estimator, source). */
    static DeferralResult.Calibration calibration(IntervalCalibration c) {
        return new DeferralResult.Calibration(c.factors(), c.source());
    }
}

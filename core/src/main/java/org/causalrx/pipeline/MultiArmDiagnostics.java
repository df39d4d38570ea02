package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.causalrx.data.SplitIndices;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.Arms;
import org.causalrx.study.Cohort;
import org.causalrx.study.Study;
import org.causalrx.util.Stats;

/**
 * The last step of a K-arm run: the reviewing statistician's diagnostics, each arm against the reference —
 * covariate balance under inverse generalized-propensity weighting ({@link MultiArmBalance}), heterogeneity tests of
 * every estimator ({@link MultiArmHeterogeneity}) and sensitivity to hidden confounding
 * ({@link MultiArmSensitivity}) — added to the result, with the verdict's statement extended by what they find
 * (a balance failure, no detectable heterogeneity, the selected policy's robustness under the marginal sensitivity
 * model).
 */
record MultiArmDiagnostics() implements Stage {
    public String name() {
        return "diagnostics";
    }

    public String detail(RunContext c) {
        return "balance, heterogeneity tests (BLP, RATE; " + HeterogeneityStage.ROUNDS + " bootstrap rounds) and "
                + "E-values per arm against the reference";
    }

    public RunContext apply(RunContext c, Progress progress) {
        Study study = c.study();
        Arms arms = study.treatment().arms();
        Cohort cohort = c.get(RunSlots.COHORT);
        SplitIndices split = c.get(RunSlots.SPLIT);
        MultiArmPropensity.Output prop = c.get(MultiArmStages.PROPENSITY);
        MultiArmEvaluation.Valued valued = c.get(MultiArmStages.VALUED);
        MultiArmBalance balance = MultiArmBalance.of(prop.selected(), arms, c.get(RunSlots.X), cohort.treatment(),
                prop.e(), c.get(RunSlots.ENCODING).featureNames(), split.train(), split.test());
        MultiArmHeterogeneity heterogeneity = MultiArmHeterogeneity.compute(arms, valued.test(),
                c.get(MultiArmStages.EFFECTS).test(), study.outcome().direction(), c.seed());
        PolicyDecisions selected = valued.policies().stream().filter(p -> p.id().equals(valued.selected()))
                .findFirst().orElse(null);
        MultiArmSensitivity sensitivity = MultiArmSensitivity.compute(arms, valued.test(), cohort.outcome(),
                PipelineStages.binary(study), study.outcome().direction(), selected,
                cohort.groupIndex() == null ? null : Stats.select(cohort.groupIndex(), split.test()));
        MultiArmResult r = c.get(MultiArmStages.RESULT);
        return c.with(MultiArmStages.RESULT, r.withDiagnostics(balance, heterogeneity, sensitivity,
                verdict(r.verdict(), balance, heterogeneity, sensitivity)));
    }

    /** The verdict with the diagnostics' sentences appended to its statement; null stays null. */
    static MultiArmResult.Verdict verdict(MultiArmResult.Verdict v, MultiArmBalance b, MultiArmHeterogeneity h,
                                          MultiArmSensitivity s) {
        if (v == null) {
            return null;
        }
        List<String> sentences = new ArrayList<>();
        if (b.flagged()) {
            sentences.add(String.format(Locale.ROOT, "Covariate balance is not reached after inverse-propensity "
                    + "weighting (|SMD| above %.2g) for %s; the weighted comparisons still differ in these features.",
                    b.threshold(), String.join("; ", b.flaggedArms())));
        }
        if (h.tests() > 0 && !h.arms().isEmpty() && !h.anySignificant()) {
            sentences.add(PolicyVerdict.noHeterogeneity(" of any arm against the reference", h.alphaPerTest(),
                    h.tests() + " estimator \u00d7 arm tests", h.alpha()));
        }
        String msm = PolicyVerdict.msmSentence(s.msm());
        if (msm != null) {
            sentences.add(msm);
        }
        if (sentences.isEmpty()) {
            return v;
        }
        String statement = v.statement() + (v.statement().endsWith(".") ? " " : ". ") + String.join(" ", sentences);
        return new MultiArmResult.Verdict(v.selected(), v.currentPractice(), v.value(), v.gain(), v.gainLow(),
                v.gainHigh(), v.shareBetter(), v.better(), statement);
    }
}

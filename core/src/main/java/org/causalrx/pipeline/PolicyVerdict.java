package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.Evidence;
import org.causalrx.result.Baseline;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.causalrx.util.Stats;

/**
 * The verdict of TRS step 11 from the test-split bootstrap: which policy is best and how often (the paper's
 * warnings "treat-all / Doctors / Propensity / Random is best" fire only when that holds in at least
 * {@link Evidence#CLEAR_SHARE} of rounds), and the headline: the selected policy (chosen on other data) against
 * current practice, valued as the observed outcomes on the same resamples.
 */
public final class PolicyVerdict {
    static final PolicyId DOCTORS = Baseline.DOCTORS.id();
    static final String SCHEME = "test_split_dr";

    private PolicyVerdict() {
    }

    /**
     * @param selectedIndex index of the selected learned policy in {@code boot}, or −1
     * @param nTest         test patients valued
     * @param chosenOn      the split the selected policy was chosen on, in words ("validation")
     */
    public static RunResult.Verdict of(Study study, Bootstrap.Result boot, List<RunResult.PolicyResult> results,
                                       int selectedIndex, int nTest, String chosenOn) {
        int sign = study.outcome().sign();
        List<PolicyId> names = boot.policies();
        int best = -1;
        for (int p = 0; p < results.size(); p++) {
            double v = results.get(p).valueDr().mean();
            if (!Double.isNaN(v) && (best < 0 || sign * (v - results.get(best).valueDr().mean()) > 0)) {
                best = p;
            }
        }
        PolicyId bestName = best < 0 ? null : names.get(best);
        double bestShare = best < 0 ? Double.NaN : Evidence.bestShares(boot.dr(), sign)[best];
        boolean bestClear = Evidence.clear(bestShare);
        String better = study.outcome().direction() == Study.Direction.HIGHER ? "higher" : "lower";
        String outcome = study.outcome().column();

        List<String> warnings = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (bestName != null) {
            String held = String.format(Locale.ROOT, "%.1f %% of %d bootstrap rounds", 100 * bestShare,
                    boot.dr()[best].length);
            if (bestClear) {
                text.append(String.format(Locale.ROOT, "%s is the best policy on the test split: it is at least as "
                        + "good as every other policy in %s.", bestName, held));
                String w = warning(bestName);
                if (w != null) {
                    warnings.add(w + String.format(Locale.ROOT, " (best in %s)", held));
                }
            } else {
                text.append(String.format(Locale.ROOT, "No policy is clearly better than the others: the best by DR "
                        + "mean on the test split, %s, is best in only %s (clear evidence needs %.0f %%).", bestName,
                        held, 100 * Evidence.CLEAR_SHARE));
            }
        }
        RunResult.Headline headline = null;
        double beats = Double.NaN;
        int doctors = names.indexOf(DOCTORS);
        if (selectedIndex < 0) {
            text.append(" No learned policy was evaluated.");
        } else if (doctors >= 0) {
            headline = headline(names.get(selectedIndex), boot.dr()[selectedIndex], boot.dr()[doctors], sign,
                    outcome, nTest);
            beats = headline.beatsShare();
            text.append(String.format(Locale.ROOT, " The recommended policy, %s (chosen on the %s split, "
                    + "valued on the test split), has DR value %.4g (95 %% bootstrap interval %.4g to %.4g) against "
                    + "current practice's observed %.4g: a gain of %.4g (%.4g to %.4g; %s %s is better), and it "
                    + "beats current practice in %.1f %% of bootstrap rounds", headline.policy(), chosenOn,
                    headline.value(),
                    headline.valueLow(), headline.valueHigh(), headline.currentPractice(), headline.gain(),
                    headline.gainLow(), headline.gainHigh(), better, outcome, 100 * beats));
            text.append(headline.clear() ? "." : String.format(Locale.ROOT, ", short of the %.0f %% a clinical team "
                    + "would want before acting on it.", 100 * Evidence.CLEAR_SHARE));
        }
        return new RunResult.Verdict(bestName, bestShare, bestClear,
                selectedIndex < 0 ? null : names.get(selectedIndex), beats, headline, text.toString().trim(),
                warnings);
    }

    /**
     * The verdict with the heterogeneity finding added to its text: when CATE estimators were tested and none shows
     * significant heterogeneity, personalising is not supported. Null stays null.
     */
    static RunResult.Verdict withHeterogeneity(RunResult.Verdict v, Heterogeneity h) {
        if (v == null || h == null || h.estimators().isEmpty() || h.anySignificant()) {
            return v;
        }
        String sentence = noHeterogeneity("", h.alphaPerEstimator(), h.estimators().size() + " estimators",
                h.alpha());
        return appended(v, sentence);
    }

    /**
     * The verdict with a sentence naming the refutation checks the ATE failed; unchanged when all passed. Null stays
     * null.
     */
    static RunResult.Verdict withRefutations(RunResult.Verdict v, AteRefutations r) {
        if (v == null || r == null || r.allPassed()) {
            return v;
        }
        String failed = String.join(", ", r.failed().stream().map(f -> f.key().replace('_', ' ')).toList());
        String on = r.subsample() == null ? "" : ", on " + r.subsample().describe();
        String sentence = "The ATE failed its refutation (" + failed + on + "): the estimate moves where it should "
                + "not, so read the effects and the policies built on them with suspicion.";
        return appended(v, sentence);
    }

    /** The verdict with {@code sentence} added to its text. */
    private static RunResult.Verdict appended(RunResult.Verdict v, String sentence) {
        String text = v.text().isEmpty() ? sentence : v.text() + " " + sentence;
        return new RunResult.Verdict(v.bestPolicy(), v.bestPolicyShare(), v.bestPolicyClear(), v.selected(),
                v.selectedBeatsDoctorsShare(), v.headline(), text, v.warnings());
    }

    /**
     * The sentence of a run in which no test of heterogeneity is significant.
     *
     * @param scope       what was tested, after "heterogeneity" ("" or " of any arm against the reference")
     * @param alphaPer    the per-test level
     * @param family      the tests, in words ("4 estimators")
     * @param alpha       the family-wise level
     */
    static String noHeterogeneity(String scope, double alphaPer, String family, double alpha) {
        return String.format(Locale.ROOT, "No CATE estimator shows significant heterogeneity%s on the test "
                + "split (best-linear-predictor test of the differential prediction, one-sided p >= %.2g for each "
                + "of %s, Bonferroni at %.2g): treat by the ATE; personalising adds nothing.", scope, alphaPer,
                family, alpha);
    }

    /**
     * The verdict with the selected policy's robustness to hidden confounding added to its text: up to which Λ of
     * the marginal sensitivity model its worst-case gain over current practice stays positive. Null stays null.
     */
    static RunResult.Verdict withSensitivity(RunResult.Verdict v, Sensitivity s) {
        if (v == null || s == null) {
            return v;
        }
        String sentence = msmSentence(s.msm());
        return sentence == null ? v : appended(v, sentence);
    }

    /** The robustness sentence of a policy's gain bounds; null when there are none or they are undefined. */
    static String msmSentence(Sensitivity.Msm m) {
        if (m == null || Double.isNaN(m.gainLowerBound()[0])) {
            return null;
        }
        String sentence;
        if (Double.isNaN(m.largestLambda())) {
            sentence = String.format(Locale.ROOT, "Even without hidden confounding (\u039b = 1) the IPW gain of %s "
                    + "over current practice is not positive (%.4g).", m.policy(), m.gainLowerBound()[0]);
        } else {
            sentence = String.format(Locale.ROOT, "Under the marginal sensitivity model the worst-case IPW gain of %s "
                    + "over current practice stays positive up to \u039b = %s%s", m.policy(), m.largestLambdaText(),
                    m.beyondGrid() ? " (the largest checked)." : String.format(Locale.ROOT, ": hidden confounding that "
                            + "changes a patient's odds of their treatment by a factor of %s could explain the gain "
                            + "away%s", m.largestLambdaText(), m.fragile() ? String.format(Locale.ROOT, "; the gain "
                            + "is fragile (below \u039b = %.2g).", m.fragileLambda()) : "."));
        }
        return sentence;
    }

    /** The paper's warning for a baseline that is best, or null for a learned policy. */
    static String warning(PolicyId bestName) {
        return Baseline.of(bestName).map(b -> switch (b) {
            case TREAT_ALL -> "Treating everyone the same way (" + bestName + ") is best: no personalisation is "
                    + "needed.";
            case DOCTORS -> "The clinicians' own decisions (Doctors) are best: the models add nothing.";
            case PROPENSITY -> "The Propensity policy is best: the clinicians' aggregated practice (\"wisdom of the "
                    + "crowd\") is the policy to build on.";
            case RANDOM -> "A random policy is best: no policy here does better than chance.";
        }).orElse(null);
    }

    private static RunResult.Headline headline(PolicyId policy, double[] value, double[] current, int sign,
                                               String outcome, int nTest) {
        double[] gain = Evidence.sortedGain(value, current, sign);
        double[] v = java.util.Arrays.stream(value).filter(d -> !Double.isNaN(d)).sorted().toArray();
        double beats = Evidence.beatsShare(value, current, sign);
        return new RunResult.Headline(policy, "mean " + outcome + " of the test population if the policy were "
                + "followed (deferred patients treated as usual), against the mean observed " + outcome,
                SCHEME, Stats.mean(v), Stats.quantileSorted(v, 0.025), Stats.quantileSorted(v, 0.975),
                Stats.mean(current), Stats.mean(gain), Stats.quantileSorted(gain, 0.025),
                Stats.quantileSorted(gain, 0.975), beats, Evidence.clear(beats), nTest);
    }
}

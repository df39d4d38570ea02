package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.Evidence;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Test;

/** Verdicts state how often they hold over bootstrap rounds; the paper's warnings fire only on clear evidence. */
class PolicyVerdictTest {
    static final List<PolicyId> NAMES = java.util.stream.Stream.of("doctors", "random", "propensity", "treat_all_0",
            "treat_all_1", "t_ridge@inclusive").map(PolicyId::parse).toList();
    static final int ROUNDS = 1000;
    /** The demo study: lower death is better. */
    static final Study STUDY = StudyLoader.load(Path.of("examples", "nhefs", "study.yaml"));

    /**
     * Per-round DR values (lower is better): treat_all_1 is the lowest in about {@code shareBest} of rounds, else
     * the learned policy is; in the rounds treat_all_1 wins, the learned policy beats doctors with probability
     * {@code shareBeats}.
     */
    private static Bootstrap.Result values(double shareBest, double shareBeats, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] dr = new double[NAMES.size()][ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            boolean allBest = rng.nextDouble() < shareBest;
            dr[0][r] = 0.20;
            dr[1][r] = 0.30;
            dr[2][r] = 0.31;
            dr[3][r] = 0.40;
            double u = rng.nextDouble();
            dr[5][r] = !allBest ? 0.12 : u < shareBeats ? 0.15 : 0.25;
            dr[4][r] = allBest ? 0.10 : 0.16;
        }
        return new Bootstrap.Result(NAMES, dr, dr);
    }

    private static List<RunResult.PolicyResult> results(Bootstrap.Result boot) {
        List<RunResult.PolicyResult> out = new ArrayList<>();
        for (int p = 0; p < NAMES.size(); p++) {
            RunResult.Summary s = PolicySet.summary(boot.dr()[p]);
            out.add(new RunResult.PolicyResult(NAMES.get(p), "", 0.5, 0, s.mean(), s.mean(), s, s));
        }
        return out;
    }

    @Test
    void aBaselineBestInFewRoundsRaisesNoWarning() {
        Bootstrap.Result boot = values(0.58, 0.5, 1);
        RunResult.Verdict v = PolicyVerdict.of(STUDY, boot, results(boot), 5, 300, "validation");
        assertEquals(PolicyId.of("treat_all_1"), v.bestPolicy());
        double expected = Evidence.bestShares(boot.dr(), -1)[4];
        assertEquals(expected, v.bestPolicyShare(), 1e-12);
        assertTrue(v.bestPolicyShare() > 0.5 && v.bestPolicyShare() < 0.7, "share " + v.bestPolicyShare());
        assertFalse(v.bestPolicyClear());
        assertTrue(v.warnings().isEmpty(), v.warnings().toString());
        assertTrue(v.text().contains("No policy is clearly better"), v.text());
        assertFalse(v.headline().clear());
    }

    @Test
    void aBaselineBestInNearlyAllRoundsRaisesTheWarningWithItsShare() {
        Bootstrap.Result boot = values(0.98, 0.99, 2);
        RunResult.Verdict v = PolicyVerdict.of(STUDY, boot, results(boot), 5, 300, "validation");
        assertTrue(v.bestPolicyClear());
        assertEquals(1, v.warnings().size());
        assertTrue(v.warnings().get(0).contains("no personalisation is needed"), v.warnings().get(0));
        assertTrue(v.warnings().get(0).contains(String.format(java.util.Locale.ROOT, "%.1f %%",
                100 * v.bestPolicyShare())), v.warnings().get(0));
        // the headline: share of rounds the selected policy beats current practice, counted by hand
        int beats = 0;
        for (int r = 0; r < ROUNDS; r++) {
            beats += boot.dr()[5][r] < boot.dr()[0][r] ? 1 : 0;
        }
        assertEquals(beats / (double) ROUNDS, v.selectedBeatsDoctorsShare(), 1e-12);
        assertTrue(v.headline().clear());
        assertEquals(PolicyId.parse("t_ridge@inclusive"), v.headline().policy());
        assertEquals(0.20, v.headline().currentPractice(), 1e-12);
        assertTrue(v.headline().gain() > 0, "lower is better, so a lower value is a positive gain");
    }

    @Test
    void tiedPoliciesShareTheRoundsTheyWinAndNoSelectionMeansNoHeadline() {
        double[][] dr = {{0.2, 0.2, 0.3}, {0.2, 0.25, 0.1}};
        double[] share = Evidence.bestShares(dr, -1);
        assertEquals(2 / 3.0, share[0], 1e-12);
        assertEquals(2 / 3.0, share[1], 1e-12);
        Bootstrap.Result boot = values(0.5, 0.5, 3);
        RunResult.Verdict v = PolicyVerdict.of(STUDY, boot, results(boot), -1, 300, "validation");
        assertNull(v.headline());
        assertNull(v.selected());
    }
}

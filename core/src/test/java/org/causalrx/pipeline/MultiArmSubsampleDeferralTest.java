package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.causalrx.bundle.BundleWriter;
import org.causalrx.bundle.MultiArmBundle;
import org.causalrx.bundle.MultiArmBundleWriter;
import org.causalrx.bundle.MultiArmRecommender;
import org.causalrx.causal.uncertainty.Subsample;
import org.causalrx.data.Table;
import org.causalrx.policy.ContrastIntervals;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Cohort;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The K-arm deferral with {@code deferral.refit_rows} below half the training split (the data of
 * {@link MultiArmDeferralTest}: 720 training rows, refit_rows 300): every estimator's refits are two-size
 * subsamples (10 of 300 and 10 of 75 rows) with an estimated rate, an ensemble's rate from its combined refits; the
 * method says so per estimator; the Conservative policies' bundles keep the subsample and reproduce the run's
 * decisions on its test patients; and the intervals are narrower than those of the draws as fit would be.
 */
@Tag("slow")
class MultiArmSubsampleDeferralTest {
    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");

    @TempDir
    static Path dir;

    private static ThreeArmFixture.Run run() throws Exception {
        StringBuilder sb = new StringBuilder("id,arm,y,g,x2,x3\n");
        MultiArmDeferralTest.simulate(3, sb);
        return ThreeArmFixture.shared(sb.toString(), MultiArmDeferralTest.STUDY
                .replace("estimators: [t_ridge]", "estimators: [t_ridge, t_lasso, average]")
                + "deferral: {alpha_stat: 0.1, bootstrap_refits: 20, refit_rows: 300}\n",
                ThreeArmFixture.Scope.THROUGH_EVALUATION);
    }

    @Test
    void subsampleRefitsAreDescribedAndTheirBundlesReproduceTheRunsDecisions() throws Exception {
        ThreeArmFixture.Run run = run();
        RunContext done = run.done();
        MultiArmFitted fitted = done.get(MultiArmStages.FITTED);
        Map<String, Subsample> subs = fitted.subsamples();
        assertEquals(List.of("t_ridge", "t_lasso", "average"), List.copyOf(subs.keySet()));
        subs.forEach((name, s) -> {
            assertEquals(List.of(300, 720, 75), List.of(s.drawn(), s.of(), s.smallDrawn()), name);
            assertTrue(s.rate() >= Subsample.MIN_RATE && s.rate() <= Subsample.MAX_RATE, name + " " + s.rate());
        });
        MultiArmResult.Deferral d = run.result().deferral();
        assertNotNull(d);
        for (String name : subs.keySet()) {
            assertTrue(d.method().contains(name + ": 20 subsample refits, 10 of 300 and 10 of 75 of 720 rows each"),
                    d.method());
        }
        assertTrue(d.method().endsWith("tau_second over the rescaled draws"), d.method());

        Cohort cohort = done.get(RunSlots.COHORT);
        int[] test = done.get(RunSlots.SPLIT).test();
        Table patients = run.table().rows(Stats.select(cohort.sourceRows(), test));
        List<PolicyDecisions> policies = done.get(MultiArmStages.VALUED).policies();
        int uncertain = 0;
        for (String name : subs.keySet()) {
            PolicyId id = new PolicyId(name, DeferralSet.CONSERVATIVE);
            Path out = dir.resolve("model-" + name);
            BundleWriter.Written w = MultiArmBundleWriter.write(out, run.study(), run.result(), fitted, id, NOW);
            assertEquals(id, w.policy(), w.note());
            MultiArmBundle bundle = MultiArmBundle.load(out);
            assertEquals(subs.get(name), bundle.conservative().subsample(), name);
            int[] want = policies.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().arms();
            MultiArmRecommender.Result r = MultiArmRecommender.apply(bundle, patients);
            for (int j = 0; j < test.length; j++) {
                MultiArmRecommender.Row row = r.rows().get(j);
                assertEquals(want[j], row.arm(), id + " row " + j + ": " + row.reason());
                uncertain += row.reason().startsWith("uncertain between '") ? 1 : 0;
            }
        }
        assertTrue(uncertain > 0, "some test patients are uncertain");

        // the draws as fit (not rescaled) would give wider intervals: about sqrt(720/300 - 1) = 1.2 to
        // sqrt(720/75 - 1) = 2.9 times
        ContrastIntervals ci = done.get(MultiArmDeferral.INTERVALS).test().get("t_ridge");
        ContrastIntervals raw = ContrastIntervals.fromDraws(MultiArmEvaluation.rule(run.study()),
                done.get(MultiArmStages.EFFECTS).test().get("t_ridge"), org.causalrx.causal.uncertainty
                        .MultiArmBootstrap.draws(fitted.refits().get("t_ridge"),
                                List.<double[][]>of(Stats.select(done.get(RunSlots.X), test)), false)[0], 0.1);
        double w = 0;
        double wRaw = 0;
        for (int i = 0; i < ci.size(); i++) {
            w += ci.high(i) - ci.low(i);
            wRaw += raw.high(i) - raw.low(i);
        }
        assertTrue(wRaw > 1.3 * w, "rescaled width " + w / ci.size() + ", as fit " + wRaw / ci.size());
    }
}

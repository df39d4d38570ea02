package org.causalrx.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.causalrx.causal.MultiArmEnsembles;
import org.causalrx.causal.uncertainty.MultiArmBootstrap;
import org.causalrx.policy.ArmChoice;
import org.causalrx.policy.ContrastIntervals;
import org.causalrx.policy.MultiArmConsensus;
import org.causalrx.policy.PolicyDecisions;

/**
 * How a {@link MultiArmBundle}'s policy decides for the scored rows of one input, as the run decided for its test
 * patients: the point rule on the bundled effects (Inclusive); for a Conservative policy the rule on the interval of
 * tau_best − tau_second from the bundled refits' effects ({@link ContrastIntervals#fromDraws}, the run's α; subsample
 * refits' draws rescaled to the training split's size first, {@link MultiArmBootstrap#rescaled}); for
 * consensus the arm every member picks, else DEFER naming each arm picked and its members. Made once per input
 * from all its scored rows (row j of {@code x}).
 */
final class MultiArmDecider {
    private final MultiArmBundle bundle;
    private final ContrastIntervals intervals;
    private final MultiArmEnsembles.Consensus consensus;
    private final List<double[][]> memberEffects;

    /**
     * One row's decision.
     *
     * @param arm    0..K−1 or {@link PolicyDecisions#DEFER}
     * @param reason in words, naming the arms involved
     */
    record Decided(int arm, String reason) {
    }

    private MultiArmDecider(MultiArmBundle bundle, ContrastIntervals intervals, MultiArmEnsembles.Consensus consensus,
                            List<double[][]> memberEffects) {
        this.bundle = bundle;
        this.intervals = intervals;
        this.consensus = consensus;
        this.memberEffects = memberEffects;
    }

    /**
     * @param x   the scored rows' covariates (m × p)
     * @param tau the bundled model's effects on them (m × K)
     */
    static MultiArmDecider of(MultiArmBundle bundle, double[][] x, double[][] tau) {
        ContrastIntervals ci = null;
        if (bundle.conservative() != null && x.length > 0) {
            double[][][] draws = MultiArmBootstrap.rescaled(tau, MultiArmBootstrap.draws(
                    bundle.conservative().refits(), List.<double[][]>of(x), false)[0],
                    bundle.conservative().subsample());
            ci = ContrastIntervals.fromDraws(bundle.rule(), tau, draws, bundle.conservative().alphaStat())
                    .scaled(bundle.conservative().intervalScale());
        }
        if (bundle.cate() instanceof MultiArmEnsembles.Consensus c && x.length > 0) {
            return new MultiArmDecider(bundle, ci, c, c.memberEffects(x));
        }
        return new MultiArmDecider(bundle, ci, null, List.of());
    }

    /** Row j's decision; {@code tau} and {@code e} are its effects and propensities. */
    Decided decide(int j, double[] tau, double[] e) {
        boolean inOverlap = bundle.overlap().contains(e);
        if (consensus != null) {
            List<double[]> rows = new ArrayList<>();
            for (double[][] m : memberEffects) {
                rows.add(m[j]);
            }
            MultiArmConsensus.Decision d = new MultiArmConsensus(bundle.rule()).decide(rows, inOverlap);
            if (d.outsideOverlap()) {
                return new Decided(d.arm(), outsideOverlap(tau, e));
            }
            if (d.arm() == PolicyDecisions.DEFER) {
                return new Decided(d.arm(), MultiArmConsensus.disagreement(d, bundle.arms(), consensus.names()));
            }
            return new Decided(d.arm(), String.format(Locale.ROOT, "all members (%s) pick '%s'",
                    String.join(", ", consensus.names()), bundle.arms().label(d.arm())));
        }
        if (intervals == null) {
            ArmChoice c = bundle.rule().decide(tau, inOverlap, Double.NaN, Double.NaN);
            return new Decided(c.arm(), MultiArmRecommender.reason(bundle, c, tau, e));
        }
        ArmChoice c = bundle.rule().decide(tau, inOverlap, intervals.low(j), intervals.high(j));
        if (c.reason() == ArmChoice.Reason.OUTSIDE_OVERLAP) {
            return new Decided(c.arm(), MultiArmRecommender.reason(bundle, c, tau, e));
        }
        double scale = bundle.conservative().intervalScale();
        String interval = String.format(Locale.ROOT, "%.0f %% bootstrap interval%s of '%s' minus '%s' [%.4g, %.4g]",
                100 * (1 - bundle.conservative().alphaStat()), scale == 1 ? "" : String.format(Locale.ROOT,
                " (calibrated, \u00d7%.3g)", scale), bundle.arms().label(c.pair().best()),
                bundle.arms().label(c.pair().second()), c.low(), c.high());
        if (c.reason() == ArmChoice.Reason.UNCERTAIN) {
            return new Decided(c.arm(), String.format(Locale.ROOT, "uncertain between '%s' and '%s': the %s "
                    + "contains %s", bundle.arms().label(c.pair().best()), bundle.arms().label(c.pair().second()),
                    interval, org.causalrx.policy.DecisionRule.number(bundle.rule().boundary(c.pair()))));
        }
        if (c.arm() != c.pair().best()) {
            return new Decided(c.arm(), "the " + interval + " favours '" + bundle.arms().label(c.arm()) + "'");
        }
        return new Decided(c.arm(), MultiArmRecommender.reason(bundle, c, tau, e) + "; " + interval);
    }

    private String outsideOverlap(double[] tau, double[] e) {
        return MultiArmRecommender.reason(bundle, bundle.rule().decide(tau, false, Double.NaN, Double.NaN), tau,
                e);
    }
}

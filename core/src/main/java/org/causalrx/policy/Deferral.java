package org.causalrx.policy;

import java.util.Locale;

import org.causalrx.causal.OverlapSet;

/**
 * Rej'(x) of TRS Eq. 4 for one patient: defer when e(x) is outside the overlap set [eta_low, eta_high], or (for
 * the Conservative set) when the joint interval [tau_lo(x), tau_hi(x)] contains 0; otherwise recommend by the sign
 * rule in the study's direction. The pipeline and {@code recommend} both decide through this class, so a bundle
 * applied to the run's own test split reproduces the run's recommendations exactly.
 */
public final class Deferral {
    private Deferral() {
    }

    /**
     * One decision with its reason in words.
     *
     * @param arm    0, 1 or {@link PolicyDecisions#DEFER}
     * @param reason e.g. "outside overlap: e(x)=0.93 > 0.90", "uncertain: interval [-0.12, 0.30] contains 0", or
     *               "predicted effect -0.21 favours arm 1" for a recommendation
     */
    public record Decision(int arm, String reason) {
    }

    /**
     * @param e          propensity e(x)
     * @param overlap    the overlap set
     * @param tau        point CATE
     * @param lo         lower end of the joint interval, or NaN for the Inclusive set (overlap only)
     * @param hi         upper end of the joint interval, or NaN for the Inclusive set
     * @param betterSign +1 when higher outcomes are better, −1 when lower are better
     */
    public static Decision decide(double e, OverlapSet overlap, double tau, double lo, double hi, int betterSign) {
        if (e < overlap.etaLow()) {
            return new Decision(PolicyDecisions.DEFER,
                    String.format(Locale.ROOT, "outside overlap: e(x)=%.2f < %.2f", e, overlap.etaLow()));
        }
        if (e > overlap.etaHigh()) {
            return new Decision(PolicyDecisions.DEFER,
                    String.format(Locale.ROOT, "outside overlap: e(x)=%.2f > %.2f", e, overlap.etaHigh()));
        }
        if (!Double.isNaN(lo) && !Double.isNaN(hi) && lo <= 0 && hi >= 0) {
            return new Decision(PolicyDecisions.DEFER,
                    String.format(Locale.ROOT, "uncertain: interval [%.2f, %.2f] contains 0", lo, hi));
        }
        int arm = betterSign * tau > 0 ? 1 : 0;
        return new Decision(arm, String.format(Locale.ROOT, "predicted effect %.3f favours arm %d", tau, arm));
    }
}

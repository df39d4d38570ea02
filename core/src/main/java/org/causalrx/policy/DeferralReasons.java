package org.causalrx.policy;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.OverlapSet;

/**
 * Why each patient of a Conservative set is deferred, as counts: outside the overlap set (e(x) outside
 * [eta_low, eta_high]); statistical (in overlap, the statistical interval at alpha_stat contains 0); causal (in
 * overlap, the statistical interval excludes 0 but the joint interval, widened by the causal bounds, contains 0);
 * the rest are recommended. The four counts add up to the patients; deferred = overlap + statistical + causal, the
 * same patients {@link Deferral#decide} defers with the joint interval (a statistical interval containing 0 always
 * lies inside a joint interval that contains 0, since the joint interval widens it).
 */
public final class DeferralReasons {
    private DeferralReasons() {
    }

    /**
     * Counts over n patients.
     *
     * @param patients       n
     * @param outsideOverlap deferred because e(x) is outside the overlap set
     * @param statistical    deferred because the statistical interval contains 0
     * @param causal         deferred because only the joint interval contains 0
     * @param recommended    not deferred
     */
    public record Counts(int patients, int outsideOverlap, int statistical, int causal, int recommended) {
        public Counts {
            if (outsideOverlap + statistical + causal + recommended != patients) {
                throw new IllegalArgumentException("deferral reason counts do not add up to " + patients);
            }
        }

        /** Patients deferred for any reason. */
        public int deferred() {
            return outsideOverlap + statistical + causal;
        }
    }

    /**
     * @param e     propensity per patient
     * @param stat  statistical interval per patient (null: Inclusive set, overlap only)
     * @param joint joint interval per patient (null: Inclusive set)
     */
    public static Counts count(double[] e, OverlapSet overlap, EffectIntervals stat, EffectIntervals joint) {
        int outside = 0;
        int statistical = 0;
        int causal = 0;
        for (int i = 0; i < e.length; i++) {
            if (!overlap.contains(e[i])) {
                outside++;
            } else if (joint != null && joint.containsZero(i)) {
                if (stat != null && stat.containsZero(i)) {
                    statistical++;
                } else {
                    causal++;
                }
            }
        }
        return new Counts(e.length, outside, statistical, causal, e.length - outside - statistical - causal);
    }
}

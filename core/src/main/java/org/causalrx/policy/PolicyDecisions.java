package org.causalrx.policy;

import org.causalrx.result.PolicyId;

/**
 * What one policy decides for each held-out patient: an arm 0..K−1 (0 the reference, see
 * {@link org.causalrx.result.Arms}) or {@link #DEFER}.
 *
 * @param id          the policy's identity; its text form is the stable policy name, e.g. "doctors", "t_xgboost"
 * @param description in words, for the report
 * @param arms        per patient: an arm index ≥ 0 or DEFER (−1); copied (the value estimators check the
 *                    indices against the data's K)
 * @param observed    true for current practice: {@code arms} are the treatments actually given, and the policy is
 *                    valued as the observed outcomes (TRS Eq. 5 with every patient deferred to the clinician), never
 *                    by weighting the observed treatment as if it were a policy of x
 */
public record PolicyDecisions(PolicyId id, String description, int[] arms, boolean observed) {
    public static final int DEFER = -1;

    /** A policy of x (valued by IPW / DR on the patients it recommends for). */
    public PolicyDecisions(PolicyId id, String description, int[] arms) {
        this(id, description, arms, false);
    }

    public PolicyDecisions {
        java.util.Objects.requireNonNull(id, "id");
        arms = arms.clone();
        for (int a : arms) {
            if (a < DEFER) {
                throw new IllegalArgumentException("decision must be an arm index >= 0 or DEFER, got " + a);
            }
        }
    }

    @Override
    public int[] arms() {
        return arms.clone();
    }

    int arm(int i) {
        return arms[i];
    }

    /**
     * The decisions a value estimator sees: {@link #arms} for a policy of x; for current practice every patient is
     * deferred, so its value is the mean observed outcome on the same patients (and on each bootstrap resample).
     */
    public int[] valuedArms() {
        if (!observed) {
            return arms.clone();
        }
        int[] d = new int[arms.length];
        java.util.Arrays.fill(d, DEFER);
        return d;
    }

    /** The same policy (id, description, kind) deciding {@code newArms}, e.g. restricted to some patients. */
    public PolicyDecisions withArms(int[] newArms) {
        return new PolicyDecisions(id, description, newArms, observed);
    }

    public int size() {
        return arms.length;
    }

    /**
     * Share of all patients recommended a non-reference arm (any arm ≥ 1); with two arms, the share recommended
     * arm 1.
     */
    public double treatedShare() {
        int c = 0;
        for (int a : arms) {
            if (a >= 1) {
                c++;
            }
        }
        return arms.length == 0 ? 0 : c / (double) arms.length;
    }

    /** Share of all patients recommended {@code arm} (0..K−1). */
    public double armShare(int arm) {
        if (arm < 0) {
            throw new IllegalArgumentException("arm must be >= 0, got " + arm);
        }
        return share(arm);
    }

    /** Share of all patients recommended each arm 0..arms−1 (with {@link #deferredShare()} they add up to 1). */
    public double[] armShares(int arms) {
        double[] s = new double[arms];
        for (int a = 0; a < arms; a++) {
            s[a] = share(a);
        }
        return s;
    }

    /** Share of all patients deferred to the clinician. */
    public double deferredShare() {
        return share(DEFER);
    }

    private double share(int value) {
        int c = 0;
        for (int a : arms) {
            if (a == value) {
                c++;
            }
        }
        return arms.length == 0 ? 0 : c / (double) arms.length;
    }
}

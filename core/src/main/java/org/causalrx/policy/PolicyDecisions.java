package org.causalrx.policy;

/**
 * What one policy decides for each held-out patient: arm 0, arm 1, or {@link #DEFER}.
 *
 * @param name        stable policy name, e.g. "doctors", "t_xgboost"
 * @param description in words, for the report
 * @param arms        per patient: 0, 1 or DEFER (−1); copied
 */
public record PolicyDecisions(String name, String description, int[] arms) {
    public static final int DEFER = -1;

    public PolicyDecisions {
        arms = arms.clone();
        for (int a : arms) {
            if (a != 0 && a != 1 && a != DEFER) {
                throw new IllegalArgumentException("decision must be 0, 1 or DEFER, got " + a);
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

    public int size() {
        return arms.length;
    }

    /** Share of all patients recommended arm 1. */
    public double treatedShare() {
        return share(1);
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

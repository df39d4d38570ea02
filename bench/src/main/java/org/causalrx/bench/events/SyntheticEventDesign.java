package org.causalrx.bench.events;

/**
 * The design of the SYNTHETIC event tables written by {@link SyntheticEventTables}: {@code stays} hospital stays
 * (one to four per patient), {@code eventsPerStay} events each (lab and medication rows together), drawn from
 * {@code seed}. The generative model, in hours and mg/dL:
 * <ul>
 *   <li>per stay: baseline creatinine b ~ U(0.7, 1.3), rise r ~ U(0.55, 1.2), potassium level k ~ N(4.2, 0.4²);
 *       per patient: age ~ U{18..90}, sex 50/50;</li>
 *   <li>{@link #AKI_SHARE} of the stays have a creatinine rise: from measurement jd (every 6 h, jd = ⌈t/6⌉,
 *       t ~ U(12, 42) h after admission) creatinine is b + r + noise, so the decision point (first value more than
 *       0.3 above the stay's first) is measurement jd; the other stays stay flat (b + noise, noise
 *       ~ U(−0.1, 0.1));</li>
 *   <li>treatment: a loop diuretic within 24 h after the decision with probability
 *       e = logistic(−0.2 + 2.5 (r − 0.875) + 1.5 (k − 4.2) + 0.02 (age − 55)) (confounded: sicker stays are treated
 *       more often and also worsen more);</li>
 *   <li>after the decision creatinine moves by min(h, 48)/48 · (δ0 + T τ), h hours after the decision, with the
 *       untreated course δ0 = 0.5 (r − 0.875) + 0.3 (k − 4.2) + 0.005 (age − 55) and the KNOWN effect
 *       τ = {@link #TAU_AT_55} + {@link #TAU_PER_YEAR} (age − 55) mg/dL: the outcome "last creatinine 48–72 h after
 *       the decision minus the value at it" has expectation δ0 + T τ.</li>
 * </ul>
 *
 * @param stays         hospital stays (≥ 1)
 * @param eventsPerStay lab plus medication events of each stay (≥ {@link #MIN_EVENTS_PER_STAY}); the tables hold
 *                      stays × eventsPerStay events in all
 * @param seed          the seed; the same seed gives the same tables
 */
public record SyntheticEventDesign(long stays, int eventsPerStay, long seed) {
    /** Share of stays with a creatinine rise (a decision point). */
    public static final double AKI_SHARE = 0.85;
    /** Effect of the loop diuretic on the creatinine change at age 55, mg/dL. */
    public static final double TAU_AT_55 = -0.3;
    /** Change of the effect per year of age, mg/dL per year (older stays benefit more). */
    public static final double TAU_PER_YEAR = -0.004;
    /** Creatinine (20 or 12), potassium (10) and urea nitrogen (10) measurements plus 6 medication rows. */
    public static final int MIN_EVENTS_PER_STAY = 46;
    /** Medication (emar) rows per stay; the rest of a stay's events are lab rows. */
    public static final int MEDICATIONS_PER_STAY = 6;

    public SyntheticEventDesign {
        if (stays < 1) {
            throw new IllegalArgumentException("--stays must be at least 1, got " + stays);
        }
        if (eventsPerStay < MIN_EVENTS_PER_STAY) {
            throw new IllegalArgumentException("--events-per-stay must be at least " + MIN_EVENTS_PER_STAY
                    + " (creatinine, potassium, urea nitrogen and medication rows of each stay), got "
                    + eventsPerStay);
        }
    }

    /** Events in all tables together: stays × events per stay. */
    public long events() {
        return stays * eventsPerStay;
    }

    /** The true effect at {@code age}, mg/dL. */
    public static double tau(double age) {
        return TAU_AT_55 + TAU_PER_YEAR * (age - 55);
    }
}

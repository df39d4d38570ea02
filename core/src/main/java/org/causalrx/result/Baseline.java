package org.causalrx.result;

import java.util.Optional;

/**
 * The baseline policies every run values next to the learned ones (TRS §3.10–3.11). Their policy names are
 * {@link #key()}, except {@link #TREAT_ALL}, whose name is {@code treat_all_<arm code>} (one per arm).
 */
public enum Baseline {
    /** Current practice: the treatment the clinicians actually gave. */
    DOCTORS("doctors"),
    /** A random subset of the clinicians' treated share. */
    RANDOM("random"),
    /** Treat when the propensity model says most clinicians would (e(x) &gt; 0.5). */
    PROPENSITY("propensity"),
    /** Everyone in the overlap set gets one arm. */
    TREAT_ALL("treat_all_");

    private final String key;

    Baseline(String key) {
        this.key = key;
    }

    /** The policy name ({@link #TREAT_ALL}: the prefix before the arm code). */
    public String key() {
        return key;
    }

    /** The policy name of {@link #TREAT_ALL} for the arm with code {@code armCode}. */
    public static String treatAll(String armCode) {
        return TREAT_ALL.key + armCode;
    }

    /** This baseline's policy; {@link #TREAT_ALL} names one policy per arm, see {@link #treatAllId}. */
    public PolicyId id() {
        if (this == TREAT_ALL) {
            throw new IllegalStateException("treat_all is one policy per arm: use Baseline.treatAllId(armCode)");
        }
        return PolicyId.of(key);
    }

    /** The policy {@link #TREAT_ALL} for the arm with code {@code armCode}. */
    public static PolicyId treatAllId(String armCode) {
        return PolicyId.of(treatAll(armCode));
    }

    /** The baseline policy {@code id} is, or empty for a learned or consensus policy. */
    public static Optional<Baseline> of(PolicyId id) {
        return id == null || id.set() != DeferralSet.NONE ? Optional.empty() : of(id.estimator());
    }

    /** Whether policy {@code id} is this baseline. */
    public boolean is(PolicyId id) {
        return of(id).filter(b -> b == this).isPresent();
    }

    /** The baseline a policy name names, or empty for a learned policy. */
    public static Optional<Baseline> of(String policyName) {
        if (policyName == null) {
            return Optional.empty();
        }
        for (Baseline b : values()) {
            if (b == TREAT_ALL ? policyName.startsWith(b.key) : policyName.equals(b.key)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code policyName} is this baseline. */
    public boolean is(String policyName) {
        return of(policyName).filter(b -> b == this).isPresent();
    }
}

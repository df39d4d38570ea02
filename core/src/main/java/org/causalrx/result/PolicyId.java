package org.causalrx.result;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A policy's identity: the estimator (or baseline) it decides from and its deferral set. Its text form is the
 * policy name in results.json, the CSV tables and the bundle: {@code estimator} alone for {@link DeferralSet#NONE}
 * ("doctors", "t_xgboost"), else {@code estimator@set} ("t_xgboost@conservative"). {@link #parse} and
 * {@link #name} are the only places that read or write that form.
 *
 * @param estimator estimator or baseline name, without '@'
 * @param set       deferral set; {@link DeferralSet#NONE} for baselines and runs without uncertainty deferral
 */
public record PolicyId(String estimator, DeferralSet set) {
    private static final char SEPARATOR = '@';

    public PolicyId {
        Objects.requireNonNull(estimator, "estimator");
        Objects.requireNonNull(set, "set");
        if (estimator.isBlank() || estimator.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("policy estimator must be a non-blank name without '@', got '"
                    + estimator + "'");
        }
    }

    /** A policy without a deferral set suffix (baselines, consensus, runs without uncertainty deferral). */
    public static PolicyId of(String estimator) {
        return new PolicyId(estimator, DeferralSet.NONE);
    }

    /** Reads a policy name: "doctors", "t_xgboost", "t_xgboost@inclusive", "t_xgboost@conservative". */
    public static PolicyId parse(String name) {
        Objects.requireNonNull(name, "policy name");
        int at = name.indexOf(SEPARATOR);
        if (at < 0) {
            return of(name);
        }
        DeferralSet set = DeferralSet.of(name.substring(at + 1));
        if (set == DeferralSet.NONE) {
            throw new IllegalArgumentException("policy name '" + name + "' has an empty deferral set");
        }
        return new PolicyId(name.substring(0, at), set);
    }

    /** The same estimator with deferral set {@code s}. */
    public PolicyId with(DeferralSet s) {
        return new PolicyId(estimator, s);
    }

    /** The policy name (the text form described above). */
    @JsonValue
    public String name() {
        return set == DeferralSet.NONE ? estimator : estimator + SEPARATOR + set.key();
    }

    /** Baseline, learned (one estimator) or consensus. */
    public PolicyKind kind() {
        if (set == DeferralSet.NONE && Baseline.of(estimator).isPresent()) {
            return PolicyKind.BASELINE;
        }
        return estimator.equals(PolicyKind.CONSENSUS_NAME) ? PolicyKind.CONSENSUS : PolicyKind.LEARNED;
    }

    /** The kind of the policy named {@code name}. */
    public static PolicyKind kindOf(String name) {
        return parse(name).kind();
    }

    @Override
    public String toString() {
        return name();
    }
}

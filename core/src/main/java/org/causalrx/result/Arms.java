package org.causalrx.result;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The K ≥ 2 treatment options of a study, in analysis order: index 0 is the reference arm (the control of a two-arm
 * study), indices 1..K−1 the other arms in the order the study declares them. Every int arm in the pipeline
 * (treatments, decisions, columns of effect and propensity matrices) is an index into this list.
 *
 * @param codes  the arm's value as text in the data file ("0", "1", "low", ...), distinct, non-blank
 * @param labels the arm's label for people ("no smoking cessation", ...), one per code
 */
public record Arms(List<String> codes, List<String> labels) {
    /** Index of the reference arm. */
    public static final int REFERENCE = 0;

    public Arms {
        codes = List.copyOf(codes);
        labels = List.copyOf(labels);
        if (codes.size() < 2) {
            throw new IllegalArgumentException("a study needs at least two arms, got " + codes);
        }
        if (labels.size() != codes.size()) {
            throw new IllegalArgumentException("arm labels " + labels + " do not match the codes " + codes);
        }
        Set<String> seen = new HashSet<>();
        for (String c : codes) {
            if (c == null || c.isBlank() || !seen.add(c)) {
                throw new IllegalArgumentException("arm codes must be distinct and non-blank, got " + codes);
            }
        }
        labels.forEach(l -> Objects.requireNonNull(l, "arm label"));
    }

    /** Two arms coded "0" (reference, labelled {@code control}) and "1" (labelled {@code treated}). */
    public static Arms binary(String control, String treated) {
        return new Arms(List.of("0", "1"), List.of(control, treated));
    }

    /** Number of arms K. */
    public int size() {
        return codes.size();
    }

    public String code(int arm) {
        return codes.get(arm);
    }

    public String label(int arm) {
        return labels.get(arm);
    }

    /** The arm index of a code as text in the data, or −1 when the code is not an arm. */
    public int indexOf(String code) {
        return codes.indexOf(code);
    }

    /** Arm indices 1..K−1 (every arm but the reference). */
    public List<Integer> nonReference() {
        List<Integer> out = new ArrayList<>();
        for (int a = 1; a < size(); a++) {
            out.add(a);
        }
        return out;
    }
}

package org.causalrx.study;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.causalrx.util.CausalRxException;

/**
 * The study's optional {@code deferral:} block:
 * <pre>
 * deferral:
 *   enabled: true            # false: overlap-only deferral (one set, no suffixes, no sweep)
 *   alpha_stat: 0.05         # statistical level of the per-patient intervals, 0 &lt; a &lt; 1
 *   lambda: 1.5              # marginal-sensitivity Lambda of the causal bounds, &gt;= 1
 *   bootstrap_refits: 20     # B refits behind meta-learner intervals, 2..1000
 *   refit_rows: auto         # rows per subsample refit on training splits of at least twice as many rows
 *                            # (two and K arms): auto = max(20000, n^0.75), or a whole number &gt;= 100
 *   sweep: {alpha_stat: [0.05, 0.1, 0.2, 0.5], lambda: [1, 1.25, 1.5, 2, 3]}
 * </pre>
 * Absent block: {@link Study.Deferral#defaults()}. Unknown keys and bad values are errors naming the key.
 */
final class DeferralBlock {
    private DeferralBlock() {
    }

    static Study.Deferral read(String f, YamlNode d) {
        Study.Deferral def = Study.Deferral.defaults();
        if (d == null) {
            return def;
        }
        d.allowOnly("enabled", "alpha_stat", "lambda", "bootstrap_refits", "refit_rows", "sweep");
        if (!d.bool("enabled", true)) {
            return null;
        }
        double alpha = d.number("alpha_stat", def.alphaStat());
        checkAlpha(f, "deferral.alpha_stat", alpha);
        double lambda = d.number("lambda", def.lambda());
        checkLambda(f, "deferral.lambda", lambda);
        long refits = d.integer("bootstrap_refits", def.bootstrapRefits());
        if (refits < 2 || refits > 1000) {
            throw new CausalRxException(f + ": 'deferral.bootstrap_refits' must be between 2 and 1000, got " + refits
                    + "; e.g. bootstrap_refits: 20");
        }
        List<Double> sweepAlpha = def.sweepAlpha();
        List<Double> sweepLambda = def.sweepLambda();
        YamlNode sweep = d.optionalChild("sweep");
        if (sweep != null) {
            sweep.allowOnly("alpha_stat", "lambda");
            if (sweep.has("alpha_stat")) {
                sweepAlpha = numbers(f, "deferral.sweep.alpha_stat", sweep.node().get("alpha_stat"));
                sweepAlpha.forEach(a -> checkAlpha(f, "deferral.sweep.alpha_stat", a));
            }
            if (sweep.has("lambda")) {
                sweepLambda = numbers(f, "deferral.sweep.lambda", sweep.node().get("lambda"));
                sweepLambda.forEach(l -> checkLambda(f, "deferral.sweep.lambda", l));
            }
        }
        return new Study.Deferral(alpha, lambda, (int) refits, sweepAlpha, sweepLambda, refitRows(f, d));
    }

    /** {@code refit_rows}: "auto" (or absent) → 0, else a whole number of rows 100..10⁹. */
    private static int refitRows(String f, YamlNode d) {
        JsonNode v = d.has("refit_rows") ? d.node().get("refit_rows") : null;
        if (v == null || v.isTextual() && v.asText().equals("auto")) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 100 || v.asLong() > 1_000_000_000L) {
            throw new CausalRxException(f + ": 'deferral.refit_rows' must be 'auto' or a whole number of rows between "
                    + "100 and 1000000000, got '" + v.asText() + "'; e.g. refit_rows: 20000");
        }
        return (int) v.asLong();
    }

    private static List<Double> numbers(String f, String key, JsonNode list) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new CausalRxException(f + ": '" + key + "' must be a non-empty list of numbers, e.g. [0.05, 0.1]");
        }
        List<Double> out = new ArrayList<>();
        for (JsonNode n : list) {
            if (!n.isNumber()) {
                throw new CausalRxException(f + ": '" + key + "' entries must be numbers, got '" + n + "'");
            }
            if (out.contains(n.asDouble())) {
                throw new CausalRxException(f + ": '" + key + "' lists " + n.asDouble() + " twice; keep one");
            }
            out.add(n.asDouble());
        }
        return out;
    }

    private static void checkAlpha(String f, String key, double a) {
        if (!(a > 0 && a < 1)) {
            throw new CausalRxException(f + ": '" + key + "' must be between 0 and 1 (exclusive), got " + a
                    + "; e.g. 0.05 for 95 % intervals");
        }
    }

    private static void checkLambda(String f, String key, double l) {
        if (!(l >= 1) || Double.isInfinite(l)) {
            throw new CausalRxException(f + ": '" + key + "' must be a number >= 1 (1 = no hidden confounding), got "
                    + l + "; e.g. 1.5");
        }
    }
}

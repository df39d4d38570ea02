package org.causalrx.study;

import com.fasterxml.jackson.databind.JsonNode;
import org.causalrx.causal.diagnostics.RefutationRules;
import org.causalrx.causal.diagnostics.RefutationSubsample;
import org.causalrx.util.CausalRxException;

/**
 * The study's optional {@code refutation:} block:
 * <pre>
 * refutation: false          # or {enabled: false}: skip the refutations (results.json records them as skipped)
 * refutation:
 *   placebo_draws: 10        # permutations of the treatment, 2..1000
 *   common_cause_draws: 3    # fits with an added random covariate, 1..1000
 *   subset_draws: 3          # random subsets, 2..1000
 *   subset_fraction: 0.8     # share of the patients in each subset, 0 &lt; f &lt; 1
 *   rows: auto               # run the checks on a seeded subsample of m rows (whole patients, within arm) when
 *                            # the data hold at least 2m: auto = max(20000, n^0.75), a whole number &gt;= 100, or
 *                            # all (every check on all rows, whatever the size)
 * </pre>
 * Absent block or {@code refutation: true}: {@link RefutationSettings#DEFAULT}. Unknown keys and bad values are
 * errors naming the key.
 */
final class RefutationBlock {
    static final String KEY = "refutation";

    private RefutationBlock() {
    }

    static RefutationSettings read(String f, JsonNode root) {
        JsonNode n = root.get(KEY);
        if (n == null || n.isNull()) {
            return RefutationSettings.DEFAULT;
        }
        if (n.isBoolean()) {
            return n.asBoolean() ? RefutationSettings.DEFAULT : RefutationSettings.OFF;
        }
        if (!n.isObject()) {
            throw new CausalRxException(f + ": '" + KEY + "' is '" + n.asText() + "'; use true, false or a mapping "
                    + "such as refutation: {placebo_draws: 10, common_cause_draws: 3, subset_draws: 3, "
                    + "subset_fraction: 0.8}");
        }
        YamlNode r = new YamlNode(f, KEY, n).allowOnly("enabled", "placebo_draws", "common_cause_draws",
                "subset_draws", "subset_fraction", "rows");
        RefutationRules d = RefutationRules.defaults();
        int placebo = count(f, r, "placebo_draws", d.placeboDraws(), 2);
        int common = count(f, r, "common_cause_draws", d.commonCauseDraws(), 1);
        int subsets = count(f, r, "subset_draws", d.subsetDraws(), 2);
        double fraction = r.number("subset_fraction", d.subsetFraction());
        if (!(fraction > 0 && fraction < 1)) {
            throw new CausalRxException(f + ": 'refutation.subset_fraction' must lie between 0 and 1 (exclusive), "
                    + "got " + fraction + "; e.g. subset_fraction: 0.8");
        }
        RefutationRules rules = new RefutationRules(placebo, d.placeboSeShare(), common, d.commonCauseSeShare(),
                subsets, fraction, d.subsetSpreadFactor());
        return new RefutationSettings(r.bool("enabled", true), rules, rows(f, r));
    }

    /** {@code rows}: "auto" (or absent), "all", or a whole number of rows 100..10⁹. */
    private static int rows(String f, YamlNode r) {
        JsonNode v = r.has("rows") ? r.node().get("rows") : null;
        if (v == null || v.isTextual() && v.asText().equals("auto")) {
            return RefutationSubsample.AUTO;
        }
        if (v.isTextual() && v.asText().equals("all")) {
            return RefutationSubsample.ALL;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 100 || v.asLong() > 1_000_000_000L) {
            throw new CausalRxException(f + ": 'refutation.rows' must be 'auto', 'all' or a whole number of rows "
                    + "between 100 and 1000000000, got '" + v.asText() + "'; e.g. rows: 20000");
        }
        return (int) v.asLong();
    }

    private static int count(String f, YamlNode r, String key, int fallback, int least) {
        long v = r.integer(key, fallback);
        if (v < least || v > 1000) {
            throw new CausalRxException(f + ": 'refutation." + key + "' must be a whole number from " + least
                    + " to 1000, got " + v + "; e.g. " + key + ": " + fallback);
        }
        return (int) v;
    }
}

package org.causalrx.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.cohort.CohortSpec;
import org.causalrx.util.CausalRxException;

/**
 * What a {@code cohort:} block fills in for the rest of a study: the data is the wide table it builds (so
 * {@code data:} must be absent), {@code id} defaults to the stay column, {@code treatment.column} and
 * {@code outcome.column} default to the cohort's treatment and outcome columns (and must match them when given),
 * and without a {@code covariates:} list every baseline and feature column is a confounder.
 */
final class CohortStudyDefaults {
    private CohortStudyDefaults() {
    }

    /** Fills the defaults into the parsed study {@code top} (modified in place). */
    static void apply(String f, YamlNode top, CohortSpec cohort) {
        if (top.has("data")) {
            throw new CausalRxException(f + ": 'data' and 'cohort' are both given; a study with a cohort: block "
                    + "builds its data from the event tables, so remove 'data' (or remove 'cohort' to use a file)");
        }
        ObjectNode root = (ObjectNode) top.node();
        if (!top.has("id")) {
            root.put("id", cohort.staysTable().stay());
        }
        column(f, top, "treatment", cohort.treatment().column());
        column(f, top, "outcome", cohort.outcome().column());
        if (!top.has("covariates")) {
            ArrayNode list = root.putArray("covariates");
            for (String c : cohort.covariateColumns()) {
                list.addObject().put("name", c).put("role", CovariateRole.CONFOUNDER.key());
            }
        }
    }

    private static void column(String f, YamlNode top, String block, String made) {
        if (!top.has(block) || !top.node().get(block).isObject()) {
            return;
        }
        ObjectNode b = (ObjectNode) top.node().get(block);
        if (!b.has("column") || b.get("column").isNull()) {
            b.put("column", made);
        } else if (!b.get("column").asText().equals(made)) {
            throw new CausalRxException(f + ": '" + block + ".column' is '" + b.get("column").asText() + "' but the "
                    + "cohort builds '" + made + "' (cohort." + block + ".column); make them the same or leave out '"
                    + block + ".column'");
        }
    }
}

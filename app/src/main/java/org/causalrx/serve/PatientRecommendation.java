package org.causalrx.serve;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The answer for one patient, as {@code causalrx recommend} computes it.
 *
 * @param id             the patient's id (the id field, else the 1-based position in the request)
 * @param recommendation the recommended arm's label, or {@code DEFER}
 * @param armCode        the recommended arm's code as in the data; null when deferred
 * @param reason         the decision's reason in words
 * @param cate           two arms: the predicted effect of arm 1 against arm 0 in outcome units; null for K arms
 * @param lo             lower end of the effect interval; null when the bundle has none (Inclusive, K arms)
 * @param hi             upper end of the effect interval; null when the bundle has none
 * @param propensity     two arms: e(x) = P(arm 1 | x); null for K arms
 * @param effects        K arms: each non-reference arm's code → its effect against the reference; empty for two arms
 * @param propensities   K arms: each arm's code → P(arm | x); empty for two arms
 */
public record PatientRecommendation(String id, String recommendation, String armCode, String reason, Double cate,
                                    Double lo, Double hi, Double propensity, Map<String, Double> effects,
                                    Map<String, Double> propensities) {
    /** The recommendation text of a deferred patient. */
    public static final String DEFER = "DEFER";

    public PatientRecommendation {
        effects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(effects));
        propensities = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(propensities));
    }

    public boolean deferred() {
        return DEFER.equals(recommendation);
    }

    /** NaN (none) as null. */
    static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    /** The JSON object of the API, with the model's id and checksum. */
    ObjectNode toJson(String modelId, String bundleSha256) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("id", id).put("recommendation", recommendation).put("arm_code", armCode)
                .put("deferred", deferred()).put("reason", reason).put("cate", cate);
        if (lo == null || hi == null) {
            n.putNull("interval");
        } else {
            n.putObject("interval").put("lo", lo).put("hi", hi);
        }
        n.put("propensity", propensity);
        if (effects.isEmpty()) {
            n.putNull("effects");
            n.putNull("propensities");
        } else {
            ObjectNode e = n.putObject("effects");
            effects.forEach(e::put);
            ObjectNode p = n.putObject("propensities");
            propensities.forEach(p::put);
        }
        n.put("model_id", modelId).put("bundle_sha256", bundleSha256);
        return n;
    }
}

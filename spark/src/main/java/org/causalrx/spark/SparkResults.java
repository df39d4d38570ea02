package org.causalrx.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.pipeline.ResultsJson;
import org.causalrx.pipeline.RunResult;

/**
 * results.json of a Spark run: the {@link RunResult} serialised by {@link ResultsJson} (same keys, same
 * {@code schema_version}), followed by an {@code engine} object: {@code name} "spark", the Spark version and master,
 * and {@code not_computed}, every top-level key this engine leaves null or empty (not run on Spark yet), and the
 * empty parts of {@code policy_insights}.
 */
public final class SparkResults {
    private static final String PARTIAL = "policy_insights";
    private SparkResults() {
    }

    /**
     * The results.json text.
     *
     * @param sparkVersion the Spark version that ran
     * @param master       the Spark master, e.g. "local[2]"
     */
    public static String write(RunResult result, String sparkVersion, String master) {
        ObjectMapper mapper = ResultsJson.mapper();
        ObjectNode tree = mapper.valueToTree(result);
        ObjectNode engine = mapper.createObjectNode();
        engine.put("name", "spark");
        engine.put("spark_version", sparkVersion);
        engine.put("master", master);
        engine.set("not_computed", mapper.valueToTree(notComputed(tree)));
        tree.set("engine", engine);
        try {
            return mapper.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise results: " + e.getMessage(), e);
        }
    }

    /**
     * Top-level keys whose value is null or an empty list or object, and "key.child" for the empty lists and objects
     * inside {@code policy_insights} (computed in part: no outcome tree or rank curves).
     */
    static List<String> notComputed(ObjectNode tree) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isNull() || v.isContainerNode() && v.isEmpty()) {
                out.add(e.getKey());
            } else if (e.getKey().equals(PARTIAL)) {
                v.fields().forEachRemaining(c -> {
                    if (c.getValue().isContainerNode() && c.getValue().isEmpty()) {
                        out.add(PARTIAL + "." + c.getKey());
                    }
                });
            }
        }
        return out;
    }
}

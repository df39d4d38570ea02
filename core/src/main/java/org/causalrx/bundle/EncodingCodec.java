package org.causalrx.bundle;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.data.Encoding;
import org.causalrx.data.EncodingParts;
import org.causalrx.util.CausalRxException;

/**
 * {@code encoding.json}: the fitted covariate encoding, one entry per covariate in feature order: numeric (training
 * median, missing indicator, square) or categorical (levels in dummy order and the dropped reference level), and
 * the resulting feature names (checked on load).
 */
final class EncodingCodec {
    private EncodingCodec() {
    }

    static ObjectNode encode(Encoding encoding) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        ArrayNode parts = n.putArray("covariates");
        for (EncodingParts.Item it : EncodingParts.of(encoding)) {
            ObjectNode o = parts.addObject().put("name", it.name());
            if (it.categorical()) {
                o.put("type", "categorical").put("reference", it.reference());
                ArrayNode lv = o.putArray("levels");
                it.levels().forEach(lv::add);
            } else {
                o.put("type", "numeric").put("median", it.median()).put("missing_indicator", it.indicator())
                        .put("squared", it.squared());
            }
        }
        ArrayNode f = n.putArray("features");
        encoding.featureNames().forEach(f::add);
        return n;
    }

    static Encoding decode(JsonNode n, String file) {
        List<EncodingParts.Item> items = new ArrayList<>();
        try {
            for (JsonNode o : BundleFiles.field(n, "covariates", file)) {
                String name = BundleFiles.field(o, "name", file).asText();
                if (BundleFiles.field(o, "type", file).asText().equals("categorical")) {
                    List<String> levels = new ArrayList<>();
                    BundleFiles.field(o, "levels", file).forEach(l -> levels.add(l.asText()));
                    items.add(new EncodingParts.Item(name, true, Double.NaN, false, false,
                            BundleFiles.field(o, "reference", file).asText(), levels));
                } else {
                    items.add(new EncodingParts.Item(name, false, BundleFiles.field(o, "median", file).doubleValue(),
                            BundleFiles.field(o, "missing_indicator", file).asBoolean(),
                            BundleFiles.field(o, "squared", file).asBoolean(), null, List.of()));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new CausalRxException(file + ": " + e.getMessage() + "; re-run `causalrx run` to write it again");
        }
        Encoding enc = EncodingParts.build(items);
        List<String> want = new ArrayList<>();
        BundleFiles.field(n, "features", file).forEach(x -> want.add(x.asText()));
        if (!want.equals(enc.featureNames())) {
            throw new CausalRxException(file + ": the covariates give features " + enc.featureNames() + " but the "
                    + "file lists " + want + "; the bundle is inconsistent; re-run `causalrx run`");
        }
        return enc;
    }
}

package org.causalrx.bundle;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.learn.MultiProbabilityModel;
import org.causalrx.learn.OneVsRest;
import org.causalrx.learn.ProbabilityModel;
import org.causalrx.learn.linear.MultinomialModel;
import org.causalrx.learn.xgb.BoosterFiles;
import org.causalrx.learn.xgb.XGBoostSoftprobClassifier;
import org.causalrx.util.CausalRxException;

/**
 * Codecs for the generalized propensity models of a bundle for K ≥ 3 arms (the run's selected one, and those
 * inside K-arm X-learners): kind {@code multinomial} (K intercepts, K × p coefficients, p feature SDs, lambda; JSON
 * numbers, which keep every bit of a double), kind {@code xgboost_softprob} (the booster in XGBoost's {@code ubj}
 * format, and the number of classes) and kind {@code one_vs_rest} (the classes and their binary models, each with
 * the probability codecs of {@link ModelCodecs}). The K-arm CATE models are in {@link MultiArmCateCodecs}. A model
 * with no codec raises {@link NotBundleable} with the reason. The decoded models predict bit-identically.
 */
final class MultiArmCodecs {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MultiArmCodecs() {
    }

    /** @param stem file-name stem for a booster, e.g. "propensity" */
    static ObjectNode encodePropensity(MultiProbabilityModel m, String stem, BundleFiles files) throws NotBundleable {
        if (m instanceof MultinomialModel mm) {
            ObjectNode n = F.objectNode().put("kind", "multinomial").put("classes", mm.classes());
            ArrayNode b = n.putArray("intercepts");
            for (double v : mm.intercepts()) {
                b.add(v);
            }
            ArrayNode c = n.putArray("coefficients");
            for (double[] row : mm.coefficients()) {
                ArrayNode r = c.addArray();
                for (double v : row) {
                    r.add(v);
                }
            }
            ArrayNode sd = n.putArray("feature_sd");
            for (double v : mm.featureSd()) {
                sd.add(v);
            }
            if (Double.isFinite(mm.lambda())) {
                n.put("lambda", mm.lambda());
            } else {
                n.putNull("lambda");
            }
            return n;
        }
        if (m instanceof XGBoostSoftprobClassifier.Model xm) {
            String file = stem + "." + BoosterFiles.FORMAT;
            files.putBytes(file, BoosterFiles.save(xm));
            return F.objectNode().put("kind", "xgboost_softprob").put("classes", xm.classes()).put("file", file);
        }
        if (m instanceof OneVsRest.Fitted ovr) {
            ObjectNode n = F.objectNode().put("kind", "one_vs_rest").put("classes", ovr.classes());
            ArrayNode arr = n.putArray("models");
            for (int j = 0; j < ovr.models().size(); j++) {
                arr.add(ModelCodecs.encodeProbability(ovr.models().get(j), stem + "_ovr" + j, files));
            }
            return n;
        }
        throw new NotBundleable("the generalized propensity model (" + m.getClass().getSimpleName()
                + ") has no bundle codec yet");
    }

    static MultiProbabilityModel decodePropensity(JsonNode n, String file, BundleFiles files) {
        String kind = BundleFiles.field(n, "kind", file).asText();
        int classes = BundleFiles.integer(n, "classes", file);
        try {
            return switch (kind) {
                case "multinomial" -> {
                    List<double[]> rows = new ArrayList<>();
                    for (JsonNode r : BundleFiles.field(n, "coefficients", file)) {
                        rows.add(numbers(r, "coefficients", file));
                    }
                    JsonNode l = n.get("lambda");
                    MultinomialModel m = new MultinomialModel(numbers(BundleFiles.field(n, "intercepts", file),
                            "intercepts", file), rows.toArray(double[][]::new),
                            numbers(BundleFiles.field(n, "feature_sd", file), "feature_sd", file),
                            l == null || l.isNull() ? Double.NaN : l.asDouble());
                    if (m.classes() != classes) {
                        throw new IllegalArgumentException("the model has " + m.classes() + " classes, 'classes' "
                                + "says " + classes);
                    }
                    yield m;
                }
                case "xgboost_softprob" -> {
                    String f = BundleFiles.field(n, "file", file).asText();
                    yield BoosterFiles.loadSoftprob(files.bytes(f), classes, files.dir().resolve(f).toString());
                }
                case "one_vs_rest" -> {
                    List<ProbabilityModel> ms = new ArrayList<>();
                    for (JsonNode r : BundleFiles.field(n, "models", file)) {
                        ms.add(ModelCodecs.decodeProbability(r, file, files));
                    }
                    yield new OneVsRest.Fitted(ms, classes);
                }
                default -> throw new CausalRxException(file + ": unknown generalized propensity model kind '" + kind
                        + "'; use the CausalRx version that wrote the bundle");
            };
        } catch (IllegalArgumentException e) {
            throw new CausalRxException(file + ": " + e.getMessage() + "; re-run `causalrx run` to write the bundle "
                    + "again", e);
        }
    }

    private static double[] numbers(JsonNode arr, String field, String file) {
        if (!arr.isArray()) {
            throw new CausalRxException(file + ": field '" + field + "' must be an array of numbers; re-run "
                    + "`causalrx run` to write the bundle again");
        }
        double[] out = new double[arr.size()];
        for (int i = 0; i < out.length; i++) {
            if (!arr.get(i).isNumber()) {
                throw new CausalRxException(file + ": " + field + "[" + i + "] must be a number, found " + arr.get(i)
                        + "; re-run `causalrx run` to write the bundle again");
            }
            out[i] = arr.get(i).doubleValue();
        }
        return out;
    }
}

package org.causalrx.bundle;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.MultiArmTLearner;
import org.causalrx.learn.MultiProbabilityModel;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.linear.MultinomialModel;
import org.causalrx.learn.xgb.BoosterFiles;
import org.causalrx.learn.xgb.XGBoostSoftprobClassifier;
import org.causalrx.util.CausalRxException;

/**
 * Codecs for the K-arm models of a bundle for K ≥ 3 arms. Generalized propensity: kind {@code multinomial}
 * (K intercepts, K × p coefficients, p feature SDs, lambda; JSON numbers, which keep every bit of a double) and kind
 * {@code xgboost_softprob} (the booster in XGBoost's {@code ubj} format, and the number of classes). CATE: kind
 * {@code multi_arm_t_learner} (the K arm outcome models mu_0 … mu_{K−1}, each with the regression codecs of
 * {@link ModelCodecs}). A model with no codec raises {@link NotBundleable} with the reason. The decoded models
 * predict bit-identically.
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
                default -> throw new CausalRxException(file + ": unknown generalized propensity model kind '" + kind
                        + "'; use the CausalRx version that wrote the bundle");
            };
        } catch (IllegalArgumentException e) {
            throw new CausalRxException(file + ": " + e.getMessage() + "; re-run `causalrx run` to write the bundle "
                    + "again", e);
        }
    }

    /** @param name the estimator's name in the run, for file-name stems and messages */
    static ObjectNode encodeCate(String name, MultiArmCateModel m, BundleFiles files) throws NotBundleable {
        if (m instanceof MultiArmTLearner.Fitted tf) {
            ObjectNode n = F.objectNode().put("kind", "multi_arm_t_learner").put("name", name);
            ArrayNode mu = n.putArray("mu");
            String stem = "cate_" + ModelCodecs.safe(name);
            for (int a = 0; a < tf.arms(); a++) {
                try {
                    mu.add(ModelCodecs.encodeRegression(tf.mu().get(a), stem + "_mu" + a, files));
                } catch (NotBundleable nb) {
                    throw new NotBundleable(name + ": its model of arm " + a + " " + nb.getMessage());
                }
            }
            return n;
        }
        throw new NotBundleable(name + ": the K-arm model (" + m.getClass().getSimpleName().replace('$', '.')
                + ") has no bundle codec yet; t_xgboost, t_ridge and t_lasso can be bundled");
    }

    static MultiArmCateModel decodeCate(JsonNode n, String file, BundleFiles files) {
        String kind = BundleFiles.field(n, "kind", file).asText();
        if (kind.equals("multi_arm_t_learner")) {
            List<RegressionModel> mu = new ArrayList<>();
            for (JsonNode r : BundleFiles.field(n, "mu", file)) {
                mu.add(ModelCodecs.decodeRegression(r, file, files));
            }
            if (mu.size() < 2) {
                throw new CausalRxException(file + ": a K-arm T-learner needs at least 2 arm models, found "
                        + mu.size() + "; re-run `causalrx run` to write the bundle again");
            }
            return new MultiArmTLearner.Fitted(BundleFiles.field(n, "name", file).asText(), mu);
        }
        throw new CausalRxException(file + ": unknown K-arm CATE model kind '" + kind + "'; use the CausalRx "
                + "version that wrote the bundle");
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

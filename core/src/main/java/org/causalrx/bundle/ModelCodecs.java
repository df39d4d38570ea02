package org.causalrx.bundle;

import static org.causalrx.bundle.BundleFiles.number;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.Ensembles;
import org.causalrx.causal.TLearner;
import org.causalrx.causal.forest.CausalForestModel;
import org.causalrx.causal.meta.FinalStageModel;
import org.causalrx.causal.meta.SLearner;
import org.causalrx.causal.meta.XLearner;
import org.causalrx.causal.policytree.PolicyTree;
import org.causalrx.causal.uncertainty.FinalStageBootstrap;
import org.causalrx.learn.ClassifierRegressor;
import org.causalrx.learn.ProbabilityModel;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.bart.BartModel;
import org.causalrx.learn.linear.LinearModel;
import org.causalrx.learn.linear.LogisticModel;
import org.causalrx.learn.xgb.BoosterFiles;
import org.causalrx.learn.xgb.XGBoostClassifier;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.causalrx.util.CausalRxException;

/**
 * Codecs for the fitted models a bundle holds. Each model becomes a JSON object with a {@code kind}; XGBoost
 * boosters are written as separate {@code .ubj} files (XGBoost's own format) that the JSON names. Kinds:
 * regression {@code linear}, {@code xgboost_regression}, {@code classifier_as_regression}, {@code bart}; probability
 * {@code logistic}, {@code xgboost_classifier}; CATE {@code t_learner} (two arm models), {@code s_learner} (one
 * model on [x, t]), {@code x_learner} (tau0, tau1, propensity, clip), {@code final_stage} (R- and DR-learners)
 * and {@code ensemble} (mean or median of member CATE models, also {@link Ensembles.Combined}),
 * {@code final_stage_refit} (a DR-learner final-stage bootstrap refit), {@code causal_forest} (also an interval
 * model; {@code bart} and {@code causal_forest} are in {@link TreeModelCodecs}), {@code policy_tree} (also an
 * interval model, {@link PolicyTreeCodec}); the interval models
 * {@code bootstrap}, {@code bart_posterior}, {@code scaled_interval} and {@code joint} are decoded by
 * {@link IntervalCodecs}. CATE models of other modules (the neural networks of {@code nn}) are written and read by
 * the {@link CateModelCodec}s found with {@link java.util.ServiceLoader}, under their own kinds. A model no codec takes
 * raises {@link NotBundleable} with the reason. Adding a core model type means adding one encode and one decode
 * case here; another module's, a codec.
 */
final class ModelCodecs {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** CATE kinds decoded by the built-in cases of {@link #decodeCate}; a {@link CateModelCodec} must use others. */
    static final Set<String> BUILT_IN_CATE_KINDS = Set.of("t_learner", "s_learner", "x_learner", "final_stage",
            "final_stage_refit", "causal_forest", "bart_posterior", "bootstrap", "joint", "ensemble",
            "scaled_interval", "policy_tree");

    private ModelCodecs() {
    }

    /** The registered codecs, loaded once on first use (immutable). */
    private static final class Registered {
        static final CodecRegistry<CateModelCodec> CODECS = CodecRegistry.load(CateModelCodec.class,
                CateModelCodec::kinds, BUILT_IN_CATE_KINDS);
    }

    // ---- regression models -------------------------------------------------------------------------------------

    /** @param prefix file-name stem for boosters, e.g. "cate_t_xgboost_mu0" */
    static ObjectNode encodeRegression(RegressionModel m, String prefix, BundleFiles files) throws NotBundleable {
        if (m instanceof LinearModel lm) {
            return linear("linear", lm.intercept(), lm.coefficients(), lm.featureSd(), lm.lambda());
        }
        if (m instanceof XGBoostRegressor.Model xm) {
            String file = prefix + "." + BoosterFiles.FORMAT;
            files.putBytes(file, BoosterFiles.save(xm));
            return F.objectNode().put("kind", "xgboost_regression").put("file", file);
        }
        if (m instanceof BartModel bm) {
            return TreeModelCodecs.encodeBart(bm);
        }
        if (m instanceof ClassifierRegressor.Fitted cf) {
            ObjectNode n = F.objectNode().put("kind", "classifier_as_regression");
            n.set("classifier", encodeProbability(cf.model(), prefix, files));
            return n;
        }
        throw new NotBundleable(describe(m) + " has no bundle codec yet");
    }

    static RegressionModel decodeRegression(JsonNode n, String file, BundleFiles files) {
        String kind = BundleFiles.field(n, "kind", file).asText();
        return switch (kind) {
            case "linear" -> new LinearModel(number(n, "intercept", file), doubles(n, "coefficients", file),
                    doubles(n, "feature_sd", file), lambda(n));
            case "xgboost_regression" -> {
                String f = BundleFiles.field(n, "file", file).asText();
                yield BoosterFiles.loadRegressor(files.bytes(f), files.dir().resolve(f).toString());
            }
            case "bart" -> TreeModelCodecs.decodeBart(n, file);
            case "classifier_as_regression" ->
                    new ClassifierRegressor.Fitted(
                            decodeProbability(BundleFiles.field(n, "classifier", file), file, files));
            default -> throw unknownKind(kind, "regression model", file);
        };
    }

    // ---- probability models ------------------------------------------------------------------------------------

    static ObjectNode encodeProbability(ProbabilityModel m, String prefix, BundleFiles files) throws NotBundleable {
        if (m instanceof LogisticModel lm) {
            return linear("logistic", lm.intercept(), lm.coefficients(), lm.featureSd(), lm.lambda());
        }
        if (m instanceof XGBoostClassifier.Model xm) {
            String file = prefix + "." + BoosterFiles.FORMAT;
            files.putBytes(file, BoosterFiles.save(xm));
            return F.objectNode().put("kind", "xgboost_classifier").put("file", file);
        }
        throw new NotBundleable(describe(m) + " has no bundle codec yet");
    }

    static ProbabilityModel decodeProbability(JsonNode n, String file, BundleFiles files) {
        String kind = BundleFiles.field(n, "kind", file).asText();
        return switch (kind) {
            case "logistic" -> new LogisticModel(number(n, "intercept", file), doubles(n, "coefficients", file),
                    doubles(n, "feature_sd", file), lambda(n));
            case "xgboost_classifier" -> {
                String f = BundleFiles.field(n, "file", file).asText();
                yield BoosterFiles.loadClassifier(files.bytes(f), files.dir().resolve(f).toString());
            }
            default -> throw unknownKind(kind, "probability model", file);
        };
    }

    // ---- CATE models -------------------------------------------------------------------------------------------

    /**
     * @param members for an ensemble: its fitted members by name (study order); empty otherwise
     * @param median  for an ensemble: median (majority) rather than mean (average)
     */
    static ObjectNode encodeCate(String name, CateModel m, List<java.util.Map.Entry<String, CateModel>> members,
                                 boolean median, BundleFiles files) throws NotBundleable {
        if (!members.isEmpty()) {
            ObjectNode n = F.objectNode().put("kind", "ensemble").put("name", name)
                    .put("combine", median ? "median" : "mean");
            ArrayNode arr = n.putArray("members");
            for (java.util.Map.Entry<String, CateModel> e : members) {
                try {
                    arr.add(encodeCate(e.getKey(), e.getValue(), List.of(), false, files));
                } catch (NotBundleable nb) {
                    throw new NotBundleable("member " + nb.getMessage());
                }
            }
            return n;
        }
        if (m instanceof TLearner.Fitted tf) {
            ObjectNode n = F.objectNode().put("kind", "t_learner").put("name", name);
            String stem = "cate_" + safe(name);
            try {
                n.set("mu0", encodeRegression(tf.mu0(), stem + "_mu0", files));
                n.set("mu1", encodeRegression(tf.mu1(), stem + "_mu1", files));
            } catch (NotBundleable nb) {
                throw new NotBundleable(name + ": its arm model " + nb.getMessage());
            }
            return n;
        }
        if (m instanceof Ensembles.Combined c) {
            List<java.util.Map.Entry<String, CateModel>> named = new ArrayList<>();
            for (int k = 0; k < c.members().size(); k++) {
                named.add(java.util.Map.entry(name + "_m" + k, c.members().get(k)));
            }
            return encodeCate(name, c, named, c.median(), files);
        }
        if (m instanceof CausalForestModel cf) {
            return TreeModelCodecs.encodeForest(name, cf);
        }
        if (m instanceof PolicyTree pt) {
            return PolicyTreeCodec.encode(name, pt);
        }
        String stem = "cate_" + safe(name);
        try {
            if (m instanceof FinalStageBootstrap.Refit r) {
                ObjectNode n = F.objectNode().put("kind", "final_stage_refit").put("name", name);
                n.set("model", encodeRegression(r.model(), stem, files));
                return n;
            }
            if (m instanceof SLearner.Fitted sf) {
                ObjectNode n = F.objectNode().put("kind", "s_learner").put("name", name);
                n.set("model", encodeRegression(sf.model(), stem, files));
                return n;
            }
            if (m instanceof XLearner.Fitted xf) {
                ObjectNode n = F.objectNode().put("kind", "x_learner").put("name", name).put("clip", xf.clip());
                n.set("tau0", encodeRegression(xf.tau0(), stem + "_tau0", files));
                n.set("tau1", encodeRegression(xf.tau1(), stem + "_tau1", files));
                n.set("propensity", encodeProbability(xf.propensity(), stem + "_propensity", files));
                return n;
            }
            if (m instanceof FinalStageModel fs) {
                ObjectNode n = F.objectNode().put("kind", "final_stage").put("name", name);
                n.set("tau", encodeRegression(fs.tau(), stem, files));
                return n;
            }
        } catch (NotBundleable nb) {
            throw new NotBundleable(name + ": its component " + nb.getMessage());
        }
        CateModelCodec codec = Registered.CODECS.first(c -> c.encodes(m));
        if (codec != null) {
            return Registered.CODECS.checked(codec, codec.encode(name, m, new CodecContext(files, BundleFormat.CATE)));
        }
        throw new NotBundleable(name + ": " + describe(m) + " has no bundle codec yet");
    }

    static CateModel decodeCate(JsonNode n, String file, BundleFiles files) {
        String kind = BundleFiles.field(n, "kind", file).asText();
        return switch (kind) {
            case "t_learner" -> new TLearner.Fitted(BundleFiles.field(n, "name", file).asText(),
                    decodeRegression(BundleFiles.field(n, "mu0", file), file, files),
                    decodeRegression(BundleFiles.field(n, "mu1", file), file, files));
            case "s_learner" -> new SLearner.Fitted(decodeRegression(BundleFiles.field(n, "model", file), file, files));
            case "x_learner" -> new XLearner.Fitted(decodeRegression(BundleFiles.field(n, "tau0", file), file, files),
                    decodeRegression(BundleFiles.field(n, "tau1", file), file, files),
                    decodeProbability(BundleFiles.field(n, "propensity", file), file, files),
                    number(n, "clip", file));
            case "final_stage" -> new FinalStageModel(decodeRegression(BundleFiles.field(n, "tau", file), file, files));
            case "final_stage_refit" ->
                    new FinalStageBootstrap.Refit(decodeRegression(BundleFiles.field(n, "model", file), file, files));
            case "causal_forest" -> TreeModelCodecs.decodeForest(n, file);
            case "policy_tree" -> PolicyTreeCodec.decode(n, file);
            case "bart_posterior" -> IntervalCodecs.decodePosterior(n, file, files);
            case "bootstrap" -> IntervalCodecs.decodeBootstrap(n, file, files);
            case "joint" -> IntervalCodecs.decodeJoint(n, file, files);
            case "scaled_interval" -> IntervalCodecs.decodeScaled(n, file, files);
            case "ensemble" -> {
                List<CateModel> members = new ArrayList<>();
                for (JsonNode m : BundleFiles.field(n, "members", file)) {
                    members.add(decodeCate(m, file, files));
                }
                String combine = BundleFiles.field(n, "combine", file).asText();
                if (!combine.equals("mean") && !combine.equals("median") || members.isEmpty()) {
                    throw new CausalRxException(file + ": ensemble needs members and combine 'mean' or 'median' "
                            + "(found '" + combine + "', " + members.size() + " members); re-run `causalrx run`");
                }
                yield Ensembles.combineFitted(members, combine.equals("median"));
            }
            default -> {
                CateModelCodec codec = Registered.CODECS.forKind(kind);
                if (codec == null) {
                    throw unknownKind(kind, "CATE model", file);
                }
                yield codec.decode(n, new CodecContext(files, file));
            }
        };
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static ObjectNode linear(String kind, double intercept, double[] coef, double[] sd, double lambda) {
        ObjectNode n = F.objectNode().put("kind", kind).put("intercept", intercept);
        ArrayNode c = n.putArray("coefficients");
        for (double v : coef) {
            c.add(v);
        }
        ArrayNode s = n.putArray("feature_sd");
        for (double v : sd) {
            s.add(v);
        }
        if (Double.isFinite(lambda)) {
            n.put("lambda", lambda);
        } else {
            n.putNull("lambda");
        }
        return n;
    }

    private static double lambda(JsonNode n) {
        JsonNode l = n.get("lambda");
        return l == null || l.isNull() ? Double.NaN : l.asDouble();
    }

    private static double[] doubles(JsonNode n, String field, String file) {
        JsonNode arr = BundleFiles.field(n, field, file);
        double[] out = new double[arr.size()];
        for (int i = 0; i < out.length; i++) {
            if (!arr.get(i).isNumber()) {
                throw new CausalRxException(file + ": " + field + "[" + i + "] must be a number, found "
                        + arr.get(i) + "; re-run `causalrx run` to write the bundle again");
            }
            out[i] = arr.get(i).doubleValue();
        }
        return out;
    }

    private static CausalRxException unknownKind(String kind, String what, String file) {
        return new CausalRxException(file + ": unknown " + what + " kind '" + kind + "' (this CausalRx reads "
                + "bundles of format " + BundleFormat.SUPPORTED + "); use the CausalRx version that wrote the bundle");
    }

    private static String describe(Object m) {
        String n = m.getClass().getName();
        int lambda = n.indexOf("$$Lambda");
        if (lambda >= 0) {
            String owner = n.substring(n.lastIndexOf('.', lambda) + 1, lambda);
            return "the model fitted by " + owner + " (an inline function with no saved form)";
        }
        return "a " + n.substring(n.lastIndexOf('.') + 1).replace('$', '.');
    }

    /** File-name-safe stem: letters, digits, '_' and '-'. */
    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}

package org.causalrx.bundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.MultiArmEnsembles;
import org.causalrx.causal.MultiArmTLearner;
import org.causalrx.causal.forest.MultiArmCausalForestModel;
import org.causalrx.causal.meta.MultiArmDRLearner;
import org.causalrx.causal.meta.MultiArmSLearner;
import org.causalrx.causal.meta.MultiArmXLearner;
import org.causalrx.causal.policytree.MultiArmPolicyTree;
import org.causalrx.learn.RegressionModel;
import org.causalrx.util.CausalRxException;

/**
 * Codecs for the K-arm CATE models of a bundle; every arm or stage model goes through the regression and
 * probability codecs of {@link ModelCodecs} and {@link MultiArmCodecs}, so a K-arm learner can be bundled whenever
 * its base learners can (XGBoost boosters, linear models, BART). Kinds: {@code multi_arm_t_learner} (the K arm
 * outcome models {@code mu}), {@code multi_arm_s_learner} (one model on [x, arm indicators] and K),
 * {@code multi_arm_x_learner} (per arm a ≥ 1 {@code tau_reference} and {@code tau_treated}, the K-arm
 * {@code propensity} and {@code clip}), {@code multi_arm_dr_learner} (per arm a ≥ 1 the final stage {@code tau}),
 * {@code multi_arm_causal_forest} ({@link TreeModelCodecs}), {@code multi_arm_policy_tree} ({@link PolicyTreeCodec}),
 * {@code multi_arm_average}, {@code multi_arm_majority} and {@code multi_arm_consensus} (named members, each a K-arm
 * CATE model). K-arm models of other modules (the neural networks of {@code nn}) are written and read by the
 * {@link MultiArmCateModelCodec}s found with {@link java.util.ServiceLoader}, under their own kinds. The decoded
 * models predict bit-identically.
 */
final class MultiArmCateCodecs {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** Kinds decoded by the built-in cases of {@link #decode}; a {@link MultiArmCateModelCodec} must use others. */
    static final Set<String> BUILT_IN_KINDS = Set.of("multi_arm_t_learner", "multi_arm_s_learner",
            "multi_arm_x_learner", "multi_arm_dr_learner", "multi_arm_causal_forest", "multi_arm_policy_tree",
            "multi_arm_average", "multi_arm_majority", "multi_arm_consensus");

    private MultiArmCateCodecs() {
    }

    /** The registered K-arm codecs, loaded once on first use (immutable). */
    private static final class Registered {
        static final CodecRegistry<MultiArmCateModelCodec> CODECS = CodecRegistry.load(MultiArmCateModelCodec.class,
                MultiArmCateModelCodec::kinds, BUILT_IN_KINDS);
    }

    /** @param name the estimator's name in the run, for file-name stems and messages */
    static ObjectNode encode(String name, MultiArmCateModel m, BundleFiles files) throws NotBundleable {
        String stem = "cate_" + ModelCodecs.safe(name);
        if (m instanceof MultiArmCausalForestModel cf) {
            return TreeModelCodecs.encodeMultiArmForest(name, cf);
        }
        if (m instanceof MultiArmPolicyTree pt) {
            return PolicyTreeCodec.encodeMultiArm(name, pt);
        }
        if (m instanceof MultiArmEnsembles.Averaged av) {
            return members(F.objectNode().put("kind", "multi_arm_average").put("name", name), memberNames(name,
                    av.members().size()), av.members(), files);
        }
        if (m instanceof MultiArmEnsembles.Median md) {
            return members(F.objectNode().put("kind", "multi_arm_majority").put("name", name), memberNames(name,
                    md.members().size()), md.members(), files);
        }
        if (m instanceof MultiArmEnsembles.Consensus c) {
            return members(F.objectNode().put("kind", "multi_arm_consensus").put("name", name), c.names(),
                    c.members(), files);
        }
        try {
            if (m instanceof MultiArmTLearner.Fitted tf) {
                ObjectNode n = F.objectNode().put("kind", "multi_arm_t_learner").put("name", name);
                n.set("mu", regressions(tf.mu(), stem + "_mu", 0, files));
                return n;
            }
            if (m instanceof MultiArmSLearner.Fitted sf) {
                ObjectNode n = F.objectNode().put("kind", "multi_arm_s_learner").put("name", name)
                        .put("arms", sf.arms());
                n.set("model", ModelCodecs.encodeRegression(sf.model(), stem, files));
                return n;
            }
            if (m instanceof MultiArmXLearner.Fitted xf) {
                ObjectNode n = F.objectNode().put("kind", "multi_arm_x_learner").put("name", name)
                        .put("clip", xf.clip());
                n.set("tau_reference", regressions(xf.tauReference(), stem + "_tau_ref", 1, files));
                n.set("tau_treated", regressions(xf.tauTreated(), stem + "_tau_arm", 1, files));
                n.set("propensity", MultiArmCodecs.encodePropensity(xf.propensity(), stem + "_propensity", files));
                return n;
            }
            if (m instanceof MultiArmDRLearner.Fitted df) {
                ObjectNode n = F.objectNode().put("kind", "multi_arm_dr_learner").put("name", name);
                n.set("tau", regressions(df.tau(), stem + "_tau", 1, files));
                return n;
            }
        } catch (NotBundleable nb) {
            throw new NotBundleable(name + ": its component " + nb.getMessage());
        }
        MultiArmCateModelCodec codec = Registered.CODECS.first(c -> c.encodes(m));
        if (codec != null) {
            return Registered.CODECS.checked(codec, codec.encode(name, m, new CodecContext(files, BundleFormat.CATE)));
        }
        throw new NotBundleable(name + ": the K-arm model (" + m.getClass().getSimpleName().replace('$', '.')
                + ") has no bundle codec yet");
    }

    static MultiArmCateModel decode(JsonNode n, String file, BundleFiles files) {
        String kind = BundleFiles.field(n, "kind", file).asText();
        try {
            return switch (kind) {
                case "multi_arm_t_learner" -> {
                    List<RegressionModel> mu = regressions(n, "mu", file, files);
                    if (mu.size() < 2) {
                        throw new IllegalArgumentException("a K-arm T-learner needs at least 2 arm models, found "
                                + mu.size());
                    }
                    yield new MultiArmTLearner.Fitted(BundleFiles.field(n, "name", file).asText(), mu);
                }
                case "multi_arm_s_learner" -> new MultiArmSLearner.Fitted(ModelCodecs.decodeRegression(
                        BundleFiles.field(n, "model", file), file, files), BundleFiles.integer(n, "arms", file));
                case "multi_arm_x_learner" -> new MultiArmXLearner.Fitted(regressions(n, "tau_reference", file, files),
                        regressions(n, "tau_treated", file, files),
                        MultiArmCodecs.decodePropensity(BundleFiles.field(n, "propensity", file), file, files),
                        BundleFiles.number(n, "clip", file));
                case "multi_arm_dr_learner" -> new MultiArmDRLearner.Fitted(regressions(n, "tau", file, files));
                case "multi_arm_causal_forest" -> TreeModelCodecs.decodeMultiArmForest(n, file);
                case "multi_arm_policy_tree" -> PolicyTreeCodec.decodeMultiArm(n, file);
                case "multi_arm_average" -> MultiArmEnsembles.averageFitted(decodeMembers(n, file, files, null));
                case "multi_arm_majority" -> MultiArmEnsembles.majorityFitted(decodeMembers(n, file, files, null));
                case "multi_arm_consensus" -> {
                    List<String> names = new ArrayList<>();
                    List<MultiArmCateModel> ms = decodeMembers(n, file, files, names);
                    yield new MultiArmEnsembles.Consensus(names, ms);
                }
                default -> {
                    MultiArmCateModelCodec codec = Registered.CODECS.forKind(kind);
                    if (codec == null) {
                        throw new CausalRxException(file + ": unknown K-arm CATE model kind '" + kind
                                + "'; use the CausalRx version that wrote the bundle");
                    }
                    yield codec.decode(n, new CodecContext(files, file));
                }
            };
        } catch (IllegalArgumentException e) {
            throw new CausalRxException(file + ": " + e.getMessage() + "; re-run `causalrx run` to write the bundle "
                    + "again", e);
        }
    }

    /** Regression models {@code stem + (first + j)}, one per entry. */
    private static ArrayNode regressions(List<RegressionModel> models, String stem, int first, BundleFiles files)
            throws NotBundleable {
        ArrayNode arr = F.arrayNode();
        for (int j = 0; j < models.size(); j++) {
            try {
                arr.add(ModelCodecs.encodeRegression(models.get(j), stem + (first + j), files));
            } catch (NotBundleable nb) {
                throw new NotBundleable("model of arm " + (first + j) + " " + nb.getMessage());
            }
        }
        return arr;
    }

    private static List<RegressionModel> regressions(JsonNode n, String field, String file, BundleFiles files) {
        List<RegressionModel> out = new ArrayList<>();
        for (JsonNode r : BundleFiles.field(n, field, file)) {
            out.add(ModelCodecs.decodeRegression(r, file, files));
        }
        return out;
    }

    /** Names of an ensemble's members in the bundle: {@code name_m0}, {@code name_m1}, ... */
    private static List<String> memberNames(String name, int count) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            names.add(name + "_m" + j);
        }
        return names;
    }

    private static ObjectNode members(ObjectNode n, List<String> names, List<MultiArmCateModel> models,
                                      BundleFiles files) throws NotBundleable {
        ArrayNode arr = n.putArray("members");
        for (int j = 0; j < models.size(); j++) {
            try {
                arr.add(encode(names.get(j), models.get(j), files));
            } catch (NotBundleable nb) {
                throw new NotBundleable("member " + nb.getMessage());
            }
        }
        return n;
    }

    /** The members in order; their names are added to {@code names} when it is not null. */
    private static List<MultiArmCateModel> decodeMembers(JsonNode n, String file, BundleFiles files,
                                                         List<String> names) {
        List<MultiArmCateModel> out = new ArrayList<>();
        for (JsonNode m : BundleFiles.field(n, "members", file)) {
            out.add(decode(m, file, files));
            if (names != null) {
                names.add(BundleFiles.field(m, "name", file).asText());
            }
        }
        return out;
    }
}

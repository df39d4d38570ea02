package org.causalrx.nn;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.bundle.CodecContext;
import org.causalrx.bundle.MultiArmCateModelCodec;
import org.causalrx.bundle.NotBundleable;
import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.learn.MultiProbabilityModel;

/**
 * Writes the K-arm neural CATE models into a K-arm model bundle and reads them back, registered through
 * {@link java.util.ServiceLoader} as a {@link MultiArmCateModelCodec}. Kinds: {@code multi_arm_net} (a
 * {@link MultiArmNetModel} of K-arm TARNet or DragonNet: {@code arms} K, standardiser, outcome coding and the
 * ensemble of K-headed networks, with DragonNet's softmax propensity head and K − 1 epsilons) and
 * {@code multi_arm_x_multitask} (a {@link MultiArmXMultiTaskModel}: also its K-class propensity model through the
 * built-in generalized propensity codecs, its clip, the stage-1 ensemble with K heads of the outcome's outputs and the
 * stage-2 ensemble with K heads of (K − 1) × outputs). Networks, standardiser and coding are written as by
 * {@link NnBundleCodec} ({@link NetCodec}), exactly, so the decoded model predicts bit-identically. Stateless.
 */
public final class MultiArmNnBundleCodec implements MultiArmCateModelCodec {
    static final String NET = "multi_arm_net";
    static final String X_MULTITASK = "multi_arm_x_multitask";

    @Override
    public Set<String> kinds() {
        return Set.of(NET, X_MULTITASK);
    }

    @Override
    public boolean encodes(MultiArmCateModel m) {
        return m instanceof MultiArmNetModel || m instanceof MultiArmXMultiTaskModel;
    }

    @Override
    public ObjectNode encode(String name, MultiArmCateModel m, CodecContext context) throws NotBundleable {
        if (m instanceof MultiArmNetModel a) {
            ArmNetModel net = a.network();
            ObjectNode n = NetCodec.header(NET, name, net.standardizer(), net.coding(), context).put("arms", a.arms());
            n.set("net", NetCodec.ensemble(net.network(), context));
            return n;
        }
        if (m instanceof MultiArmXMultiTaskModel x) {
            ObjectNode n = NetCodec.header(X_MULTITASK, name, x.standardizer(), x.coding(), context)
                    .put("arms", x.arms()).put("clip", x.clip());
            try {
                n.set("propensity", context.encodeMultiProbability(x.propensityModel(),
                        context.stem(name) + "_propensity"));
            } catch (NotBundleable nb) {
                throw new NotBundleable(name + ": its propensity model " + nb.getMessage());
            }
            n.set("stage1", NetCodec.ensemble(x.stage1(), context));
            n.set("stage2", NetCodec.ensemble(x.stage2(), context));
            return n;
        }
        throw new NotBundleable(name + ": not a K-arm neural CATE model (" + m.getClass().getSimpleName() + ")");
    }

    @Override
    public MultiArmCateModel decode(JsonNode n, CodecContext context) {
        String kind = context.field(n, "kind").asText();
        int k = context.integer(n, "arms");
        if (k < 2) {
            throw context.damaged(kind + " needs at least 2 arms, found " + k);
        }
        Standardizer st = NetCodec.standardizer(n, context);
        OutcomeCoding coding = NetCodec.coding(n, context);
        int out = coding.outputs();
        return switch (kind) {
            case NET -> new MultiArmNetModel(new ArmNetModel(st, coding, NetCodec.ensemble(context.field(n, "net"),
                    st, k, out, context)));
            case X_MULTITASK -> {
                double clip = NetCodec.clip(n, context);
                MultiProbabilityModel e = context.decodeMultiProbability(context.field(n, "propensity"));
                if (e.classes() != k) {
                    throw context.damaged(kind + " has " + k + " arms but its propensity model " + e.classes()
                            + " classes");
                }
                yield new MultiArmXMultiTaskModel(st, coding, e, clip,
                        NetCodec.ensemble(context.field(n, "stage1"), st, k, out, context),
                        NetCodec.ensemble(context.field(n, "stage2"), st, k, (k - 1) * out, context));
            }
            default -> throw context.damaged("kind '" + kind + "' is not a K-arm neural CATE model");
        };
    }
}

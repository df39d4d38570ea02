package org.causalrx.nn;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.bundle.CateModelCodec;
import org.causalrx.bundle.CodecContext;
import org.causalrx.bundle.NotBundleable;
import org.causalrx.causal.CateModel;

/**
 * Writes the neural CATE models into a model bundle and reads them back, registered through
 * {@link java.util.ServiceLoader} as a {@link CateModelCodec}. Kinds: {@code arm_net} (an {@link ArmNetModel} of
 * TARNet or DragonNet: standardiser, outcome coding, ensemble) and {@code x_multitask} (an {@link XMultiTaskModel}:
 * also the propensity model through the built-in probability codecs, its clip, and the stage-1 and stage-2
 * ensembles). An ensemble is a list of members, each its {@link NetSpec} and every parameter (float32) concatenated
 * in the spec's layout order, stored exactly as packed little-endian floats; the standardiser's means and sds as
 * packed doubles ({@link NetCodec}). The decoded model runs the same plain-Java forward pass on the same numbers, so
 * it predicts bit-identically. Stateless.
 */
public final class NnBundleCodec implements CateModelCodec {
    static final String ARM_NET = "arm_net";
    static final String X_MULTITASK = "x_multitask";

    @Override
    public Set<String> kinds() {
        return Set.of(ARM_NET, X_MULTITASK);
    }

    @Override
    public boolean encodes(CateModel m) {
        return m instanceof ArmNetModel || m instanceof XMultiTaskModel;
    }

    @Override
    public ObjectNode encode(String name, CateModel m, CodecContext context) throws NotBundleable {
        if (m instanceof ArmNetModel a) {
            ObjectNode n = NetCodec.header(ARM_NET, name, a.standardizer(), a.coding(), context);
            n.set("net", NetCodec.ensemble(a.network(), context));
            return n;
        }
        if (m instanceof XMultiTaskModel x) {
            ObjectNode n = NetCodec.header(X_MULTITASK, name, x.standardizer(), x.coding(), context)
                    .put("clip", x.clip());
            try {
                n.set("propensity", context.encodeProbability(x.propensityModel(),
                        context.stem(name) + "_propensity"));
            } catch (NotBundleable nb) {
                throw new NotBundleable(name + ": its propensity model " + nb.getMessage());
            }
            n.set("stage1", NetCodec.ensemble(x.stage1(), context));
            n.set("stage2", NetCodec.ensemble(x.stage2(), context));
            return n;
        }
        throw new NotBundleable(name + ": not a neural CATE model (" + m.getClass().getSimpleName() + ")");
    }

    @Override
    public CateModel decode(JsonNode n, CodecContext context) {
        String kind = context.field(n, "kind").asText();
        Standardizer st = NetCodec.standardizer(n, context);
        OutcomeCoding coding = NetCodec.coding(n, context);
        int out = coding.outputs();
        return switch (kind) {
            case ARM_NET -> new ArmNetModel(st, coding, NetCodec.ensemble(context.field(n, "net"), st, 2, out,
                    context));
            case X_MULTITASK -> new XMultiTaskModel(st, coding, context.decodeProbability(context.field(n,
                    "propensity")), NetCodec.clip(n, context),
                    NetCodec.ensemble(context.field(n, "stage1"), st, 2, out, context),
                    NetCodec.ensemble(context.field(n, "stage2"), st, 2, out, context));
            default -> throw context.damaged("kind '" + kind + "' is not a neural CATE model");
        };
    }
}

package org.causalrx.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.bundle.CateModelCodec;
import org.causalrx.bundle.CodecContext;
import org.causalrx.bundle.NotBundleable;
import org.causalrx.causal.CateModel;
import org.causalrx.nn.NnSettings.OutcomeType;

/**
 * Writes the neural CATE models into a model bundle and reads them back, registered through
 * {@link java.util.ServiceLoader} as a {@link CateModelCodec}. Kinds: {@code arm_net} (an {@link ArmNetModel} of
 * TARNet or DragonNet: standardiser, outcome coding, ensemble) and {@code x_multitask} (an {@link XMultiTaskModel}:
 * also the propensity model through the built-in probability codecs, its clip, and the stage-1 and stage-2
 * ensembles). An ensemble is a list of members, each its {@link NetSpec} and every parameter (float32) concatenated
 * in the spec's layout order, stored exactly as packed little-endian floats; the standardiser's means and sds as
 * packed doubles. The decoded model runs the same plain-Java forward pass on the same numbers, so it predicts
 * bit-identically. Stateless.
 */
public final class NnBundleCodec implements CateModelCodec {
    static final String ARM_NET = "arm_net";
    static final String X_MULTITASK = "x_multitask";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String LAYOUT = "NetSpec parameter order: trunk (W, b) per layer; per head (W, b) per hidden "
            + "layer, then the output layer; propensity (W, b) and epsilon when present; W is in x out, row-major; "
            + "arrays: base64 zlib chunks, little-endian float32 (params) / float64 (standardiser)";

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
            ObjectNode n = header(ARM_NET, name, a.standardizer(), a.coding(), context);
            n.set("net", ensemble(a.network(), context));
            return n;
        }
        if (m instanceof XMultiTaskModel x) {
            ObjectNode n = header(X_MULTITASK, name, x.standardizer(), x.coding(), context).put("clip", x.clip());
            try {
                n.set("propensity", context.encodeProbability(x.propensityModel(),
                        context.stem(name) + "_propensity"));
            } catch (NotBundleable nb) {
                throw new NotBundleable(name + ": its propensity model " + nb.getMessage());
            }
            n.set("stage1", ensemble(x.stage1(), context));
            n.set("stage2", ensemble(x.stage2(), context));
            return n;
        }
        throw new NotBundleable(name + ": not a neural CATE model (" + m.getClass().getSimpleName() + ")");
    }

    @Override
    public CateModel decode(JsonNode n, CodecContext context) {
        String kind = context.field(n, "kind").asText();
        Standardizer st = standardizer(context.field(n, "standardizer"), context);
        OutcomeCoding coding = coding(context.field(n, "coding"), context);
        return switch (kind) {
            case ARM_NET -> new ArmNetModel(st, coding, ensemble(context.field(n, "net"), st, coding, context));
            case X_MULTITASK -> {
                double clip = context.number(n, "clip");
                if (!(clip >= 0 && clip < 0.5)) {
                    throw context.damaged("x_multitask clip must be in [0, 0.5), found " + clip);
                }
                yield new XMultiTaskModel(st, coding, context.decodeProbability(context.field(n, "propensity")), clip,
                        ensemble(context.field(n, "stage1"), st, coding, context),
                        ensemble(context.field(n, "stage2"), st, coding, context));
            }
            default -> throw context.damaged("kind '" + kind + "' is not a neural CATE model");
        };
    }

    private static ObjectNode header(String kind, String name, Standardizer st, OutcomeCoding coding,
                                     CodecContext context) {
        ObjectNode n = F.objectNode().put("kind", kind).put("name", name).put("layout", LAYOUT);
        ObjectNode s = n.putObject("standardizer");
        s.set("mean", context.packDoubles(st.mean()));
        s.set("sd", context.packDoubles(st.sd()));
        n.putObject("coding").put("type", coding.type().name().toLowerCase(Locale.ROOT)).put("mean", coding.mean())
                .put("sd", coding.sd()).put("classes", coding.classes());
        return n;
    }

    private static ArrayNode ensemble(NetEnsemble e, CodecContext context) {
        ArrayNode members = F.arrayNode();
        for (NetParams p : e.members()) {
            NetSpec s = p.spec();
            ObjectNode m = members.addObject();
            m.putObject("spec").put("inputs", s.inputs()).put("hidden", s.hidden())
                    .put("shared_depth", s.sharedDepth()).put("head_hidden", s.headHidden())
                    .put("head_depth", s.headDepth()).put("heads", s.heads()).put("outputs", s.outputs())
                    .put("propensity", s.propensity());
            float[][] values = p.values();
            int total = 0;
            for (float[] v : values) {
                total += v.length;
            }
            float[] all = new float[total];
            int at = 0;
            for (float[] v : values) {
                System.arraycopy(v, 0, all, at, v.length);
                at += v.length;
            }
            m.set("params", context.packFloats(all));
        }
        return members;
    }

    private static NetEnsemble ensemble(JsonNode members, Standardizer st, OutcomeCoding coding,
                                        CodecContext context) {
        if (!members.isArray() || members.isEmpty()) {
            throw context.damaged("a network ensemble needs a non-empty array of members");
        }
        List<NetParams> out = new ArrayList<>();
        for (JsonNode m : members) {
            NetSpec spec = spec(context.field(m, "spec"), context);
            if (spec.inputs() != st.columns() || spec.outputs() != coding.outputs()) {
                throw context.damaged("a network has " + spec.inputs() + " inputs and " + spec.outputs()
                        + " outputs per head, but the standardiser has " + st.columns() + " columns and the outcome "
                        + "coding " + coding.outputs() + " outputs");
            }
            List<int[]> shapes = spec.shapes();
            long expected = 0;
            for (int[] sh : shapes) {
                expected += (long) sh[0] * sh[1];
            }
            float[] all = context.floats(m, "params");
            if (all.length != expected) {
                throw context.damaged("a network's params hold " + all.length + " floats; its spec needs " + expected);
            }
            float[][] values = new float[shapes.size()][];
            int at = 0;
            for (int i = 0; i < values.length; i++) {
                int len = shapes.get(i)[0] * shapes.get(i)[1];
                values[i] = Arrays.copyOfRange(all, at, at + len);
                at += len;
            }
            out.add(new NetParams(spec, values));
        }
        return new NetEnsemble(out);
    }

    private static NetSpec spec(JsonNode s, CodecContext context) {
        JsonNode prop = context.field(s, "propensity");
        if (!prop.isBoolean()) {
            throw context.damaged("network spec field 'propensity' must be true or false, found " + prop);
        }
        NetSpec spec = new NetSpec(context.integer(s, "inputs"), context.integer(s, "hidden"),
                context.integer(s, "shared_depth"), context.integer(s, "head_hidden"),
                context.integer(s, "head_depth"), context.integer(s, "heads"), context.integer(s, "outputs"),
                prop.booleanValue());
        if (spec.inputs() < 1 || spec.hidden() < 1 || spec.sharedDepth() < 1 || spec.headHidden() < 1
                || spec.headDepth() < 0 || spec.heads() != 2 || spec.outputs() < 1) {
            throw context.damaged("network spec " + spec + " is not a two-headed network with positive sizes");
        }
        return spec;
    }

    private static Standardizer standardizer(JsonNode n, CodecContext context) {
        try {
            return Standardizer.of(context.doubles(n, "mean"), context.doubles(n, "sd"));
        } catch (IllegalArgumentException e) {
            throw context.damaged(e.getMessage());
        }
    }

    private static OutcomeCoding coding(JsonNode n, CodecContext context) {
        String t = context.field(n, "type").asText();
        OutcomeType type;
        try {
            type = OutcomeType.valueOf(t.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            type = OutcomeType.AUTO;
        }
        double mean = context.number(n, "mean");
        double sd = context.number(n, "sd");
        int classes = context.integer(n, "classes");
        if (type == OutcomeType.AUTO || !Double.isFinite(mean) || !(sd > 0) || !Double.isFinite(sd)
                || (type == OutcomeType.CATEGORICAL ? classes < 2 : classes != 1)) {
            throw context.damaged("outcome coding (type '" + t + "', mean " + mean + ", sd " + sd + ", classes "
                    + classes + ") is not continuous, binary or categorical with a positive sd and a class count "
                    + "that fits the type");
        }
        return new OutcomeCoding(type, mean, sd, classes);
    }
}

package org.causalrx.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.bundle.CodecContext;
import org.causalrx.nn.NnSettings.OutcomeType;

/**
 * The parts of a neural model in a bundle, shared by {@link NnBundleCodec} (two arms) and
 * {@link MultiArmNnBundleCodec} (K arms): the header (kind, name, layout description, standardiser means and sds as
 * packed float64, outcome coding) and network ensembles (per member its {@link NetSpec} and every float32 parameter
 * concatenated in the spec's layout order, packed exactly). Reading checks every shape against the standardiser, the
 * expected number of heads and outputs per head. Stateless.
 */
final class NetCodec {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String LAYOUT = "NetSpec parameter order: trunk (W, b) per layer; per head (W, b) per hidden "
            + "layer, then the output layer; propensity (W, b) and epsilon when present; W is in x out, row-major; "
            + "arrays: base64 zlib chunks, little-endian float32 (params) / float64 (standardiser)";

    private NetCodec() {
    }

    /** A model's JSON object with its kind, name, layout description, standardiser and outcome coding. */
    static ObjectNode header(String kind, String name, Standardizer st, OutcomeCoding coding, CodecContext context) {
        ObjectNode n = F.objectNode().put("kind", kind).put("name", name).put("layout", LAYOUT);
        ObjectNode s = n.putObject("standardizer");
        s.set("mean", context.packDoubles(st.mean()));
        s.set("sd", context.packDoubles(st.sd()));
        n.putObject("coding").put("type", coding.type().name().toLowerCase(Locale.ROOT)).put("mean", coding.mean())
                .put("sd", coding.sd()).put("classes", coding.classes());
        return n;
    }

    /** The members of {@code e}, each its spec and packed parameters. */
    static ArrayNode ensemble(NetEnsemble e, CodecContext context) {
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

    /**
     * The ensemble written by {@link #ensemble(NetEnsemble, CodecContext)}, every member with {@code st.columns()}
     * inputs, {@code heads} heads and {@code outputs} outputs per head.
     */
    static NetEnsemble ensemble(JsonNode members, Standardizer st, int heads, int outputs, CodecContext context) {
        if (!members.isArray() || members.isEmpty()) {
            throw context.damaged("a network ensemble needs a non-empty array of members");
        }
        List<NetParams> out = new ArrayList<>();
        for (JsonNode m : members) {
            NetSpec spec = spec(context.field(m, "spec"), heads, context);
            if (spec.inputs() != st.columns() || spec.outputs() != outputs) {
                throw context.damaged("a network has " + spec.inputs() + " inputs and " + spec.outputs()
                        + " outputs per head, but the standardiser has " + st.columns() + " columns and the model "
                        + "needs " + outputs + " outputs per head");
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

    private static NetSpec spec(JsonNode s, int heads, CodecContext context) {
        JsonNode prop = context.field(s, "propensity");
        if (!prop.isBoolean()) {
            throw context.damaged("network spec field 'propensity' must be true or false, found " + prop);
        }
        NetSpec spec = new NetSpec(context.integer(s, "inputs"), context.integer(s, "hidden"),
                context.integer(s, "shared_depth"), context.integer(s, "head_hidden"),
                context.integer(s, "head_depth"), context.integer(s, "heads"), context.integer(s, "outputs"),
                prop.booleanValue());
        if (spec.inputs() < 1 || spec.hidden() < 1 || spec.sharedDepth() < 1 || spec.headHidden() < 1
                || spec.headDepth() < 0 || spec.heads() != heads || spec.outputs() < 1) {
            throw context.damaged("network spec " + spec + " is not a network of " + heads + " heads with positive "
                    + "sizes");
        }
        return spec;
    }

    /** The standardiser of a model's JSON object. */
    static Standardizer standardizer(JsonNode model, CodecContext context) {
        JsonNode n = context.field(model, "standardizer");
        try {
            return Standardizer.of(context.doubles(n, "mean"), context.doubles(n, "sd"));
        } catch (IllegalArgumentException e) {
            throw context.damaged(e.getMessage());
        }
    }

    /** The outcome coding of a model's JSON object. */
    static OutcomeCoding coding(JsonNode model, CodecContext context) {
        JsonNode n = context.field(model, "coding");
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

    /** The propensity clip of an X-MultiTask model's JSON object, in [0, 0.5). */
    static double clip(JsonNode model, CodecContext context) {
        double clip = context.number(model, "clip");
        if (!(clip >= 0 && clip < 0.5)) {
            throw context.damaged(context.field(model, "kind").asText() + " clip must be in [0, 0.5), found " + clip);
        }
        return clip;
    }
}

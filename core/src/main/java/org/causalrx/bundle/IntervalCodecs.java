package org.causalrx.bundle;

import static org.causalrx.bundle.BundleFiles.number;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.IntervalCateModel;
import org.causalrx.causal.bounds.CateBounds;
import org.causalrx.causal.bounds.CateBoundsFamily;
import org.causalrx.causal.bounds.JointCateModel;
import org.causalrx.causal.forest.CausalForestModel;
import org.causalrx.causal.policytree.PolicyTree;
import org.causalrx.causal.uncertainty.BootstrapCateModel;
import org.causalrx.causal.uncertainty.PosteriorCateModel;
import org.causalrx.causal.uncertainty.ScaledIntervalModel;
import org.causalrx.causal.uncertainty.Subsample;
import org.causalrx.learn.RegressionModel;
import org.causalrx.util.CausalRxException;

/**
 * Codecs for the interval models of the Conservative deferral set, in the style of {@link ModelCodecs} (JSON with a
 * {@code kind}; XGBoost boosters as {@code .ubj} files). Kinds: {@code joint} ({@link JointCateModel}: a statistical
 * interval model, the B-learner bounds family and Lambda), {@code bootstrap} ({@link BootstrapCateModel}: the point
 * CATE model and its B refits, each a CATE model of {@link ModelCodecs}, and for subsample refits
 * {@code subsample: {drawn, of, patients}} ({@link Subsample}; with two subsample sizes also {@code small_drawn}
 * and the estimated {@code rate}, absent from bundles written before them: one size, root-n), e.g.
 * {@code final_stage_refit} for the DR-learner's final-stage refits or {@code ensemble} for an ensemble's combined
 * member refits),
 * {@code bart_posterior} ({@link PosteriorCateModel}: the two arms' BART models, each of kind {@code bart}),
 * {@code scaled_interval} ({@link ScaledIntervalModel}: the factor and the inner statistical interval model), a
 * {@code causal_forest} (its own forest variance intervals), a {@code policy_tree} (its leaves' intervals) and
 * {@code bounds_family} ({@link CateBoundsFamily}: per Lambda the upper and lower bound regressions). Other
 * interval models raise {@link NotBundleable}.
 */
final class IntervalCodecs {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private IntervalCodecs() {
    }

    /**
     * @param name  the estimator's name (file-name stems)
     * @param m     the estimator's joint interval model
     * @param point the point CATE model's encoding (as the Inclusive bundle writes it); used when {@code m}'s point
     *              model is {@code pointModel}, else the point model is encoded from {@code m}
     */
    static ObjectNode encodeJoint(String name, JointCateModel m, CateModel pointModel, ObjectNode point,
                                  BundleFiles files) throws NotBundleable {
        ObjectNode n = F.objectNode().put("kind", "joint").put("lambda", m.lambda());
        n.set("statistical", encodeStatistical(name, m.statistical(), pointModel, point, files));
        n.set("bounds", encodeBounds(m.bounds(), files));
        return n;
    }

    static ObjectNode encodeStatistical(String name, IntervalCateModel m, CateModel pointModel, ObjectNode point,
                                        BundleFiles files) throws NotBundleable {
        if (m instanceof ScaledIntervalModel sm) {
            ObjectNode n = F.objectNode().put("kind", "scaled_interval").put("factor", sm.factor());
            n.set("inner", encodeStatistical(name, sm.inner(), pointModel, point, files));
            return n;
        }
        if (m instanceof PosteriorCateModel pm) {
            ObjectNode n = F.objectNode().put("kind", "bart_posterior");
            n.set("mu0", TreeModelCodecs.encodeBart(pm.mu0()));
            n.set("mu1", TreeModelCodecs.encodeBart(pm.mu1()));
            return n;
        }
        if (m instanceof CausalForestModel cf) {
            return cf == pointModel && point != null ? point : TreeModelCodecs.encodeForest(name, cf);
        }
        if (m instanceof PolicyTree pt) {
            return pt == pointModel && point != null ? point : PolicyTreeCodec.encode(name, pt);
        }
        if (!(m instanceof BootstrapCateModel bm)) {
            throw new NotBundleable(name + ": its intervals (" + m.getClass().getSimpleName() + ") have no bundle "
                    + "codec yet");
        }
        ObjectNode n = F.objectNode().put("kind", "bootstrap");
        n.set("point", bm.point() == pointModel && point != null ? point
                : ModelCodecs.encodeCate(name, bm.point(), List.of(), false, files));
        ArrayNode refits = n.putArray("refits");
        for (int b = 0; b < bm.refits().size(); b++) {
            try {
                refits.add(ModelCodecs.encodeCate(name + "_refit" + b, bm.refits().get(b), List.of(), false, files));
            } catch (NotBundleable nb) {
                throw new NotBundleable("bootstrap refit " + b + " of " + nb.getMessage());
            }
        }
        if (bm.subsample() != null) {
            n.set("subsample", encodeSubsample(bm.subsample()));
        }
        return n;
    }

    /** {@code {drawn, of, patients}}, with two sizes also {@code small_drawn} and {@code rate}. */
    static ObjectNode encodeSubsample(Subsample s) {
        ObjectNode sub = F.objectNode().put("drawn", s.drawn()).put("of", s.of()).put("patients", s.patients());
        if (s.twoSizes()) {
            sub.put("small_drawn", s.smallDrawn()).put("rate", s.rate());
        }
        return sub;
    }

    /** The subsample {@link #encodeSubsample} wrote; throws IllegalArgumentException when its sizes are invalid. */
    static Subsample decodeSubsample(JsonNode sub, String file) {
        return new Subsample(BundleFiles.integer(sub, "drawn", file), BundleFiles.integer(sub, "of", file),
                BundleFiles.field(sub, "patients", file).asBoolean(),
                sub.has("small_drawn") ? BundleFiles.integer(sub, "small_drawn", file) : 0,
                sub.has("small_drawn") ? number(sub, "rate", file) : Subsample.MAX_RATE);
    }

    static ObjectNode encodeBounds(CateBoundsFamily f, BundleFiles files) throws NotBundleable {
        ObjectNode n = F.objectNode().put("kind", "bounds_family");
        ArrayNode levels = n.putArray("levels");
        for (int k = 0; k < f.levels().size(); k++) {
            CateBounds b = f.levels().get(k);
            ObjectNode l = levels.addObject().put("lambda", b.lambda());
            try {
                l.set("upper", ModelCodecs.encodeRegression(b.upper(), "bounds_" + k + "_upper", files));
                if (b.lower() == b.upper()) {
                    l.put("lower_same_as_upper", true);
                } else {
                    l.set("lower", ModelCodecs.encodeRegression(b.lower(), "bounds_" + k + "_lower", files));
                }
            } catch (NotBundleable nb) {
                throw new NotBundleable("B-learner bound regression at Lambda " + b.lambda() + ": "
                        + nb.getMessage());
            }
        }
        return n;
    }

    static JointCateModel decodeJoint(JsonNode n, String file, BundleFiles files) {
        CateModel stat = ModelCodecs.decodeCate(BundleFiles.field(n, "statistical", file), file, files);
        if (!(stat instanceof IntervalCateModel im)) {
            throw new CausalRxException(file + ": the joint model's 'statistical' part has no intervals; re-run "
                    + "`causalrx run` to write the bundle again");
        }
        CateBoundsFamily bounds = decodeBounds(BundleFiles.field(n, "bounds", file), file, files);
        try {
            return new JointCateModel(im, bounds, number(n, "lambda", file));
        } catch (IllegalArgumentException e) {
            throw new CausalRxException(file + ": " + e.getMessage() + "; re-run `causalrx run`", e);
        }
    }

    static PosteriorCateModel decodePosterior(JsonNode n, String file, BundleFiles files) {
        return new PosteriorCateModel(TreeModelCodecs.decodeBart(BundleFiles.field(n, "mu0", file), file),
                TreeModelCodecs.decodeBart(BundleFiles.field(n, "mu1", file), file));
    }

    static ScaledIntervalModel decodeScaled(JsonNode n, String file, BundleFiles files) {
        CateModel inner = ModelCodecs.decodeCate(BundleFiles.field(n, "inner", file), file, files);
        if (!(inner instanceof IntervalCateModel im)) {
            throw new CausalRxException(file + ": the scaled interval model's 'inner' part has no intervals; re-run "
                    + "`causalrx run` to write the bundle again");
        }
        try {
            return new ScaledIntervalModel(im, number(n, "factor", file));
        } catch (IllegalArgumentException e) {
            throw new CausalRxException(file + ": " + e.getMessage() + "; re-run `causalrx run`", e);
        }
    }

    static BootstrapCateModel decodeBootstrap(JsonNode n, String file, BundleFiles files) {
        CateModel point = ModelCodecs.decodeCate(BundleFiles.field(n, "point", file), file, files);
        List<CateModel> refits = new ArrayList<>();
        for (JsonNode r : BundleFiles.field(n, "refits", file)) {
            refits.add(ModelCodecs.decodeCate(r, file, files));
        }
        JsonNode sub = n.get("subsample");
        try {
            return new BootstrapCateModel(point, refits, sub == null ? null : decodeSubsample(sub, file));
        } catch (IllegalArgumentException e) {
            throw new CausalRxException(file + ": " + e.getMessage() + "; re-run `causalrx run`", e);
        }
    }

    static CateBoundsFamily decodeBounds(JsonNode n, String file, BundleFiles files) {
        String kind = BundleFiles.field(n, "kind", file).asText();
        if (!kind.equals("bounds_family")) {
            throw new CausalRxException(file + ": expected bounds of kind 'bounds_family', found '" + kind
                    + "'; use the CausalRx version that wrote the bundle");
        }
        List<CateBounds> levels = new ArrayList<>();
        try {
            for (JsonNode l : BundleFiles.field(n, "levels", file)) {
                RegressionModel upper = ModelCodecs.decodeRegression(BundleFiles.field(l, "upper", file), file, files);
                RegressionModel lower = l.path("lower_same_as_upper").asBoolean(false) ? upper
                        : ModelCodecs.decodeRegression(BundleFiles.field(l, "lower", file), file, files);
                levels.add(new CateBounds(number(l, "lambda", file), upper, lower));
            }
            return new CateBoundsFamily(levels);
        } catch (IllegalArgumentException e) {
            throw new CausalRxException(file + ": " + e.getMessage() + "; re-run `causalrx run`", e);
        }
    }
}

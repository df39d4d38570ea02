package org.causalrx.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.MultiArmOverlap;
import org.causalrx.causal.uncertainty.MultiArmBootstrap;
import org.causalrx.causal.uncertainty.Subsample;
import org.causalrx.data.Encoding;
import org.causalrx.learn.MultiProbabilityModel;
import org.causalrx.policy.MultiArmRule;
import org.causalrx.result.Arms;
import org.causalrx.result.PolicyId;
import org.causalrx.util.CausalRxException;

/**
 * A loaded model bundle of a study with K ≥ 3 arms: everything needed to recommend for new patients as the run's
 * selected policy recommended for its test split. Same files and manifest check as {@link ModelBundle};
 * {@code bundle.json} says {@code "kind": "multi_arm"}. Immutable. Load with {@link #load}.
 *
 * @param dir            the bundle folder
 * @param policy         the bundled policy (a K-arm CATE estimator of the run; Inclusive deferral set)
 * @param arms           the K arms (codes as in the data, labels), index 0 the reference
 * @param outcomeColumn  the outcome the effects are on
 * @param rule           the decision rule: K, default arm, margin δ (outcome units), direction
 * @param overlap        the overlap rule: defer unless every arm's propensity is at least η
 * @param schema         the raw input columns
 * @param encoding       the fitted covariate encoding
 * @param propensityName the selected generalized propensity model's name
 * @param propensity     the selected generalized propensity model (n × K probabilities)
 * @param cate           the bundled policy's K-arm CATE model (n × K effects against the reference)
 * @param provenance     data and study SHA-256, seed, versions, time written (as text)
 * @param conservative   for a Conservative policy ({@code NAME@conservative}) the bootstrap refits its intervals
 *                       come from; null for an Inclusive policy
 */
public record MultiArmBundle(Path dir, PolicyId policy, Arms arms, String outcomeColumn, MultiArmRule rule,
                             MultiArmOverlap overlap, InputSchema schema, Encoding encoding, String propensityName,
                             MultiProbabilityModel propensity, MultiArmCateModel cate,
                             Map<String, String> provenance, Conservative conservative) {
    /**
     * The Conservative part: per patient the interval of tau_best − tau_second is the (α/2, 1 − α/2) quantile pair
     * of that contrast over the refits' effects ({@link org.causalrx.policy.ContrastIntervals#fromDraws}), widened
     * about its centre by {@code intervalScale} ({@link org.causalrx.policy.ContrastIntervals#scaled}).
     *
     * @param alphaStat     miscoverage α in (0, 1)
     * @param refits        the B ≥ 2 bootstrap refits of the policy's estimator, in refit order
     * @param intervalScale the run's calibration factor for the estimator (≥ 1; 1: as fit; {@code interval_scale}
     *                      in cate.json, absent when 1)
     * @param subsample     the subsample the refits were fit on, whose draws are rescaled to the training split's
     *                      size before the quantiles ({@link MultiArmBootstrap#rescaled}; {@code subsample} in
     *                      cate.json as for two arms); null: full bootstrap resamples (absent from cate.json)
     */
    public record Conservative(double alphaStat, List<MultiArmCateModel> refits, double intervalScale,
                               Subsample subsample) {
        public Conservative {
            refits = List.copyOf(refits);
            if (!(alphaStat > 0 && alphaStat < 1) || refits.size() < 2) {
                throw new IllegalArgumentException("Conservative deferral needs alpha_stat in (0, 1) and at least "
                        + "2 refits; found " + alphaStat + " and " + refits.size());
            }
            if (subsample != null && subsample.twoSizes() && refits.size() < 4) {
                throw new IllegalArgumentException("refits of two subsample sizes need at least 4 refits, found "
                        + refits.size());
            }
            if (!(intervalScale >= 1) || !Double.isFinite(intervalScale)) {
                throw new IllegalArgumentException("interval_scale must be finite and at least 1, found "
                        + intervalScale);
            }
        }

        /** Full bootstrap refits. */
        public Conservative(double alphaStat, List<MultiArmCateModel> refits, double intervalScale) {
            this(alphaStat, refits, intervalScale, null);
        }

        /** Uncalibrated intervals (scale 1). */
        public Conservative(double alphaStat, List<MultiArmCateModel> refits) {
            this(alphaStat, refits, 1.0);
        }
    }

    /** The {@code kind} field of {@code bundle.json} of a K-arm bundle. */
    public static final String KIND = "multi_arm";

    /** Checks that the arms, rule, propensity and CATE model agree on K. */
    public MultiArmBundle {
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        int k = arms.size();
        if (conservative != null && conservative.refits().stream().anyMatch(m -> m.arms() != k)) {
            throw new IllegalArgumentException("a Conservative refit does not have " + k + " arms");
        }
        if (rule.arms() != k || propensity.classes() != k || cate.arms() != k) {
            throw new IllegalArgumentException("the bundle has " + k + " arms but its decision rule has "
                    + rule.arms() + ", its propensity model " + propensity.classes() + " and its CATE model "
                    + cate.arms());
        }
    }

    /** Whether {@code dir} holds a K-arm bundle (its bundle.json says so); false when it cannot tell. */
    public static boolean isMultiArm(Path dir) {
        try {
            JsonNode b = BundleFiles.JSON.readTree(Files.readAllBytes(dir.resolve(BundleFormat.BUNDLE)));
            return b != null && KIND.equals(b.path("kind").asText());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads the K-arm bundle in {@code dir}.
     *
     * @throws CausalRxException naming the file when the version is unsupported, a checksum differs, or a part is
     *                           missing or malformed
     */
    public static MultiArmBundle load(Path dir) {
        BundleFiles files = Manifest.read(dir);
        String bundleFile = dir.resolve(BundleFormat.BUNDLE).toString();
        JsonNode b = files.json(BundleFormat.BUNDLE);
        if (!KIND.equals(b.path("kind").asText())) {
            throw new CausalRxException(bundleFile + ": a two-arm model bundle; load it with ModelBundle.load");
        }
        JsonNode pol = BundleFiles.field(b, "policy", bundleFile);
        JsonNode out = BundleFiles.field(b, "outcome", bundleFile);
        JsonNode ov = BundleFiles.field(b, "overlap", bundleFile);
        JsonNode rule = BundleFiles.field(pol, "decision_rule", bundleFile);
        List<String> codes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (JsonNode a : BundleFiles.field(b, "arms", bundleFile)) {
            codes.add(BundleFiles.field(a, "code", bundleFile).asText());
            labels.add(BundleFiles.field(a, "label", bundleFile).asText());
        }
        Map<String, String> prov = new LinkedHashMap<>();
        BundleFiles.field(b, "provenance", bundleFile).fields()
                .forEachRemaining(e -> prov.put(e.getKey(), e.getValue().asText()));
        String propFile = dir.resolve(BundleFormat.PROPENSITY).toString();
        JsonNode p = files.json(BundleFormat.PROPENSITY);
        String cateFile = dir.resolve(BundleFormat.CATE).toString();
        JsonNode c = files.json(BundleFormat.CATE);
        try {
            Arms arms = new Arms(codes, labels);
            MultiArmRule r = new MultiArmRule(arms.size(), BundleFiles.integer(rule, "default_arm", bundleFile),
                    BundleFiles.number(rule, "margin", bundleFile), BundleFiles.integer(out, "better_sign",
                    bundleFile));
            return new MultiArmBundle(dir, PolicyId.parse(BundleFiles.field(pol, "name", bundleFile).asText()), arms,
                    BundleFiles.field(out, "column", bundleFile).asText(), r,
                    new MultiArmOverlap(BundleFiles.number(ov, "eta", bundleFile),
                            BundleFiles.field(ov, "method", bundleFile).asText()),
                    InputSchema.fromJson(files.json(BundleFormat.SCHEMA), dir.resolve(BundleFormat.SCHEMA).toString()),
                    EncodingCodec.decode(files.json(BundleFormat.ENCODING),
                            dir.resolve(BundleFormat.ENCODING).toString()),
                    BundleFiles.field(p, "name", propFile).asText(),
                    MultiArmCodecs.decodePropensity(BundleFiles.field(p, "model", propFile), propFile, files),
                    MultiArmCateCodecs.decode(BundleFiles.field(c, "model", cateFile), cateFile, files), prov,
                    c.has("conservative") ? conservative(BundleFiles.field(c, "conservative", cateFile), cateFile,
                            files) : null);
        } catch (IllegalArgumentException e) {
            throw new CausalRxException(bundleFile + ": " + e.getMessage() + "; re-run `causalrx run` to write the "
                    + "bundle again", e);
        }
    }

    private static Conservative conservative(JsonNode n, String file, BundleFiles files) {
        List<MultiArmCateModel> refits = new ArrayList<>();
        for (JsonNode r : BundleFiles.field(n, "refits", file)) {
            refits.add(MultiArmCateCodecs.decode(r, file, files));
        }
        return new Conservative(BundleFiles.number(n, "alpha_stat", file), refits,
                n.has("interval_scale") ? BundleFiles.number(n, "interval_scale", file) : 1.0,
                n.has("subsample") ? IntervalCodecs.decodeSubsample(n.get("subsample"), file) : null);
    }
}

package org.causalrx.bundle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.OverlapSet;
import org.causalrx.data.Encoding;
import org.causalrx.learn.ProbabilityModel;
import org.causalrx.policy.DecisionRule;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.util.CausalRxException;

/**
 * A loaded model bundle: everything needed to recommend for new patients as the run recommended for its test
 * split. Immutable. Load with {@link #load}, which checks the format version and every file's checksum first.
 *
 * @param dir            the bundle folder
 * @param policy         the bundled policy (a CATE estimator or ensemble of the run, with its deferral set)
 * @param deferralSet    {@link DeferralSet#INCLUSIVE} (defer outside overlap) or {@link DeferralSet#CONSERVATIVE}
 *                       (also when the joint interval contains 0)
 * @param alphaStat      statistical interval level (Conservative), else null
 * @param lambda         sensitivity parameter Lambda of the causal bounds (Conservative), else null
 * @param armCodes       treatment codes of arm 0 (control) and arm 1 (treated) as in the data
 * @param armLabels      their labels
 * @param outcomeColumn  the outcome the effect is on
 * @param betterSign     +1 when higher outcomes are better, −1 when lower are better
 * @param overlap        the overlap thresholds
 * @param schema         the raw input columns
 * @param encoding       the fitted covariate encoding
 * @param propensityName the selected propensity model's name
 * @param propensity     the selected propensity model
 * @param cate           the bundled policy's CATE model (Conservative: a {@code JointCateModel} with intervals)
 * @param provenance     data and study SHA-256, seed, versions, time written (as text)
 * @param defaultArm     the decision rule's default arm, 0 (control) or 1 (treated); 0 in bundles written before
 *                       the rule was bundled
 * @param margin         the decision rule's margin δ ≥ 0 in outcome units; 0 in bundles written before
 */
public record ModelBundle(Path dir, PolicyId policy, DeferralSet deferralSet, Double alphaStat, Double lambda,
                          List<String> armCodes, List<String> armLabels, String outcomeColumn, int betterSign,
                          OverlapSet overlap, InputSchema schema, Encoding encoding, String propensityName,
                          ProbabilityModel propensity, CateModel cate, Map<String, String> provenance,
                          int defaultArm, double margin) {
    /** Deferral set: defer outside overlap only. */
    public static final DeferralSet INCLUSIVE = DeferralSet.INCLUSIVE;
    /** Deferral set: also defer when the effect interval contains 0. */
    public static final DeferralSet CONSERVATIVE = DeferralSet.CONSERVATIVE;

    public ModelBundle {
        armCodes = List.copyOf(armCodes);
        armLabels = List.copyOf(armLabels);
        provenance = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        if (armLabels.size() != 2 || armCodes.size() != 2) {
            throw new IllegalArgumentException("a bundle has exactly two arms");
        }
        if (betterSign != 1 && betterSign != -1) {
            throw new IllegalArgumentException("betterSign must be +1 or -1, got " + betterSign);
        }
        rule(defaultArm, margin, betterSign);
    }

    /** A bundle with the plain sign rule (default arm 0, margin 0). */
    public ModelBundle(Path dir, PolicyId policy, DeferralSet deferralSet, Double alphaStat, Double lambda,
                       List<String> armCodes, List<String> armLabels, String outcomeColumn, int betterSign,
                       OverlapSet overlap, InputSchema schema, Encoding encoding, String propensityName,
                       ProbabilityModel propensity, CateModel cate, Map<String, String> provenance) {
        this(dir, policy, deferralSet, alphaStat, lambda, armCodes, armLabels, outcomeColumn, betterSign, overlap,
                schema, encoding, propensityName, propensity, cate, provenance, 0, 0.0);
    }

    /** The decision rule the run applied: default arm, margin and outcome direction. */
    public DecisionRule rule() {
        return rule(defaultArm, margin, betterSign);
    }

    private static DecisionRule rule(int defaultArm, double margin, int betterSign) {
        return new DecisionRule(defaultArm, margin, betterSign);
    }

    /**
     * Reads the bundle in {@code dir}.
     *
     * @throws CausalRxException naming the file when the version is unsupported, a checksum differs, or a part is
     *                           missing or malformed
     */
    public static ModelBundle load(Path dir) {
        BundleFiles files = Manifest.read(dir);
        String bundleFile = dir.resolve(BundleFormat.BUNDLE).toString();
        JsonNode b = files.json(BundleFormat.BUNDLE);
        if (MultiArmBundle.KIND.equals(b.path("kind").asText())) {
            throw new CausalRxException(bundleFile + ": a model bundle for K >= 3 arms; load it with "
                    + "MultiArmBundle.load (`causalrx recommend` does so)");
        }
        JsonNode pol = BundleFiles.field(b, "policy", bundleFile);
        JsonNode unc = BundleFiles.field(b, "uncertainty", bundleFile);
        JsonNode out = BundleFiles.field(b, "outcome", bundleFile);
        JsonNode ov = BundleFiles.field(b, "overlap", bundleFile);
        List<String> codes = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (JsonNode a : BundleFiles.field(b, "arms", bundleFile)) {
            codes.add(BundleFiles.field(a, "code", bundleFile).asText());
            labels.add(BundleFiles.field(a, "label", bundleFile).asText());
        }
        OverlapSet overlap;
        try {
            overlap = new OverlapSet(BundleFiles.field(ov, "eta_low", bundleFile).doubleValue(),
                    BundleFiles.field(ov, "eta_high", bundleFile).doubleValue(),
                    BundleFiles.field(ov, "method", bundleFile).asText());
        } catch (IllegalArgumentException e) {
            throw new CausalRxException(bundleFile + ": " + e.getMessage() + "; re-run `causalrx run`", e);
        }
        String deferralText = BundleFiles.field(pol, "deferral_set", bundleFile).asText();
        JsonNode rule = pol.get("decision_rule");
        DeferralSet deferral = deferralSet(deferralText);
        if (deferral != INCLUSIVE && deferral != CONSERVATIVE) {
            throw new CausalRxException(bundleFile + ": unknown deferral set '" + deferralText + "' (this CausalRx "
                    + "applies '" + INCLUSIVE + "' and '" + CONSERVATIVE + "'); use the version that wrote the bundle");
        }
        Map<String, String> prov = new LinkedHashMap<>();
        BundleFiles.field(b, "provenance", bundleFile).fields()
                .forEachRemaining(e -> prov.put(e.getKey(), e.getValue().asText()));
        String propFile = dir.resolve(BundleFormat.PROPENSITY).toString();
        JsonNode p = files.json(BundleFormat.PROPENSITY);
        String cateFile = dir.resolve(BundleFormat.CATE).toString();
        JsonNode c = files.json(BundleFormat.CATE);
        String schemaFile = dir.resolve(BundleFormat.SCHEMA).toString();
        String encFile = dir.resolve(BundleFormat.ENCODING).toString();
        try {
            PolicyId policy = PolicyId.parse(BundleFiles.field(pol, "name", bundleFile).asText());
            ModelBundle mb = new ModelBundle(dir, policy, deferral,
                    nullableDouble(unc.get("alpha_stat")), nullableDouble(unc.get("lambda")), codes, labels,
                    BundleFiles.field(out, "column", bundleFile).asText(),
                    BundleFiles.field(out, "better_sign", bundleFile).asInt(), overlap,
                    InputSchema.fromJson(files.json(BundleFormat.SCHEMA), schemaFile),
                    EncodingCodec.decode(files.json(BundleFormat.ENCODING), encFile),
                    BundleFiles.field(p, "name", propFile).asText(),
                    ModelCodecs.decodeProbability(BundleFiles.field(p, "model", propFile), propFile, files),
                    ModelCodecs.decodeCate(BundleFiles.field(c, "model", cateFile), cateFile, files), prov,
                    defaultArm(rule, bundleFile), margin(rule, bundleFile));
            if (deferral == CONSERVATIVE && (mb.alphaStat() == null
                    || !(mb.cate() instanceof org.causalrx.causal.IntervalCateModel))) {
                throw new CausalRxException(bundleFile + ": the Conservative deferral set needs alpha_stat and a CATE "
                        + "model with intervals, and this bundle has " + (mb.alphaStat() == null ? "no alpha_stat"
                        : "no interval model") + "; re-run `causalrx run` to write the bundle again");
            }
            if (mb.cate() instanceof org.causalrx.causal.bounds.JointCateModel j
                    && (mb.lambda() == null || j.lambda() != mb.lambda())) {
                throw new CausalRxException(cateFile + ": the joint interval model is at Lambda " + j.lambda()
                        + " but " + BundleFormat.BUNDLE + " says " + mb.lambda() + "; re-run `causalrx run` to write "
                        + "the bundle again");
            }
            return mb;
        } catch (IllegalArgumentException e) {
            throw new CausalRxException(bundleFile + ": " + e.getMessage() + "; re-run `causalrx run`", e);
        }
    }

    /** {@code policy.decision_rule.default_arm}; absent in bundles written before the rule was bundled: arm 0. */
    private static int defaultArm(JsonNode rule, String bundleFile) {
        if (rule == null || rule.isNull()) {
            return 0;
        }
        JsonNode a = BundleFiles.field(rule, "default_arm", bundleFile);
        if (!a.isInt() || (a.intValue() != 0 && a.intValue() != 1)) {
            throw new CausalRxException(bundleFile + ": 'policy.decision_rule.default_arm' is '" + a.asText()
                    + "', not the arm index 0 or 1; re-run `causalrx run` to write the bundle again");
        }
        return a.intValue();
    }

    /** {@code policy.decision_rule.margin}; absent in bundles written before the rule was bundled: 0. */
    private static double margin(JsonNode rule, String bundleFile) {
        if (rule == null || rule.isNull()) {
            return 0;
        }
        JsonNode m = BundleFiles.field(rule, "margin", bundleFile);
        if (!m.isNumber() || !(m.doubleValue() >= 0) || Double.isInfinite(m.doubleValue())) {
            throw new CausalRxException(bundleFile + ": 'policy.decision_rule.margin' is '" + m.asText()
                    + "', not a number >= 0; re-run `causalrx run` to write the bundle again");
        }
        return m.doubleValue();
    }

    private static Double nullableDouble(JsonNode n) {
        return n == null || n.isNull() ? null : n.doubleValue();
    }

    /** The deferral set named in a bundle file, {@link DeferralSet#NONE} when the name is unknown. */
    private static DeferralSet deferralSet(String text) {
        try {
            return DeferralSet.of(text);
        } catch (IllegalArgumentException e) {
            return DeferralSet.NONE;
        }
    }
}

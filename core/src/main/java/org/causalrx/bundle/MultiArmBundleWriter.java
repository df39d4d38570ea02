package org.causalrx.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.MultiArmEnsembles;
import org.causalrx.causal.uncertainty.Subsample;
import org.causalrx.data.EncodingParts;
import org.causalrx.pipeline.MultiArmFitted;
import org.causalrx.pipeline.MultiArmResult;
import org.causalrx.policy.DecisionRule;
import org.causalrx.result.Arms;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.result.PolicyKind;
import org.causalrx.study.Study;

/**
 * Writes the model bundle of a K-arm run ({@link MultiArmBundle}) into a folder (the caller makes it atomic, with the
 * rest of the run's output): the run's selected policy (chosen by its DR value on the validation split) with the
 * K-arm CATE model, the selected generalized propensity model and the encoding exactly as the run fitted them. When
 * the selected policy's model has no codec (built in, or a {@link MultiArmCateModelCodec} of another module such as
 * the neural estimators' of {@code nn}, which must be on the class path), the best learned
 * policy by validation DR value that can be bundled is written instead and {@link BundleWriter.Written#note} says
 * which and why; when none can be, nothing is written and the note says why. Everything but the time written is a
 * function of the run.
 */
public final class MultiArmBundleWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** What a K-arm bundle can hold, for the console (%d: the number of arms). */
    private static final String NEEDS = "`recommend` with %d arms needs a run whose selected policy uses T-, S-, X- or "
            + "DR-learners with XGBoost, linear or BART models, causal_forest, tarnet, dragonnet or xmultitask (with "
            + "the nn module), their average, majority or consensus";

    private MultiArmBundleWriter() {
    }

    /** Writes {@code dir} (created; must not exist or be empty) for {@code result}, a K-arm run of {@code study}. */
    public static BundleWriter.Written write(Path dir, Study study, MultiArmResult result, MultiArmFitted fitted,
                                             Instant now) throws IOException {
        PolicyId selected = result.selection() == null ? null : result.selection().selected();
        if (fitted == null || selected == null) {
            return new BundleWriter.Written(null, "no model bundle: the run selected no learned policy");
        }
        List<String> refused = new ArrayList<>();
        for (PolicyId candidate : candidates(result.selection(), study.outcome().sign())) {
            BundleFiles files = new BundleFiles(dir);
            Encoded enc;
            try {
                enc = encode(candidate, fitted, files);
            } catch (NotBundleable nb) {
                refused.add(nb.getMessage().startsWith(candidate.estimator()) ? nb.getMessage()
                        : candidate + ": " + nb.getMessage());
                continue;
            }
            String note = candidate.equals(selected) ? chosenNote(candidate, result) : "model bundle: policy "
                    + candidate + " over " + result.arms().size() + " arms, the best learned policy by validation "
                    + "DR that can be bundled; the selected policy " + selected + " cannot be yet ("
                    + String.join("; ", refused) + ")";
            return finish(dir, study, result, fitted, candidate, enc, note, now);
        }
        return new BundleWriter.Written(null, "no model bundle written: no learned policy can be bundled yet ("
                + String.join("; ", refused) + "); " + NEEDS.formatted(result.arms().size()));
    }

    /**
     * The learned policies in the order a bundle tries them: the selected one, then the others by validation DR
     * value, best first in the outcome's direction (ties keep the selection's order; undefined values last).
     */
    static List<PolicyId> candidates(MultiArmResult.Selection selection, int sign) {
        List<MultiArmResult.SelectionValue> rest = new ArrayList<>(selection.values().stream()
                .filter(v -> !v.policy().equals(selection.selected())).toList());
        rest.sort(Comparator.comparingDouble(v -> Double.isFinite(v.dr()) ? -sign * v.dr()
                : Double.POSITIVE_INFINITY));
        List<PolicyId> out = new ArrayList<>();
        out.add(selection.selected());
        rest.forEach(v -> out.add(v.policy()));
        return out;
    }

    /**
     * Writes {@code dir} for the learned policy {@code selected} of the run (one of its estimators), whether or not
     * the run selected it; the note then still calls it the run's choice only when it is.
     */
    public static BundleWriter.Written write(Path dir, Study study, MultiArmResult result, MultiArmFitted fitted,
                                             PolicyId selected, Instant now) throws IOException {
        BundleFiles files = new BundleFiles(dir);
        Encoded enc;
        try {
            enc = encode(selected, fitted, files);
        } catch (NotBundleable nb) {
            return new BundleWriter.Written(null, "no model bundle written: the selected policy " + selected
                    + " cannot be bundled yet (" + nb.getMessage() + "); " + NEEDS.formatted(result.arms().size()));
        }
        return finish(dir, study, result, fitted, selected, enc, chosenNote(selected, result), now);
    }

    /** The bundle's cate.json and propensity.json of one policy (their model files already in {@code files}). */
    private record Encoded(BundleFiles files, ObjectNode cate, ObjectNode prop) {
    }

    private static Encoded encode(PolicyId policy, MultiArmFitted fitted, BundleFiles files) throws NotBundleable {
        ObjectNode cate = F.objectNode().put("name", policy.name());
        ObjectNode prop = F.objectNode().put("name", fitted.propensityName());
        MultiArmCateModel model = model(policy, fitted);
        cate.set("model", MultiArmCateCodecs.encode(policy.estimator(), model, files));
        if (policy.set() == DeferralSet.CONSERVATIVE) {
            cate.set("conservative", conservative(policy, fitted, files));
        }
        prop.set("model", MultiArmCodecs.encodePropensity(fitted.propensity(), "propensity", files));
        return new Encoded(files, cate, prop);
    }

    private static String chosenNote(PolicyId policy, MultiArmResult result) {
        boolean chosen = result.selection() != null && policy.equals(result.selection().selected());
        return "model bundle: policy " + policy + " over " + result.arms().size() + " arms (" + (chosen
                ? "the run's selected policy, chosen by its DR value on the validation split)"
                : "not the run's selected policy " + (result.selection() == null ? null
                : result.selection().selected()) + ")");
    }

    private static BundleWriter.Written finish(Path dir, Study study, MultiArmResult result, MultiArmFitted fitted,
                                               PolicyId selected, Encoded enc, String note, Instant now)
            throws IOException {
        BundleFiles files = enc.files();
        ObjectNode b = bundleJson(study, result, fitted, selected, note, now);
        files.putJson(BundleFormat.BUNDLE, b);
        files.putJson(BundleFormat.SCHEMA, InputSchema.of(study.idColumn(), EncodingParts.of(fitted.encoding()),
                fitted.textColumns()).toJson());
        files.putJson(BundleFormat.ENCODING, EncodingCodec.encode(fitted.encoding()));
        files.putJson(BundleFormat.PROPENSITY, enc.prop());
        files.putJson(BundleFormat.CATE, enc.cate());
        files.putBytes(BundleFormat.README, readme(selected.name(), note).getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : files.all().entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        Files.writeString(dir.resolve(BundleFormat.MANIFEST), BundleFiles.JSON.writeValueAsString(
                Manifest.of(files.all(), "CausalRx " + result.provenance().causalrxVersion())) + "\n",
                StandardCharsets.UTF_8);
        return new BundleWriter.Written(selected, note);
    }

    /** The selected policy's model: the estimator's, or for consensus the named singles. */
    private static MultiArmCateModel model(PolicyId selected, MultiArmFitted fitted) throws NotBundleable {
        if (selected.kind() == PolicyKind.CONSENSUS) {
            List<String> names = new ArrayList<>();
            List<MultiArmCateModel> members = new ArrayList<>();
            fitted.cateModels().forEach((name, m) -> {
                if (!MultiArmEnsembles.isEnsemble(m)) {
                    names.add(name);
                    members.add(m);
                }
            });
            return new MultiArmEnsembles.Consensus(names, members);
        }
        MultiArmCateModel model = fitted.cateModels().get(selected.estimator());
        if (model == null) {
            throw new NotBundleable(selected + ": the run kept no fitted model");
        }
        return model;
    }

    /**
     * The Conservative part of cate.json: alpha_stat and the estimator's bootstrap refits, and the subsample they
     * were fit on when they are subsample refits.
     */
    private static ObjectNode conservative(PolicyId selected, MultiArmFitted fitted, BundleFiles files)
            throws NotBundleable {
        List<MultiArmCateModel> refits = fitted.refits().get(selected.estimator());
        if (refits == null || refits.isEmpty()) {
            throw new NotBundleable(selected + ": the run kept no bootstrap refits");
        }
        ObjectNode n = F.objectNode().put("alpha_stat", fitted.alphaStat());
        double scale = fitted.calibration().factor(selected.estimator());
        if (scale != 1) {
            n.put("interval_scale", scale);
        }
        ArrayNode arr = n.putArray("refits");
        for (int b = 0; b < refits.size(); b++) {
            try {
                arr.add(MultiArmCateCodecs.encode(selected.estimator() + "_refit" + b, refits.get(b), files));
            } catch (NotBundleable nb) {
                throw new NotBundleable("bootstrap refit " + b + " of " + nb.getMessage());
            }
        }
        Subsample sub = fitted.subsamples().get(selected.estimator());
        if (sub != null) {
            n.set("subsample", IntervalCodecs.encodeSubsample(sub));
        }
        return n;
    }

    private static ObjectNode bundleJson(Study study, MultiArmResult result, MultiArmFitted fitted, PolicyId selected,
                                         String note, Instant now) {
        Arms arms = study.treatment().arms();
        ObjectNode b = F.objectNode();
        b.put("kind", MultiArmBundle.KIND);
        b.put("study", study.name());
        double dr = result.policies().stream().filter(p -> p.name().equals(selected))
                .mapToDouble(MultiArmResult.PolicyValue::pointDr).findFirst().orElse(Double.NaN);
        String description = result.policies().stream().filter(p -> p.name().equals(selected))
                .map(MultiArmResult.PolicyValue::description).findFirst().orElse("");
        ObjectNode pol = b.putObject("policy").put("name", selected.name()).put("selected_by_run",
                        result.selection() == null || result.selection().selected() == null ? null
                        : result.selection().selected().name())
                .put("deferral_set", (selected.set() == DeferralSet.CONSERVATIVE ? DeferralSet.CONSERVATIVE
                        : DeferralSet.INCLUSIVE).key()).put("rule", description)
                .put("dr_value_test", dr).put("note", note).put("propensity_model", fitted.propensityName());
        int d = study.policy().defaultArm();
        pol.putObject("decision_rule").put("default_arm", d).put("default_arm_code", arms.code(d))
                .put("default_arm_label", arms.label(d)).put("margin", study.policy().margin())
                .put("text", String.format(Locale.ROOT, "give the arm with the %s predicted %s; keep '%s' unless "
                        + "another arm is predicted better by more than %s; defer outside overlap",
                        study.outcome().sign() > 0 ? "highest" : "lowest", study.outcome().column(), arms.label(d),
                        DecisionRule.number(study.policy().margin())) + (selected.kind() == PolicyKind.CONSENSUS
                        ? "; consensus: defer where the members pick different arms" : "")
                        + (selected.set() == DeferralSet.CONSERVATIVE ? "; Conservative: defer where the bootstrap "
                        + "interval of the best-minus-second-best contrast contains the boundary" : ""));
        ArrayNode a = b.putArray("arms");
        for (int k = 0; k < arms.size(); k++) {
            a.addObject().put("index", k).put("code", arms.code(k)).put("label", arms.label(k))
                    .put("reference", k == Arms.REFERENCE);
        }
        b.putObject("outcome").put("column", study.outcome().column())
                .put("type", study.outcome().type().name().toLowerCase(Locale.ROOT))
                .put("direction", study.outcome().direction().name().toLowerCase(Locale.ROOT))
                .put("better_sign", study.outcome().sign());
        b.putObject("overlap").put("eta", fitted.overlap().eta()).put("method", fitted.overlap().method())
                .put("rule", "defer unless every arm's propensity is at least eta");
        var pv = result.provenance();
        b.putObject("provenance").put("data_sha256", pv.dataSha256()).put("study_sha256", pv.studySha256())
                .put("seed", pv.seed()).put("causalrx_version", pv.causalrxVersion())
                .put("java_version", System.getProperty("java.version")).put("xgboost_version", pv.xgboostVersion())
                .put("written_at", now.toString());
        return b;
    }

    private static String readme(String policy, String note) {
        return "CausalRx model bundle (format " + BundleFormat.VERSION + ", K arms) for policy " + policy + ".\n"
                + note + "\n\n"
                + "Apply it to new patients:  causalrx recommend --model <this folder> --input new.csv --out "
                + "recs.csv\n\n"
                + "manifest.json    format version and SHA-256 of every file (checked on load; do not edit files)\n"
                + "bundle.json      kind multi_arm: policy and its decision rule (default arm, margin), the arms\n"
                + "                 (index 0 the reference), outcome direction, overlap threshold eta, provenance\n"
                + "schema.json      input columns the model needs, their types and categorical levels\n"
                + "encoding.json    training medians, missing indicators, one-hot levels and references, squares\n"
                + "propensity.json  the selected generalized propensity model P(T = a | x) (multinomial logistic\n"
                + "                 coefficients, or an XGBoost softprob booster in *.ubj, XGBoost's format)\n"
                + "cate.json        the policy's K-arm CATE model (T-, S-, X-, DR-learner, multi-arm causal\n"
                + "                 forest, average, majority or consensus members; linear coefficients, packed\n"
                + "                 forests, or XGBoost boosters in *.ubj files); for a Conservative policy also\n"
                + "                 alpha_stat and the bootstrap refits its intervals come from\n";
    }
}

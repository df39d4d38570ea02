package org.causalrx.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.data.EncodingParts;
import org.causalrx.pipeline.MultiArmFitted;
import org.causalrx.pipeline.MultiArmResult;
import org.causalrx.policy.DecisionRule;
import org.causalrx.result.Arms;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;

/**
 * Writes the model bundle of a K-arm run ({@link MultiArmBundle}) into a folder (the caller makes it atomic, with the
 * rest of the run's output): the run's selected policy (chosen by its DR value on the validation split) with the
 * K-arm CATE model, the selected generalized propensity model and the encoding exactly as the run fitted them. When
 * the selected policy's model has no codec (only the K-arm T-learners with XGBoost or linear arm models have one
 * yet) nothing is written and {@link BundleWriter.Written#note} says why. Everything but the time written is a
 * function of the run.
 */
public final class MultiArmBundleWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private MultiArmBundleWriter() {
    }

    /** Writes {@code dir} (created; must not exist or be empty) for {@code result}, a K-arm run of {@code study}. */
    public static BundleWriter.Written write(Path dir, Study study, MultiArmResult result, MultiArmFitted fitted,
                                             Instant now) throws IOException {
        PolicyId selected = result.selection() == null ? null : result.selection().selected();
        if (fitted == null || selected == null) {
            return new BundleWriter.Written(null, "no model bundle: the run selected no learned policy");
        }
        return write(dir, study, result, fitted, selected, now);
    }

    /**
     * Writes {@code dir} for the learned policy {@code selected} of the run (one of its estimators), whether or not
     * the run selected it; the note then still calls it the run's choice only when it is.
     */
    public static BundleWriter.Written write(Path dir, Study study, MultiArmResult result, MultiArmFitted fitted,
                                             PolicyId selected, Instant now) throws IOException {
        MultiArmCateModel model = fitted.cateModels().get(selected.estimator());
        BundleFiles files = new BundleFiles(dir);
        ObjectNode cate = F.objectNode().put("name", selected.name());
        ObjectNode prop = F.objectNode().put("name", fitted.propensityName());
        try {
            if (model == null) {
                throw new NotBundleable(selected + ": the run kept no fitted model");
            }
            cate.set("model", MultiArmCodecs.encodeCate(selected.estimator(), model, files));
            prop.set("model", MultiArmCodecs.encodePropensity(fitted.propensity(), "propensity", files));
        } catch (NotBundleable nb) {
            return new BundleWriter.Written(null, "no model bundle written: the selected policy " + selected
                    + " cannot be bundled yet (" + nb.getMessage() + "); `recommend` with " + result.arms().size()
                    + " arms needs a run whose selected policy is t_xgboost, t_ridge or t_lasso");
        }
        boolean chosen = result.selection() != null && selected.equals(result.selection().selected());
        String note = "model bundle: policy " + selected + " over " + result.arms().size() + " arms (" + (chosen
                ? "the run's selected policy, chosen by its DR value on the validation split)"
                : "not the run's selected policy " + (result.selection() == null ? null
                : result.selection().selected()) + ")");
        ObjectNode b = bundleJson(study, result, fitted, selected, note, now);
        files.putJson(BundleFormat.BUNDLE, b);
        files.putJson(BundleFormat.SCHEMA, InputSchema.of(study.idColumn(), EncodingParts.of(fitted.encoding()),
                fitted.textColumns()).toJson());
        files.putJson(BundleFormat.ENCODING, EncodingCodec.encode(fitted.encoding()));
        files.putJson(BundleFormat.PROPENSITY, prop);
        files.putJson(BundleFormat.CATE, cate);
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
                .put("deferral_set", DeferralSet.INCLUSIVE.key()).put("rule", description)
                .put("dr_value_test", dr).put("note", note).put("propensity_model", fitted.propensityName());
        int d = study.policy().defaultArm();
        pol.putObject("decision_rule").put("default_arm", d).put("default_arm_code", arms.code(d))
                .put("default_arm_label", arms.label(d)).put("margin", study.policy().margin())
                .put("text", String.format(Locale.ROOT, "give the arm with the %s predicted %s; keep '%s' unless "
                        + "another arm is predicted better by more than %s; defer outside overlap",
                        study.outcome().sign() > 0 ? "highest" : "lowest", study.outcome().column(), arms.label(d),
                        DecisionRule.number(study.policy().margin())));
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
                + "cate.json        the policy's K-arm CATE model: one outcome model per arm (linear coefficients,\n"
                + "                 or XGBoost boosters in *.ubj files)\n";
    }
}

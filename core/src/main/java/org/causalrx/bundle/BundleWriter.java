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

import org.causalrx.causal.CateModel;
import org.causalrx.causal.bounds.JointCateModel;
import org.causalrx.data.EncodingParts;
import org.causalrx.pipeline.Estimators;
import org.causalrx.pipeline.FittedModels;
import org.causalrx.pipeline.RunOutput;
import org.causalrx.pipeline.RunResult;
import org.causalrx.policy.DecisionRule;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;

/**
 * Writes a run's model bundle into a folder (the caller makes it atomic, with the rest of the run's output). The
 * bundled policy is the one the run selects (best learned policy by DR value on the validation split), an
 * Inclusive ({@code NAME@inclusive} or plain) or Conservative ({@code NAME@conservative}: the CATE model with its
 * joint interval model, alpha_stat and Lambda) policy; models of other modules (the neural estimators) are
 * written by their registered {@link CateModelCodec}; when its model has no codec yet (consensus), the best
 * learned policy
 * that can be bundled is written instead and {@link Written#note} says which and why; when none can be, no
 * bundle is written and the note says why. Everything but the time written is a function of the run.
 */
public final class BundleWriter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private BundleWriter() {
    }

    /**
     * What was written.
     *
     * @param policy the bundled policy, or null when no bundle was written
     * @param note   one line for the console: what was bundled, and why when it is not the selected policy
     */
    public record Written(PolicyId policy, String note) {
    }

    /** Writes {@code dir} (created; must not exist or be empty) for {@code out}, a run of {@code study}. */
    public static Written write(Path dir, Study study, RunOutput out, Instant now) throws IOException {
        FittedModels fm = out.models();
        if (fm == null) {
            return new Written(null, "no model bundle: the run kept no fitted models");
        }
        RunResult r = out.result();
        // policies are valued (and chosen) on the study's evaluation outcome when it has one
        int sign = study.analyses().evaluationOutcome() != null ? study.analyses().evaluationOutcome().sign()
                : study.outcome().sign();
        PolicyId selected = r.policyInsights() == null ? null : r.policyInsights().selectedPolicy();
        List<RunResult.PolicyResult> learned = new ArrayList<>(r.policies().stream()
                .filter(p -> p.name().kind().learned()).toList());
        // ordered as the selection ranked them (value on the data the choice was made on, never the test split),
        // best first in the study's direction; ties keep policy order; undefined values last
        java.util.Map<PolicyId, Double> choiceValue = new java.util.HashMap<>();
        if (r.policyInsights() != null && r.policyInsights().selection() != null) {
            r.policyInsights().selection().values().forEach(v -> choiceValue.put(v.policy(), v.dr()));
        }
        learned.sort(Comparator.comparingDouble(p -> {
            double v = choiceValue.getOrDefault(p.name(), Double.NaN);
            return Double.isFinite(v) ? -sign * v : Double.POSITIVE_INFINITY;
        }));
        return write(dir, study, out, now, learned, selected);
    }

    /** Writes the first of {@code candidates} that can be bundled (tests force one policy this way). */
    static Written write(Path dir, Study study, RunOutput out, Instant now, List<RunResult.PolicyResult> candidates,
                         PolicyId selected) throws IOException {
        FittedModels fm = out.models();
        List<String> refused = new ArrayList<>();
        for (RunResult.PolicyResult p : candidates) {
            BundleFiles files = new BundleFiles(dir);
            try {
                ObjectNode cate = cate(p.name(), out, files);
                return finish(dir, study, out, p, selected, refused, cate, files, now);
            } catch (NotBundleable nb) {
                refused.add(nb.getMessage());
            }
        }
        return new Written(null, "no model bundle written: no learned policy can be bundled yet (" + String.join("; ",
                refused) + "); `recommend` needs a run with a T-, S-, X-, R- or DR-learner, t_bart, causal_forest, "
                + "tarnet, dragonnet, xmultitask or their average/majority");
    }

    private static ObjectNode cate(PolicyId id, RunOutput out, BundleFiles files) throws NotBundleable {
        FittedModels fm = out.models();
        String base = id.estimator();
        boolean conservative = id.set() == DeferralSet.CONSERVATIVE;
        CateModel m = fm.cateModels().get(base);
        if (m == null) {
            throw new NotBundleable(id + ": a policy over several models (defer where they disagree), not one "
                    + "CATE model; no bundle codec yet");
        }
        List<Map.Entry<String, CateModel>> members = new ArrayList<>();
        if (Estimators.isEnsemble(base)) {
            for (String s : fm.singles()) {
                members.add(Map.entry(s, fm.cateModels().get(s)));
            }
        }
        ObjectNode n = F.objectNode().put("name", id.name());
        ObjectNode point = ModelCodecs.encodeCate(base, m, members, base.equals("majority"), files);
        if (!conservative) {
            n.set("model", point);
            return n;
        }
        JointCateModel joint = out.deferral() == null ? null : out.deferral().models().get(base);
        if (joint == null) {
            throw new NotBundleable(id + ": the run kept no fitted intervals for " + base);
        }
        n.set("model", IntervalCodecs.encodeJoint(base, joint, m, point, files));
        return n;
    }

    private static Written finish(Path dir, Study study, RunOutput out, RunResult.PolicyResult policy,
                                  PolicyId selected, List<String> refused, ObjectNode cate, BundleFiles files,
                                  Instant now)
            throws IOException {
        FittedModels fm = out.models();
        RunResult.Provenance pv = out.result().provenance();
        boolean conservative = policy.name().set() == DeferralSet.CONSERVATIVE;
        String note;
        if (policy.name().equals(selected)) {
            note = "model bundle: policy " + policy.name() + " (the run's selected policy, chosen by its DR value on "
                    + "the validation split)";
        } else {
            note = "model bundle: policy " + policy.name() + ", the best learned policy by validation DR that can be "
                    + "bundled; the "
                    + "selected policy " + selected + " cannot be yet (" + String.join("; ", refused) + ")";
        }
        ObjectNode prop = F.objectNode().put("name", fm.propensityName());
        try {
            prop.set("model", ModelCodecs.encodeProbability(fm.propensity(), "propensity", files));
        } catch (NotBundleable nb) {
            return new Written(null, "no model bundle written: the selected propensity model " + fm.propensityName()
                    + " is " + nb.getMessage());
        }
        Study.Treatment tr = study.treatment();
        ObjectNode b = F.objectNode();
        b.put("study", study.name());
        ObjectNode pol = b.putObject("policy").put("name", policy.name().name())
                .put("selected_by_run", selected == null ? null : selected.name())
                .put("deferral_set", (conservative ? DeferralSet.CONSERVATIVE : DeferralSet.INCLUSIVE).key())
                .put("rule", policy.description())
                .put("dr_value_mean", policy.valueDr().mean()).put("note", note);
        ArrayNode arms = b.putArray("arms");
        String[] codes = {tr.controlCode(), tr.treatedCode()};
        for (int a = 0; a < 2; a++) {
            arms.addObject().put("index", a).put("code", codes[a]).put("label", tr.label(codes[a]));
        }
        b.putObject("outcome").put("column", study.outcome().column())
                .put("type", study.outcome().type().name().toLowerCase(Locale.ROOT))
                .put("direction", study.outcome().direction().name().toLowerCase(Locale.ROOT))
                .put("better_sign", study.outcome().sign());
        b.putObject("overlap").put("eta_low", fm.overlap().etaLow()).put("eta_high", fm.overlap().etaHigh())
                .put("method", fm.overlap().method());
        ObjectNode unc = b.putObject("uncertainty");
        if (conservative) {
            RunOutput.FittedDeferral fd = out.deferral();
            unc.put("alpha_stat", fd.alphaStat()).put("lambda", fd.lambda());
            unc.put("note", "Conservative set: defer outside overlap or when the joint interval (statistical "
                    + "interval at alpha_stat widened by the B-learner bounds at Lambda) contains "
                    + (study.decisionRule().margin() == 0 ? "0" : "the margin boundary "
                    + DecisionRule.number(study.decisionRule().boundary())));
        } else {
            unc.putNull("alpha_stat");
            unc.putNull("lambda");
            unc.put("note", "Inclusive set: only the overlap rule defers (no intervals bundled)");
        }
        b.putObject("provenance").put("data_sha256", pv.dataSha256()).put("study_sha256", pv.studySha256())
                .put("seed", pv.seed()).put("causalrx_version", pv.causalrxVersion())
                .put("java_version", System.getProperty("java.version")).put("xgboost_version", pv.xgboostVersion())
                .put("written_at", now.toString());
        pol.put("propensity_model", fm.propensityName());
        DecisionRule rule = study.decisionRule();
        pol.putObject("decision_rule").put("default_arm", rule.defaultArm())
                .put("default_arm_code", codes[rule.defaultArm()])
                .put("default_arm_label", tr.label(codes[rule.defaultArm()])).put("margin", rule.margin())
                .put("text", rule.words(new String[] {tr.label(codes[0]), tr.label(codes[1])},
                        study.outcome().column()));
        List<EncodingParts.Item> items = EncodingParts.of(fm.encoding());
        files.putJson(BundleFormat.BUNDLE, b);
        files.putJson(BundleFormat.SCHEMA, InputSchema.of(study.idColumn(), items, fm.textColumns()).toJson());
        files.putJson(BundleFormat.ENCODING, EncodingCodec.encode(fm.encoding()));
        files.putJson(BundleFormat.PROPENSITY, prop);
        files.putJson(BundleFormat.CATE, cate);
        files.putBytes(BundleFormat.README, readme(policy.name().name(), note).getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : files.all().entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        Files.writeString(dir.resolve(BundleFormat.MANIFEST), BundleFiles.JSON.writeValueAsString(
                Manifest.of(files.all(), "CausalRx " + pv.causalrxVersion())) + "\n", StandardCharsets.UTF_8);
        return new Written(policy.name(), note);
    }

    private static String readme(String policy, String note) {
        return "CausalRx model bundle (format " + BundleFormat.VERSION + ") for policy " + policy + ".\n"
                + note + "\n\n"
                + "Apply it to new patients:  causalrx recommend --model <this folder> --input new.csv --out "
                + "recs.csv\n\n"
                + "manifest.json    format version and SHA-256 of every file (checked on load; do not edit files)\n"
                + "bundle.json      policy and its decision rule (default arm, margin), arms, outcome direction,\n"
                + "                 overlap thresholds, alpha/Lambda, provenance\n"
                + "schema.json      input columns the model needs, their types and categorical levels\n"
                + "encoding.json    training medians, missing indicators, one-hot levels and references, squares\n"
                + "propensity.json  the selected propensity model e(x)\n"
                + "cate.json        the policy's CATE model (Conservative: with its bootstrap refits and B-learner "
                + "bound\n"
                + "                 regressions for the joint interval); *.ubj files are XGBoost boosters in "
                + "XGBoost's format;\n"
                + "                 BART draws and causal-forest trees are arrays stored as base64 zlib chunks of "
                + "little-endian\n"
                + "                 doubles / 32-bit ints, neural-network weights as such chunks of little-endian\n"
                + "                 float32 (layouts: see the 'layout' field)\n";
    }
}

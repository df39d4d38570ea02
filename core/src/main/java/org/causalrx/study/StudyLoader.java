package org.causalrx.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.causalrx.causal.Estimand;
import org.causalrx.result.Arms;
import org.causalrx.util.CausalRxException;

/**
 * Reads and validates a study file (YAML, snake_case keys; see {@code examples/nhefs/study.yaml}). Unknown or
 * repeated keys anywhere, missing required keys ({@code name, data, treatment.column, treatment.arms,
 * outcome.column, outcome.type, outcome.direction, covariates, seed}), wrong types and unknown words are a
 * {@link CausalRxException} naming the study file and the key, with the allowed values. Defaults: split
 * 0.6/0.2/0.2, outcome.missing error, bootstrap.rounds 10000, ate.folds auto ({@link Study#ateFolds(long)}),
 * ate.estimands [ate], deferral as in
 * {@link DeferralBlock}, policy_evaluation.cross_fit false (folds 5), policy (default arm, margin) as in
 * {@link PolicyBlock}. A {@code cohort:} block ({@link CohortBlockLoader}) replaces {@code data} and fills the
 * defaults of {@link CohortStudyDefaults}; the study's data is then null until the wide table is built, its
 * {@code group} is the patient column and its {@code preconditions} default to
 * {@link Study.Preconditions#COHORT_DEFAULT}. {@code group} names a patient column whose rows (stays) the splits keep
 * together; {@code preconditions} the minimum numbers of patients (TRS §3.1).
 * The data path is resolved against
 * the study file's folder. The optional analysis keys ({@code secondary_outcomes}, {@code outcome.evaluate},
 * {@code report}, {@code vulnerable_groups}) are read by {@link AnalysesLoader}.
 */
public final class StudyLoader {
    private StudyLoader() {
    }

    /** Reads, validates and returns the study in {@code file}; throws {@link CausalRxException} on any problem. */
    public static Study load(Path file) {
        String f = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new CausalRxException(f + ": study file not found; give the path to a study YAML file");
        }
        JsonNode root;
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            yaml.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            root = yaml.readTree(file.toFile());
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
            String at = "";
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jp && jp.getLocation() != null
                    && jp.getLocation().getLineNr() > 0) {
                at = "line " + jp.getLocation().getLineNr() + ": ";
            }
            if (msg.startsWith("Duplicate field")) {
                throw new CausalRxException(f + ": " + at + "a key is given twice (" + msg + "); keep one of them", e);
            }
            throw new CausalRxException(f + ": not valid YAML (" + at + msg + "); check indentation and quoting", e);
        }
        if (root == null || !root.isObject()) {
            throw new CausalRxException(f + ": the study file must be a YAML mapping of keys (name, data, treatment, "
                    + "outcome, covariates, seed, ...)");
        }
        YamlNode top = new YamlNode(f, "", root).allowOnly("name", "protocol", "data", "id", "treatment", "outcome",
                "covariates", "split", "seed", "overlap", "bootstrap", "ate", "estimators", "simulation",
                "secondary_outcomes", "report", "vulnerable_groups", "deferral", "policy_evaluation",
                "policy", "cohort", "group", "preconditions", RefutationBlock.KEY);
        String name = top.text("name");
        Study.Protocol protocol = protocol(top.optionalChild("protocol"));
        Path folder = file.toAbsolutePath().getParent();
        org.causalrx.cohort.CohortSpec cohort = top.has("cohort")
                ? CohortBlockLoader.read(f, folder, root.get("cohort")) : null;
        if (cohort != null) {
            CohortStudyDefaults.apply(f, top, cohort);
        }
        Path data = cohort != null ? null : folder.resolve(top.text("data")).normalize();
        String id = top.text("id", null);
        Study.Treatment treatment = treatment(f, top.child("treatment"));
        YamlNode outcomeNode = top.child("outcome");
        Study.Outcome outcome = outcome(outcomeNode);
        List<Study.Covariate> covariates = covariates(f, root.get("covariates"));
        Study.Split split = split(f, top.optionalChild("split"));
        long seed = top.integer("seed");
        Study.Overlap overlap = overlap(f, top.optionalChild("overlap"));
        YamlNode boot = top.optionalChild("bootstrap");
        long roundsLong = boot == null ? 10_000 : boot.allowOnly("rounds", "engine").integer("rounds", 10_000);
        org.causalrx.policy.BootstrapEngine engine = boot == null ? org.causalrx.policy.BootstrapEngine.AUTO
                : org.causalrx.policy.BootstrapEngine.ofKey(boot.choice("engine", "auto", "auto", "exact", "poisson"));
        if (roundsLong > 10_000_000) {
            throw new CausalRxException(f + ": 'bootstrap.rounds' is " + roundsLong + "; use at most 10000000");
        }
        int rounds = (int) roundsLong;
        if (rounds < 1) {
            throw new CausalRxException(f + ": 'bootstrap.rounds' must be at least 1, got " + rounds);
        }
        YamlNode ate = top.optionalChild("ate");
        int folds = ateFolds(f, ate == null ? null : ate.allowOnly("folds", "estimands"));
        checkCovariateNames(f, covariates, treatment, outcome);
        List<EstimatorSpec> estimators = estimators(f, root.get("estimators"));
        return new Study(file.toAbsolutePath().normalize(), name, protocol, data, id, treatment, outcome, covariates,
                split, seed, overlap, rounds, folds, estimators.stream().map(EstimatorSpec::name).toList(),
                simulation(f, top.optionalChild("simulation")), AnalysesLoader.load(f, root, outcomeNode, outcome),
                DeferralBlock.read(f, top.optionalChild("deferral")),
                ate == null ? null : estimands(f, ate.node().get("estimands")),
                policyEvaluation(f, top.optionalChild("policy_evaluation")),
                PolicyBlock.read(f, top.optionalChild("policy"), treatment), estimators,
                top.text("group", cohort == null ? null : cohort.staysTable().patient()),
                preconditions(f, top.optionalChild("preconditions"), cohort != null),
                RefutationBlock.read(f, root), engine);
    }

    /** {@code preconditions: {min_patients: 100, min_per_arm: 30}}; absent: none, or the cohort default. */
    /** {@code ate.folds}: "auto" (or absent) or a whole number from 2 to 100. */
    private static int ateFolds(String f, YamlNode ate) {
        JsonNode v = ate == null || !ate.has("folds") ? null : ate.node().get("folds");
        if (v == null || v.isTextual() && v.asText().equals("auto")) {
            return Study.AUTO_ATE_FOLDS;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 2 || v.asLong() > 100) {
            throw new CausalRxException(f + ": 'ate.folds' must be 'auto' or a whole number between 2 and 100, got '"
                    + v.asText() + "'; use e.g. ate: {folds: 5}");
        }
        return (int) v.asLong();
    }

    private static Study.Preconditions preconditions(String f, YamlNode p, boolean cohort) {
        Study.Preconditions d = Study.Preconditions.COHORT_DEFAULT;
        if (p == null) {
            return cohort ? d : null;
        }
        p.allowOnly("min_patients", "min_per_arm");
        long all = p.integer("min_patients", d.minPatients());
        long arm = p.integer("min_per_arm", d.minPerArm());
        if (all < 1 || arm < 1 || all > Integer.MAX_VALUE || arm > Integer.MAX_VALUE) {
            throw new CausalRxException(f + ": 'preconditions' counts must be positive whole numbers, got min_patients "
                    + all + ", min_per_arm " + arm + "; e.g. preconditions: {min_patients: 100, min_per_arm: 30}");
        }
        return new Study.Preconditions((int) all, (int) arm);
    }

    /** {@code ate.estimands}: a non-empty list of ate / att / atc without repeats; absent: [ate]. */
    private static List<Estimand> estimands(String f, JsonNode list) {
        String allowed = java.util.Arrays.stream(Estimand.values()).map(Estimand::key)
                .collect(java.util.stream.Collectors.joining(", "));
        if (list == null) {
            return null;
        }
        if (!list.isArray() || list.isEmpty()) {
            throw new CausalRxException(f + ": 'ate.estimands' must be a non-empty list of " + allowed
                    + ", e.g. ate: {estimands: [ate, att, atc]}");
        }
        List<Estimand> out = new ArrayList<>();
        for (JsonNode n : list) {
            Estimand e = Estimand.ofKey(n.asText()).orElseThrow(() -> new CausalRxException(f + ": 'ate.estimands' "
                    + "names '" + n.asText() + "', which is not an estimand; allowed: " + allowed));
            if (out.contains(e)) {
                throw new CausalRxException(f + ": 'ate.estimands' lists '" + e.key() + "' twice; keep one");
            }
            out.add(e);
        }
        return out;
    }

    /** {@code policy_evaluation: {cross_fit: false, folds: 5}}; absent: the test split only. */
    private static Study.PolicyEvaluation policyEvaluation(String f, YamlNode p) {
        if (p == null) {
            return Study.PolicyEvaluation.OFF;
        }
        p.allowOnly("cross_fit", "folds", "plug_in");
        long folds = p.integer("folds", Study.PolicyEvaluation.OFF.folds());
        if (folds < 2 || folds > 20) {
            throw new CausalRxException(f + ": 'policy_evaluation.folds' must be between 2 and 20, got " + folds
                    + "; e.g. policy_evaluation: {cross_fit: true, folds: 5}");
        }
        return new Study.PolicyEvaluation(p.bool("cross_fit", false), (int) folds,
                p.text("plug_in", Study.PolicyEvaluation.DEFAULT_PLUG_IN));
    }

    /** A covariate listed twice, or the treatment / outcome listed as a covariate, is a declaration error. */
    private static void checkCovariateNames(String f, List<Study.Covariate> covariates, Study.Treatment treatment,
                                            Study.Outcome outcome) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < covariates.size(); i++) {
            String name = covariates.get(i).name();
            if (!seen.add(name)) {
                throw new CausalRxException(f + ": covariate '" + name + "' is declared twice (covariates["
                        + (i + 1) + "] repeats it); keep one entry");
            }
            if (name.equals(treatment.column())) {
                throw new CausalRxException(f + ": column '" + name + "' is the treatment (treatment.column) and "
                        + "cannot also be a covariate (covariates[" + (i + 1) + "]); remove it from covariates");
            }
            if (name.equals(outcome.column())) {
                throw new CausalRxException(f + ": column '" + name + "' is the outcome (outcome.column) and "
                        + "cannot also be a covariate (covariates[" + (i + 1) + "]); remove it from covariates");
            }
        }
    }

    private static Study.Simulation simulation(String f, YamlNode s) {
        if (s == null) {
            return null;
        }
        s.allowOnly("forms", "lambda", "effect", "seeds", "rounds");
        List<String> forms = new ArrayList<>();
        JsonNode fn = s.node().get("forms");
        if (fn == null || fn.isNull()) {
            forms.add("linear");
        } else {
            for (JsonNode n : fn.isArray() ? fn : List.of(fn)) {
                for (String form : n.asText().split(",")) {
                    String v = form.trim();
                    if (!v.equals("linear") && !v.equals("tree")) {
                        throw new CausalRxException(f + ": 'simulation.forms' has '" + v + "'; use linear and / or "
                                + "tree, e.g. forms: [linear, tree]");
                    }
                    forms.add(v);
                }
            }
        }
        double lambda = s.number("lambda", 0.5);
        if (lambda < 0 || lambda > 1) {
            throw new CausalRxException(f + ": 'simulation.lambda' must be between 0 and 1, got " + lambda);
        }
        Double effect = s.optionalNumber("effect");
        if (effect != null && effect <= 0) {
            throw new CausalRxException(f + ": 'simulation.effect' must be positive (outcome units), got " + effect);
        }
        long seeds = s.integer("seeds", 6);
        long rounds = s.integer("rounds", 1000);
        if (seeds < 1 || seeds > 100 || rounds < 1) {
            throw new CausalRxException(f + ": 'simulation.seeds' must be 1-100 and 'simulation.rounds' at least 1");
        }
        return new Study.Simulation(forms, lambda, effect, (int) seeds, (int) rounds);
    }

    /**
     * {@code estimators}: a non-empty list whose entries are names or {@code {name: ..., params: {...}}} mappings;
     * absent: the three T-learners with default settings. Param values must be scalars; their keys and ranges are
     * checked against the estimator's settings when the run starts.
     */
    private static List<EstimatorSpec> estimators(String f, JsonNode list) {
        if (list == null || list.isNull()) {
            return Study.DEFAULT_ESTIMATORS.stream().map(EstimatorSpec::of).toList();
        }
        if (!list.isArray() || list.isEmpty()) {
            throw new CausalRxException(f + ": 'estimators' must be a non-empty list of estimator names, e.g. "
                    + "[t_xgboost, x_xgboost, average]");
        }
        List<EstimatorSpec> out = new ArrayList<>();
        for (JsonNode n : list) {
            EstimatorSpec spec = estimator(f, n);
            if (out.stream().anyMatch(e -> e.name().equals(spec.name()))) {
                throw new CausalRxException(f + ": estimator '" + spec.name() + "' is listed twice; keep one");
            }
            out.add(spec);
        }
        return out;
    }

    private static EstimatorSpec estimator(String f, JsonNode n) {
        if (n.isTextual()) {
            return EstimatorSpec.of(n.asText());
        }
        if (!n.isObject()) {
            throw new CausalRxException(f + ": 'estimators' entries must be names or {name: ..., params: {...}}, got '"
                    + n + "'");
        }
        YamlNode entry = new YamlNode(f, "estimators[]", n).allowOnly("name", "params");
        String name = entry.text("name");
        JsonNode params = n.get("params");
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        if (params != null && !params.isNull()) {
            if (!params.isObject()) {
                throw new CausalRxException(f + ": estimators: '" + name + "' params must be a mapping of key: value,"
                        + " e.g. {name: " + name + ", params: {...}}, got '" + params + "'");
            }
            java.util.Iterator<java.util.Map.Entry<String, JsonNode>> it = params.fields();
            while (it.hasNext()) {
                java.util.Map.Entry<String, JsonNode> p = it.next();
                values.put(p.getKey(), scalar(f, name, p.getKey(), p.getValue()));
            }
        }
        return new EstimatorSpec(name, values);
    }

    private static Object scalar(String f, String estimator, String key, JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        throw new CausalRxException(f + ": estimators: '" + estimator + "' param '" + key
                + "' must be a single number or true/false, got '" + v + "'");
    }

    private static Study.Protocol protocol(YamlNode p) {
        if (p == null) {
            return new Study.Protocol("", "", "", "");
        }
        p.allowOnly("question", "decision_time", "population", "users");
        return new Study.Protocol(p.text("question", ""), p.text("decision_time", ""), p.text("population", ""),
                p.text("users", ""));
    }

    private static Study.Treatment treatment(String f, YamlNode t) {
        t.allowOnly("column", "arms", "reference", "control", "treated");
        String column = t.text("column");
        YamlNode arms = t.child("arms");
        Map<String, String> labels = new LinkedHashMap<>();
        arms.node().fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new CausalRxException(f + ": 'treatment.arms." + e.getKey() + "' must be a label in words, "
                        + "e.g. arms: {\"0\": \"usual care\", \"1\": \"new drug\"}");
            }
            String code = e.getKey().trim();
            if (code.isEmpty() || labels.containsKey(code)) {
                throw new CausalRxException(f + ": 'treatment.arms' has an empty or repeated code '" + e.getKey()
                        + "'; give different codes as they appear in the data");
            }
            labels.put(code, e.getValue().asText());
        });
        if (labels.size() < 2) {
            throw new CausalRxException(f + ": 'treatment.arms' must list at least two arms (code: label), got "
                    + labels.size() + "; e.g. arms: {\"0\": \"usual care\", \"1\": \"new drug\"}");
        }
        List<String> codes = new ArrayList<>(labels.keySet());
        if (t.has("reference") && t.has("control")) {
            throw new CausalRxException(f + ": give the reference arm once: 'treatment.reference' or "
                    + "'treatment.control', not both");
        }
        String refKey = t.has("control") ? "control" : "reference";
        if (codes.size() > 2) {
            if (t.has("treated")) {
                throw new CausalRxException(f + ": 'treatment.treated' applies to two arms only; with "
                        + codes.size() + " arms name the arm the others are compared with as 'treatment.reference'");
            }
            String ref = t.text(refKey, codes.get(0)).trim();
            if (!labels.containsKey(ref)) {
                throw new CausalRxException(f + ": 'treatment." + refKey + "' must be one of the arm codes listed "
                        + "under 'treatment.arms' (" + String.join(", ", codes) + "), got '" + ref + "'");
            }
            List<String> order = new ArrayList<>();
            order.add(ref);
            codes.stream().filter(c -> !c.equals(ref)).forEach(order::add);
            return new Study.Treatment(column, new Arms(order, order.stream().map(labels::get).toList()));
        }
        String control;
        String treated;
        if (t.has(refKey) && !t.has("treated")) {
            control = t.text(refKey).trim();
            treated = control.equals(codes.get(0)) ? codes.get(1) : codes.get(0);
        } else if (t.has("treated") && !t.has(refKey)) {
            treated = t.text("treated").trim();
            control = treated.equals(codes.get(1)) ? codes.get(0) : codes.get(1);
        } else {
            control = t.text(refKey, codes.get(0)).trim();
            treated = t.text("treated", codes.get(1)).trim();
        }
        if (!labels.containsKey(control) || !labels.containsKey(treated) || control.equals(treated)) {
            throw new CausalRxException(f + ": 'treatment." + refKey + "' and 'treatment.treated' must be the two "
                    + "different arm codes listed under 'treatment.arms' (" + String.join(", ", codes) + ")");
        }
        return new Study.Treatment(column, labels, control, treated);
    }

    private static Study.Outcome outcome(YamlNode o) {
        o.allowOnly("column", "type", "direction", "missing", "evaluate", "classes");
        String type = o.choice("type", null, "continuous", "binary", "categorical");
        String direction = o.choice("direction", null, "higher", "lower");
        String missing = o.choice("missing", "error", "error", "drop");
        return new Study.Outcome(o.text("column"), Study.OutcomeType.valueOf(type.toUpperCase(Locale.ROOT)),
                Study.Direction.valueOf(direction.toUpperCase(Locale.ROOT)),
                Study.MissingOutcome.valueOf(missing.toUpperCase(Locale.ROOT)), classes(o, type));
    }

    /** {@code outcome.classes}: distinct labels in code order, at least two; categorical outcomes only. */
    private static List<String> classes(YamlNode o, String type) {
        JsonNode c = o.node().get("classes");
        if (c == null || c.isNull()) {
            return List.of();
        }
        String where = o.file() + ": 'outcome.classes'";
        if (!type.equals("categorical")) {
            throw new CausalRxException(where + " is only for outcome.type: categorical; remove it");
        }
        if (!c.isArray() || c.size() < 2) {
            throw new CausalRxException(where + " must be a list of at least two class labels in code order, "
                    + "e.g. classes: [none, one, two_or_more]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : c) {
            String v = n.asText().trim();
            if (!n.isValueNode() || v.isEmpty() || out.contains(v)) {
                throw new CausalRxException(where + " has an empty, nested or repeated label ('" + v + "'); list "
                        + "each class label once, in code order");
            }
            out.add(v);
        }
        return out;
    }

    private static List<Study.Covariate> covariates(String f, JsonNode list) {
        if (list == null || list.isNull()) {
            throw new CausalRxException(f + ": missing required key 'covariates'; list each covariate with its role, "
                    + "e.g. - {name: age, role: confounder}");
        }
        if (!list.isArray() || list.isEmpty()) {
            throw new CausalRxException(f + ": 'covariates' must be a non-empty list of {name, role} entries");
        }
        List<Study.Covariate> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                throw new CausalRxException(f + ": 'covariates[" + (i + 1) + "]' must be a mapping like "
                        + "{name: age, role: confounder}");
            }
            YamlNode c = new YamlNode(f, "covariates[" + (i + 1) + "]", item)
                    .allowOnly("name", "role", "type", "squared", "reason");
            String role = c.text("role");
            CovariateRole r = CovariateRole.fromKey(role);
            if (r == null) {
                List<String> valid = new ArrayList<>();
                for (CovariateRole v : CovariateRole.values()) {
                    valid.add(v.key());
                }
                throw new CausalRxException(f + ": covariate '" + c.text("name") + "' (covariates[" + (i + 1)
                        + "].role) has unknown role '" + role + "'; use one of: " + String.join(", ", valid));
            }
            String type = c.has("type") ? c.choice("type", null, "numeric", "categorical") : null;
            if ("categorical".equals(type) && c.bool("squared", false)) {
                throw new CausalRxException(f + ": covariate '" + c.text("name") + "' (covariates[" + (i + 1)
                        + "]) is categorical and cannot be squared; remove 'squared: true' or use type: numeric");
            }
            out.add(new Study.Covariate(c.text("name"), r,
                    type == null ? null : Study.ValueType.valueOf(type.toUpperCase(Locale.ROOT)),
                    c.bool("squared", false), c.text("reason", null)));
        }
        return out;
    }

    private static Study.Split split(String f, YamlNode s) {
        if (s == null) {
            return new Study.Split(0.6, 0.2, 0.2);
        }
        s.allowOnly("train", "validation", "test");
        double tr = s.number("train", 0.6);
        double va = s.number("validation", 0.2);
        double te = s.number("test", 0.2);
        if (tr <= 0 || va <= 0 || te <= 0 || Math.abs(tr + va + te - 1) > 1e-6) {
            throw new CausalRxException(f + ": 'split' fractions must be positive and sum to 1, got train " + tr
                    + ", validation " + va + ", test " + te);
        }
        return new Study.Split(tr, va, te);
    }

    private static Study.Overlap overlap(String f, YamlNode o) {
        if (o == null) {
            return new Study.Overlap(null, null);
        }
        o.allowOnly("eta_low", "eta_high");
        Double lo = o.optionalNumber("eta_low");
        Double hi = o.optionalNumber("eta_high");
        if ((lo != null && (lo < 0 || lo >= 1)) || (hi != null && (hi <= 0 || hi > 1))
                || (lo != null && hi != null && lo >= hi)) {
            throw new CausalRxException(f + ": 'overlap' thresholds must satisfy 0 <= eta_low < eta_high <= 1, got "
                    + lo + ", " + hi);
        }
        return new Study.Overlap(lo, hi);
    }
}

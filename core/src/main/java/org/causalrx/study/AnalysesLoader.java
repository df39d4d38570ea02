package org.causalrx.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import org.causalrx.expr.Expression;
import org.causalrx.util.CausalRxException;

/**
 * Reads the study keys behind {@link Study.Analyses}: {@code secondary_outcomes} (list of {column, type,
 * direction, missing}), {@code outcome.evaluate} ({name, formula, direction, missing}), {@code report}
 * ({outcome_trees: all | [policy names]}) and {@code vulnerable_groups} ({columns: [...], margin}). Strict like
 * {@link StudyLoader}: unknown keys and bad values are errors naming the file and key. Column names are checked
 * against the data at run time ({@link AnalysisColumns#check}); the formula's syntax is checked here.
 */
final class AnalysesLoader {
    private AnalysesLoader() {
    }

    static Study.Analyses load(String f, JsonNode root, YamlNode outcomeNode, Study.Outcome primary) {
        List<Study.Outcome> secondary = secondary(f, root.get("secondary_outcomes"), primary);
        Study.EvaluationOutcome eval = evaluation(f, outcomeNode.optionalChild("evaluate"), primary);
        List<String> trees = List.of();
        YamlNode report = new YamlNode(f, "", root).optionalChild("report");
        if (report != null) {
            report.allowOnly("outcome_trees");
            trees = names(f, report.node().get("outcome_trees"), "report.outcome_trees", true);
        }
        List<String> groups = List.of();
        double margin = 0.10;
        YamlNode vg = new YamlNode(f, "", root).optionalChild("vulnerable_groups");
        if (vg != null) {
            vg.allowOnly("columns", "margin");
            groups = names(f, vg.node().get("columns"), "vulnerable_groups.columns", false);
            margin = vg.number("margin", 0.10);
            if (!(margin > 0 && margin < 1)) {
                throw new CausalRxException(f + ": 'vulnerable_groups.margin' must be between 0 and 1 (a share, e.g. "
                        + "0.10), got " + margin);
            }
        }
        return new Study.Analyses(secondary, eval, trees, groups, margin);
    }

    private static List<Study.Outcome> secondary(String f, JsonNode list, Study.Outcome primary) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new CausalRxException(f + ": 'secondary_outcomes' must be a list of {column, type, direction} "
                    + "entries, e.g. - {column: wt82_71, type: continuous, direction: lower}");
        }
        List<Study.Outcome> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String path = "secondary_outcomes[" + (i + 1) + "]";
            if (!item.isObject()) {
                throw new CausalRxException(f + ": '" + path + "' must be a mapping like {column: wt82_71, type: "
                        + "continuous, direction: lower}");
            }
            YamlNode o = new YamlNode(f, path, item).allowOnly("column", "type", "direction", "missing");
            String column = o.text("column");
            String type = o.choice("type", null, "continuous", "binary");
            String direction = o.choice("direction", null, "higher", "lower");
            String missing = o.choice("missing", "error", "error", "drop");
            if (column.equals(primary.column()) || out.stream().anyMatch(s -> s.column().equals(column))) {
                throw new CausalRxException(f + ": '" + path + ".column' is '" + column + "', which is already the "
                        + "primary outcome or another secondary outcome; list each outcome once");
            }
            out.add(new Study.Outcome(column, Study.OutcomeType.valueOf(type.toUpperCase(Locale.ROOT)),
                    Study.Direction.valueOf(direction.toUpperCase(Locale.ROOT)),
                    Study.MissingOutcome.valueOf(missing.toUpperCase(Locale.ROOT))));
        }
        return out;
    }

    private static Study.EvaluationOutcome evaluation(String f, YamlNode e, Study.Outcome primary) {
        if (e == null) {
            return null;
        }
        e.allowOnly("name", "formula", "direction", "missing");
        String formula = e.text("formula");
        Expression.parse(formula, f + ": 'outcome.evaluate.formula'");
        String direction = e.choice("direction", primary.direction().name().toLowerCase(Locale.ROOT), "higher",
                "lower");
        String missing = e.choice("missing", "error", "error", "drop");
        return new Study.EvaluationOutcome(e.text("name", "evaluation_outcome"), formula,
                Study.Direction.valueOf(direction.toUpperCase(Locale.ROOT)),
                Study.MissingOutcome.valueOf(missing.toUpperCase(Locale.ROOT)));
    }

    private static List<String> names(String f, JsonNode n, String key, boolean allowAll) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (allowAll && n.isTextual() && n.asText().equals("all")) {
            return List.of("all");
        }
        if (!n.isArray()) {
            throw new CausalRxException(f + ": '" + key + "' must be a list of names" + (allowAll ? " or the word all"
                    : "") + ", e.g. " + key.substring(key.lastIndexOf('.') + 1) + ": [sex, race]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode v : n) {
            if (!v.isTextual() || v.asText().isBlank()) {
                throw new CausalRxException(f + ": '" + key + "' entries must be names, got '" + v + "'");
            }
            if (out.contains(v.asText())) {
                throw new CausalRxException(f + ": '" + key + "' lists '" + v.asText() + "' twice; keep one");
            }
            out.add(v.asText());
        }
        return out;
    }
}

package org.causalrx.study;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.causalrx.cohort.CohortSpec;
import org.causalrx.cohort.Durations;
import org.causalrx.cohort.Stat;
import org.causalrx.util.CausalRxException;

/** The rule entries of a {@code cohort:} block (events, features, treatment, outcome, conditions), validated. */
final class CohortRules {
    private static final Pattern COMPARISON =
            Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(>=|<=|==|!=|>|<)\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*");
    private static final Pattern PRESENCE =
            Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s+is\\s+(missing|present)\\s*");

    private CohortRules() {
    }

    /** The entries of an optional list of mappings under {@code key}. */
    static List<YamlNode> list(YamlNode parent, String key, JsonNode list) {
        List<YamlNode> out = new ArrayList<>();
        if (list == null || list.isNull()) {
            return out;
        }
        if (!list.isArray()) {
            throw new CausalRxException(parent.file() + ": '" + parent.where(key) + "' must be a list of mappings "
                    + "(lines starting with '- {')");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isObject()) {
                throw new CausalRxException(parent.file() + ": '" + parent.where(key) + "[" + (i + 1) + "]' must be "
                        + "a mapping like {table: ..., column: ...}");
            }
            out.add(new YamlNode(parent.file(), parent.where(key) + "[" + (i + 1) + "]", list.get(i)));
        }
        return out;
    }

    /** The {@code table} with its {@code items} / {@code contains} selection; the table must have a time column. */
    static CohortSpec.Events events(YamlNode n, CohortBlockLoader.Tables t) {
        CohortSpec.SourceTable src = t.get(n, "table");
        if (src.time() == null) {
            throw new CausalRxException(n.file() + ": '" + n.where("table") + "' is '" + src.name() + "', which has no "
                    + "time column; add time: <timestamp column> under its tables entry");
        }
        List<String> items = texts(n, "items");
        List<String> contains = texts(n, "contains");
        if ((!items.isEmpty() || !contains.isEmpty()) && src.item() == null) {
            throw new CausalRxException(n.file() + ": '" + n.where(items.isEmpty() ? "contains" : "items")
                    + "' selects events by item, but table '" + src.name() + "' has no item column; add "
                    + "item: <column> under its tables entry");
        }
        return new CohortSpec.Events(src.name(), items, contains);
    }

    private static List<String> texts(YamlNode n, String key) {
        JsonNode v = n.node().get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        for (JsonNode e : v.isArray() ? v : List.of(v)) {
            if (!e.isValueNode() || e.asText().isBlank()) {
                throw new CausalRxException(n.file() + ": '" + n.where(key) + "' must be a list of item codes or "
                        + "names, e.g. [50912]");
            }
            out.add(e.asText());
        }
        if (v.isArray() && out.isEmpty()) {
            throw new CausalRxException(n.file() + ": '" + n.where(key) + "' is an empty list; list at least one item "
                    + "or remove the key");
        }
        return out;
    }

    static CohortSpec.Feature feature(YamlNode fe, CohortBlockLoader.Tables t) {
        fe.allowOnly("name", "table", "items", "contains", "unit", "stats");
        String name = fe.text("name");
        CohortSpec.Events ev = events(fe, t);
        JsonNode st = fe.node().get("stats");
        if (st == null || !st.isArray() || st.isEmpty()) {
            throw new CausalRxException(fe.file() + ": '" + fe.where("stats") + "' must list the statistics to "
                    + "compute, e.g. [mean, median, p10, p90, sd, first, last, hours_since_first]; allowed: "
                    + Stat.allowed());
        }
        List<Stat> stats = new ArrayList<>();
        for (JsonNode s : st) {
            Stat stat = CohortBlockLoader.stat(fe.file(), fe.where("stats"), s.asText());
            if (stats.contains(stat)) {
                throw new CausalRxException(fe.file() + ": '" + fe.where("stats") + "' lists '" + stat.key()
                        + "' twice; keep one");
            }
            if (stat.needsValue() && t.byName(ev.table()).value() == null) {
                throw new CausalRxException(fe.file() + ": '" + fe.where("stats") + "' asks for '" + stat.key()
                        + "', which needs values, but table '" + ev.table() + "' has no value column; add value: "
                        + "<numeric column> under its tables entry or use count / hours_since_first / "
                        + "hours_since_last");
            }
            stats.add(stat);
        }
        boolean anyValue = stats.stream().anyMatch(Stat::needsValue);
        if (anyValue && !fe.has("unit")) {
            throw new CausalRxException(fe.file() + ": missing required key '" + fe.where("unit") + "'; give the "
                    + "signal's unit, e.g. unit: mg/dL");
        }
        return new CohortSpec.Feature(name, ev, fe.text("unit", ""), stats);
    }

    static CohortSpec.TreatmentRule treatment(YamlNode n, CohortBlockLoader.Tables t) {
        n.allowOnly("column", "table", "items", "contains", "window");
        return new CohortSpec.TreatmentRule(n.text("column"), events(n, t), window(n));
    }

    static CohortSpec.OutcomeRule outcome(YamlNode n, CohortBlockLoader.Tables t) {
        n.allowOnly("column", "rule", "table", "items", "contains", "window", "stat", "unit");
        String rule = n.choice("rule", null, "value", "change", "event");
        CohortSpec.OutcomeKind kind = CohortSpec.OutcomeKind.valueOf(rule.toUpperCase(java.util.Locale.ROOT));
        CohortSpec.Events ev = events(n, t);
        Stat stat = null;
        if (kind == CohortSpec.OutcomeKind.EVENT) {
            if (n.has("stat")) {
                throw new CausalRxException(n.file() + ": '" + n.where("stat") + "' does not apply to rule: event "
                        + "(the outcome is 1 when an event falls in the window, else 0); remove it");
            }
        } else {
            stat = CohortBlockLoader.stat(n.file(), n.where("stat"), n.text("stat", "last"));
            if (!stat.forOutcome()) {
                throw new CausalRxException(n.file() + ": '" + n.where("stat") + "' is '" + stat.key() + "'; an "
                        + "outcome value is one of first, last, mean, median, p10, p90, min, max");
            }
            if (t.byName(ev.table()).value() == null) {
                throw new CausalRxException(n.file() + ": outcome rule '" + rule + "' reads values, but table '"
                        + ev.table() + "' has no value column; add value: <numeric column> under its tables entry");
            }
        }
        return new CohortSpec.OutcomeRule(n.text("column"), kind, ev, window(n), stat,
                kind == CohortSpec.OutcomeKind.EVENT ? "0/1" : n.text("unit", ""));
    }

    /** {@code window: [0h, 24h]}: hours after the decision, 0 ≤ from &lt; to. */
    private static CohortSpec.Window window(YamlNode n) {
        JsonNode w = n.node().get("window");
        String fix = "; give two durations after the decision, e.g. window: [0h, 24h] or [48h, 72h]";
        if (w == null || w.isNull()) {
            throw new CausalRxException(n.file() + ": missing required key '" + n.where("window") + "'" + fix);
        }
        if (!w.isArray() || w.size() != 2) {
            throw new CausalRxException(n.file() + ": '" + n.where("window") + "' must be [from, to]" + fix);
        }
        Double from = Durations.hours(w.get(0).asText());
        Double to = Durations.hours(w.get(1).asText());
        if (from == null || to == null || from >= to) {
            throw new CausalRxException(n.file() + ": '" + n.where("window") + "' is " + w + "; it needs "
                    + "0 <= from < to with units" + fix);
        }
        return new CohortSpec.Window(from, to);
    }

    /** {@code include} / {@code exclude}: conditions such as "anchor_age >= 18" or "weight is missing". */
    static List<CohortSpec.Condition> conditions(YamlNode c, String key) {
        List<CohortSpec.Condition> out = new ArrayList<>();
        JsonNode list = c.node().get(key);
        if (list == null || list.isNull()) {
            return out;
        }
        for (JsonNode e : list.isArray() ? list : List.of(list)) {
            String text = e.asText();
            Matcher m = COMPARISON.matcher(text);
            Matcher p = PRESENCE.matcher(text);
            if (e.isValueNode() && m.matches()) {
                CohortSpec.Op op = op(m.group(2));
                out.add(new CohortSpec.Condition(m.group(1), op, Double.parseDouble(m.group(3))));
            } else if (e.isValueNode() && p.matches()) {
                out.add(new CohortSpec.Condition(p.group(1), p.group(2).equals("missing") ? CohortSpec.Op.MISSING
                        : CohortSpec.Op.PRESENT, null));
            } else {
                throw new CausalRxException(c.file() + ": '" + c.where(key) + "' has '" + text + "'; write a "
                        + "condition as \"COLUMN OP NUMBER\" (OP one of >, >=, <, <=, ==, !=) or \"COLUMN is missing\""
                        + " / \"COLUMN is present\", e.g. \"anchor_age >= 18\"");
            }
        }
        return out;
    }

    private static CohortSpec.Op op(String key) {
        for (CohortSpec.Op o : CohortSpec.Op.values()) {
            if (o.key().equals(key)) {
                return o;
            }
        }
        throw new IllegalArgumentException(key);
    }

    /** Wide-table column names are distinct, and conditions name baseline or feature columns. */
    static void checkNames(String f, String at, CohortSpec spec) {
        List<String> names = new ArrayList<>();
        names.add(spec.staysTable().patient());
        names.add(spec.staysTable().stay());
        names.add(CohortSpec.DECISION_TIME);
        names.addAll(spec.covariateColumns());
        names.add(spec.treatment().column());
        names.add(spec.outcome().column());
        String dup = CohortBlockLoader.firstRepeat(names);
        String where = at.isEmpty() ? "the cohort file" : "'" + at + "'";
        if (dup != null) {
            throw new CausalRxException(f + ": " + where + " makes column '" + dup + "' twice (the wide table has "
                    + "the patient and stay id columns, " + CohortSpec.DECISION_TIME + ", baseline columns, one "
                    + "NAME_STAT column per feature statistic, the treatment and the outcome); rename one (baseline: "
                    + "as: NEW_NAME; features: name)");
        }
        List<String> allowed = spec.covariateColumns();
        List<CohortSpec.Condition> all = new ArrayList<>(spec.include());
        all.addAll(spec.exclude());
        for (CohortSpec.Condition c : all) {
            if (!allowed.contains(c.variable())) {
                String guess = YamlNode.closest(c.variable(), allowed);
                throw new CausalRxException(f + ": condition '" + c.describe() + "' (" + where + " include / exclude) "
                        + "names '" + c.variable() + "', which is not a baseline or feature column"
                        + (guess == null ? "" : " (did you mean '" + guess + "'?)") + "; conditions may use: "
                        + String.join(", ", allowed));
            }
        }
    }
}

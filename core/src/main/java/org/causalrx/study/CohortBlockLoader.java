package org.causalrx.study;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.causalrx.cohort.CohortSpec;
import org.causalrx.cohort.Durations;
import org.causalrx.cohort.Stat;
import org.causalrx.util.CausalRxException;

/**
 * Reads a study's {@code cohort:} block (inline, or a file it names: {@code cohort: cohort.yaml}) into a
 * {@link CohortSpec}. Every problem is one line naming the file, the key and a fix. Paths are resolved against the
 * folder of the file that names them. Keys: {@code tables} (name: {path, patient, stay, time, item, value}),
 * {@code stays}, {@code index} ({table, items | contains, rule: first | above | rise_over_first, value | by}),
 * {@code lookback} (a duration such as 72h), {@code baseline} ([{table, column, as}]), {@code features}
 * ([{name, table, items | contains, unit, stats}]), {@code treatment} ({column, table, items | contains, window}),
 * {@code outcome} ({column, rule: value | change | event, table, items | contains, window, stat, unit}),
 * {@code include} and {@code exclude} (conditions such as "anchor_age &gt;= 18"), and optionally {@code database}
 * ({url, user, password_env, fetch_size}): the tables are then PostgreSQL tables named by {@code table:} instead of
 * files named by {@code path:}.
 */
public final class CohortBlockLoader {
    private CohortBlockLoader() {
    }

    /** The cohort block of the study file {@code studyFile}, or null when it has none. */
    public static CohortSpec forStudy(Path studyFile) {
        JsonNode root = readYaml(studyFile);
        JsonNode c = root == null ? null : root.get("cohort");
        return c == null || c.isNull() ? null : read(studyFile.toString(), studyFile.toAbsolutePath().getParent(), c);
    }

    /** Reads {@code node} (the value of {@code cohort:} in file {@code f}, whose folder is {@code folder}). */
    static CohortSpec read(String f, Path folder, JsonNode node) {
        if (node.isTextual()) {
            Path file = folder.resolve(node.asText()).normalize();
            if (!Files.isRegularFile(file)) {
                throw new CausalRxException(f + ": 'cohort' names " + file + ", which does not exist; give the path "
                        + "of a cohort YAML file relative to the study file, or write the block inline");
            }
            JsonNode inner = readYaml(file);
            if (inner == null || !inner.isObject()) {
                throw new CausalRxException(file + ": a cohort file must be a mapping of keys (tables, stays, index, "
                        + "features, treatment, outcome, ...)");
            }
            return block(new YamlNode(file.toString(), "", inner), file.toAbsolutePath().getParent());
        }
        if (!node.isObject()) {
            throw new CausalRxException(f + ": 'cohort' must be a mapping (tables, stays, index, ...) or the name of a "
                    + "cohort YAML file");
        }
        return block(new YamlNode(f, "cohort", node), folder);
    }

    private static JsonNode readYaml(Path file) {
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
            yaml.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            return yaml.readTree(file.toFile());
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
            throw new CausalRxException(file + ": not valid YAML (" + msg + "); check indentation and quoting", e);
        }
    }

    private static CohortSpec block(YamlNode c, Path folder) {
        String f = c.file();
        c.allowOnly("tables", "stays", "index", "lookback", "baseline", "features", "treatment", "outcome",
                "include", "exclude", "database");
        CohortSpec.Database database = c.has("database") ? CohortDatabase.read(c.child("database")) : null;
        Map<String, CohortSpec.SourceTable> tables = tables(c.child("tables"), folder, database != null);
        String stays = c.text("stays");
        CohortSpec.SourceTable st = tables.get(stays);
        if (st == null) {
            throw new CausalRxException(f + ": '" + c.where("stays") + "' is '" + stays + "', which is not one of "
                    + "the tables (" + String.join(", ", tables.keySet()) + "); name the table with one row per stay");
        }
        if (st.stay() == null) {
            throw new CausalRxException(f + ": the stays table '" + stays + "' has no 'stay' column; add "
                    + "stay: <admission id column> under " + c.where("tables." + stays));
        }
        Tables t = new Tables(f, c.where("tables"), tables);
        YamlNode idx = c.child("index").allowOnly("table", "items", "contains", "rule", "value", "by");
        CohortSpec.IndexRule index = index(idx, t);
        double lookback = duration(c, "lookback");
        List<CohortSpec.Baseline> baseline = new ArrayList<>();
        JsonNode bl = c.node().get("baseline");
        for (YamlNode b : CohortRules.list(c, "baseline", bl)) {
            b.allowOnly("table", "column", "as");
            CohortSpec.SourceTable src = t.get(b, "table");
            if (src.time() != null && src.stay() == null) {
                throw new CausalRxException(f + ": '" + b.where("table") + "' is '" + src.name() + "', an event table "
                        + "without a stay column; baseline columns come from stay or patient tables (no time column)");
            }
            String column = b.text("column");
            baseline.add(new CohortSpec.Baseline(b.text("as", column), src.name(), column));
        }
        List<CohortSpec.Feature> features = new ArrayList<>();
        for (YamlNode fe : CohortRules.list(c, "features", c.node().get("features"))) {
            features.add(CohortRules.feature(fe, t));
        }
        CohortSpec.TreatmentRule treatment = CohortRules.treatment(c.child("treatment"), t);
        CohortSpec.OutcomeRule outcome = CohortRules.outcome(c.child("outcome"), t);
        List<CohortSpec.Condition> include = CohortRules.conditions(c, "include");
        List<CohortSpec.Condition> exclude = CohortRules.conditions(c, "exclude");
        CohortSpec spec = new CohortSpec(tables, stays, index, lookback, baseline, features, treatment, outcome,
                include, exclude, database);
        CohortRules.checkNames(f, c.path(), spec);
        return spec;
    }

    /** The tables by name, each checked for the keys it must have. */
    private static Map<String, CohortSpec.SourceTable> tables(YamlNode tables, Path folder, boolean database) {
        Map<String, CohortSpec.SourceTable> out = new LinkedHashMap<>();
        tables.node().fields().forEachRemaining(e -> {
            if (!e.getValue().isObject()) {
                throw new CausalRxException(tables.file() + ": '" + tables.where(e.getKey()) + "' must be a mapping "
                        + "like {path: labevents.csv.gz, patient: subject_id, stay: hadm_id, time: charttime}");
            }
            YamlNode n = new YamlNode(tables.file(), tables.where(e.getKey()), e.getValue())
                    .allowOnly("path", "table", "patient", "stay", "time", "item", "value");
            String relation = CohortDatabase.relation(n, database);
            Path p = database ? null : folder.resolve(n.text("path")).normalize();
            if (p != null && !Files.exists(p)) {
                throw new CausalRxException(tables.file() + ": '" + n.where("path") + "' names " + p + ", which does "
                        + "not exist; give a CSV, CSV.gz or Parquet file (or a folder of them) relative to "
                        + "the study file");
            }
            out.put(e.getKey(), new CohortSpec.SourceTable(e.getKey(), p, n.text("patient"), n.text("stay", null),
                    n.text("time", null), n.text("item", null), n.text("value", null), relation));
        });
        if (out.isEmpty()) {
            throw new CausalRxException(tables.file() + ": '" + tables.path() + "' lists no tables; add at least the "
                    + "stays table and one event table");
        }
        return out;
    }

    private static CohortSpec.IndexRule index(YamlNode idx, Tables t) {
        CohortSpec.Events ev = CohortRules.events(idx, t);
        CohortSpec.SourceTable src = t.byName(ev.table());
        String f = idx.file();
        if (src.stay() == null || src.time() == null) {
            throw new CausalRxException(f + ": '" + idx.where("table") + "' is '" + src.name() + "', which needs "
                    + "both a stay and a time column to place the decision within a stay; add them under its tables "
                    + "entry");
        }
        String rule = idx.choice("rule", null, "first", "above", "rise_over_first");
        CohortSpec.IndexKind kind = switch (rule) {
            case "above" -> CohortSpec.IndexKind.ABOVE;
            case "rise_over_first" -> CohortSpec.IndexKind.RISE_OVER_FIRST;
            default -> CohortSpec.IndexKind.FIRST;
        };
        String needs = kind == CohortSpec.IndexKind.ABOVE ? "value" : kind == CohortSpec.IndexKind.RISE_OVER_FIRST
                ? "by" : null;
        for (String k : List.of("value", "by")) {
            if (idx.has(k) && !k.equals(needs)) {
                throw new CausalRxException(f + ": '" + idx.where(k) + "' does not apply to rule: " + rule
                        + "; remove it (value goes with rule: above, by with rule: rise_over_first)");
            }
        }
        if (needs != null && src.value() == null) {
            throw new CausalRxException(f + ": index rule '" + rule + "' compares values, but table '" + src.name()
                    + "' has no value column; add value: <numeric column> under its tables entry");
        }
        if (needs != null && !idx.has(needs)) {
            throw new CausalRxException(f + ": missing required key '" + idx.where(needs) + "' for rule: " + rule
                    + (needs.equals("by") ? "; e.g. by: 0.3 (a rise of more than 0.3 over the stay's first value)"
                    : "; e.g. value: 1.5 (the first value above 1.5)"));
        }
        double threshold = needs == null ? 0 : idx.number(needs, 0);
        return new CohortSpec.IndexRule(ev, kind, threshold);
    }

    /** A required duration such as 72h, in hours (&gt; 0). */
    static double duration(YamlNode n, String key) {
        String text = n.text(key);
        Double h = Durations.hours(text);
        if (h == null || h <= 0) {
            throw new CausalRxException(n.file() + ": '" + n.where(key) + "' is '" + text + "'; give a positive "
                    + "duration with its unit: min, h or d, e.g. 72h or 3d");
        }
        return h;
    }

    /** The tables of a cohort block, looked up with messages naming the key. */
    record Tables(String file, String where, Map<String, CohortSpec.SourceTable> all) {
        CohortSpec.SourceTable get(YamlNode n, String key) {
            String name = n.text(key);
            CohortSpec.SourceTable s = all.get(name);
            if (s == null) {
                String guess = YamlNode.closest(name, new ArrayList<>(all.keySet()));
                throw new CausalRxException(file + ": '" + n.where(key) + "' is '" + name + "', which is not a table "
                        + "under '" + where + "'" + (guess == null ? "" : " (did you mean '" + guess + "'?)")
                        + "; the tables are: " + String.join(", ", all.keySet()));
            }
            return s;
        }

        CohortSpec.SourceTable byName(String name) {
            return all.get(name);
        }
    }

    /** Names used twice in one set, for the uniqueness checks. */
    static String firstRepeat(List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String s : names) {
            if (!seen.add(s)) {
                return s;
            }
        }
        return null;
    }

    /** The statistic named {@code key} at {@code where}. */
    static Stat stat(String f, String where, String key) {
        return Stat.ofKey(key).orElseThrow(() -> new CausalRxException(f + ": '" + where + "' has '" + key
                + "', which is not a statistic; use: " + Stat.allowed()));
    }
}

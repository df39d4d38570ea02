package org.causalrx.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.study.CohortBlockLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/**
 * Property test over random event tables (patients with one to three stays): changing events after a patient's last
 * decision leaves every feature unchanged (and does change outcomes and treatments); changing events before the
 * first decision leaves every treatment and outcome unchanged (and does change features).
 */
@Tag("slow")
class CohortLeakageTest {
    private static final String RULES = String.join("\n",
            "  index: {table: labs, items: [50912], rule: rise_over_first, by: 0.3}",
            "  lookback: 48h",
            "  baseline: [{table: patients, column: anchor_age}]",
            "  features:",
            "    - {name: crea, table: labs, items: [50912], unit: mg/dL,",
            "       stats: [mean, median, p10, p90, sd, min, max, first, last, count, hours_since_first,"
                    + " hours_since_last]}",
            "    - {name: k, table: labs, items: [50971], unit: mmol/L, stats: [mean, sd, last, count,"
                    + " hours_since_last]}",
            "    - {name: loop, table: drugs, contains: [furosemide, bumetanide], stats: [count, hours_since_last]}",
            "  treatment: {column: loop_diuretic, table: drugs, contains: [furosemide, bumetanide],"
                    + " window: [0h, 24h]}",
            "  outcome: {column: k_later, rule: value, table: labs, items: [50971], window: [12h, 72h], stat: last,"
                    + " unit: mmol/L}");

    record Lab(int patient, int stay, double t, String item, double v) {
    }

    record Drug(int patient, int stay, double t, String name) {
    }

    record Events(List<Lab> labs, List<Drug> drugs) {
    }

    static Events random(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Lab> labs = new ArrayList<>();
        List<Drug> drugs = new ArrayList<>();
        String[] names = {"Furosemide", "Bumetanide 1mg", "Heparin", "Torsemide"};
        for (int p = 1; p <= 40; p++) {
            int stays = 1 + r.nextInt(3);
            for (int s = 0; s < stays; s++) {
                int stay = p * 10 + s;
                double start = p * 1000 + s * 300 + r.nextInt(50);
                double crea = 0.6 + r.nextDouble();
                for (int i = 0, n = 3 + r.nextInt(10); i < n; i++) {
                    crea = Math.max(0.3, crea + r.nextDouble(-0.25, 0.35));
                    labs.add(new Lab(p, stay, start + i * 8 + r.nextInt(7), "50912", round(crea)));
                }
                for (int i = 0, n = 2 + r.nextInt(12); i < n; i++) {
                    labs.add(new Lab(p, stay, start + r.nextInt(200), "50971", round(3 + 3 * r.nextDouble())));
                }
                for (int i = 0, n = r.nextInt(4); i < n; i++) {
                    drugs.add(new Drug(p, stay, start + r.nextInt(200), names[r.nextInt(names.length)]));
                }
            }
        }
        return new Events(labs, drugs);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Writes the events and builds the cohort; returns the wide table. */
    static Table build(Path dir, Events ev) throws Exception {
        EventTables t = new EventTables();
        java.util.Set<String> stays = new java.util.TreeSet<>();
        ev.labs().forEach(l -> stays.add(l.patient() + "," + l.stay()));
        stays.forEach(s -> t.stays.add(s + ",URGENT"));
        for (int p = 1; p <= 40; p++) {
            t.patient(p, 40 + p, p % 2 == 0 ? "F" : "M");
        }
        ev.labs().forEach(l -> t.lab(l.patient(), l.stay(), l.t(), l.item(), l.v()));
        ev.drugs().forEach(d -> t.drug(d.patient(), d.stay(), d.t(), d.name()));
        t.write(dir);
        CohortSpec spec = CohortBlockLoader.forStudy(EventTables.study(dir, EventTables.TABLES + "\n" + RULES));
        Path out = dir.resolve("cohort.parquet");
        Files.deleteIfExists(out);
        CohortExtractor.build(spec, out);
        return TableReader.read(out);
    }

    @Test
    void featuresIgnoreLaterEventsAndOutcomesIgnoreEarlierOnes(@TempDir Path dir) throws Exception {
        for (long seed : new long[] {11, 12, 13}) {
            Events ev = random(seed);
            Table a = build(dir, ev);
            Map<Integer, double[]> span = decisions(a);
            // after each patient's last decision: values + 7, drug times later, one more loop diuretic
            Events later = perturb(ev, span, false);
            Table b = build(dir, later);
            assertEquals(CohortExtractorTest.texts(a, "hadm_id"), CohortExtractorTest.texts(b, "hadm_id"));
            for (String c : a.columnNames()) {
                if (!c.equals("k_later") && !c.equals("loop_diuretic")) {
                    assertEquals(CohortExtractorTest.texts(a, c), CohortExtractorTest.texts(b, c), c + " seed " + seed);
                }
            }
            assertNotEquals(CohortExtractorTest.texts(a, "k_later"), CohortExtractorTest.texts(b, "k_later"));
            assertNotEquals(CohortExtractorTest.texts(a, "loop_diuretic"),
                    CohortExtractorTest.texts(b, "loop_diuretic"));
            // before each patient's first decision: potassium + 7, loop diuretics removed, one added 1 h before
            Table c = build(dir, perturb(ev, span, true));
            assertEquals(CohortExtractorTest.texts(a, "hadm_id"), CohortExtractorTest.texts(c, "hadm_id"));
            assertEquals(CohortExtractorTest.texts(a, "k_later"), CohortExtractorTest.texts(c, "k_later"));
            assertEquals(CohortExtractorTest.texts(a, "loop_diuretic"), CohortExtractorTest.texts(c, "loop_diuretic"));
            assertNotEquals(CohortExtractorTest.texts(a, "k_mean"), CohortExtractorTest.texts(c, "k_mean"));
            assertNotEquals(CohortExtractorTest.texts(a, "loop_count"), CohortExtractorTest.texts(c, "loop_count"));
        }
    }

    /** Per patient: {first decision, last decision} in hours after the origin. */
    private static Map<Integer, double[]> decisions(Table a) {
        Map<Integer, double[]> out = new HashMap<>();
        LocalDateTime origin = LocalDateTime.of(2100, 1, 1, 0, 0);
        List<String> pid = CohortExtractorTest.texts(a, "subject_id");
        List<String> time = CohortExtractorTest.texts(a, "decision_time");
        for (int i = 0; i < pid.size(); i++) {
            LocalDateTime d = LocalDateTime.parse(time.get(i).substring(0, 19),
                    DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
            double h = java.time.Duration.between(origin, d).getSeconds() / 3600.0;
            out.merge(Integer.parseInt(pid.get(i)), new double[] {h, h},
                    (x, y) -> new double[] {Math.min(x[0], y[0]), Math.max(x[1], y[1])});
        }
        return out;
    }

    private static Events perturb(Events ev, Map<Integer, double[]> span, boolean before) {
        List<Lab> labs = new ArrayList<>();
        List<Drug> drugs = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(99);
        for (Lab l : ev.labs()) {
            double[] d = span.get(l.patient());
            boolean hit = d != null && (before ? l.t() <= d[0] && l.item().equals("50971") : l.t() > d[1]);
            labs.add(hit ? new Lab(l.patient(), l.stay(), l.t(), l.item(), l.v() + 7) : l);
        }
        for (Drug g : ev.drugs()) {
            double[] d = span.get(g.patient());
            boolean loop = g.name().contains("mide");
            if (d != null && before && g.t() <= d[0] && loop) {
                continue;
            }
            drugs.add(d != null && !before && g.t() > d[1] ? new Drug(g.patient(), g.stay(), g.t() + r.nextInt(40),
                    g.name()) : g);
        }
        span.forEach((p, d) -> drugs.add(before ? new Drug(p, p * 10, d[0] - 1, "Bumetanide")
                : new Drug(p, p * 10, d[1] + 0.5, "Furosemide")));
        return new Events(labs, drugs);
    }
}

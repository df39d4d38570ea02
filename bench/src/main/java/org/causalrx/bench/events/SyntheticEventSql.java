package org.causalrx.bench.events;

import java.util.List;
import java.util.Locale;

/**
 * The DuckDB statements that generate the SYNTHETIC event tables of a {@link SyntheticEventDesign}. Every random
 * number is a hash of (seed, stream name, stay or patient, index): {@code u(...)} is uniform on [0, 1),
 * {@code z(...)} standard normal (Box–Muller), so the same seed gives the same rows whatever DuckDB's thread count,
 * and no row passes through Java. One temporary table {@code st} holds the stays (a few dozen bytes each); the event
 * tables stream from it into Parquet ({@code unnest(range(n))} per stay). Times are hours since 2150-01-01 until
 * {@code ts(h)} turns them into timestamps rounded to the minute.
 */
final class SyntheticEventSql {
    /** Lab items of the filler measurements (glucose, sodium, hemoglobin, platelets, WBC, chloride, ...). */
    static final List<Integer> OTHER_LABS = List.of(50931, 50983, 51222, 51265, 51301, 50902, 50882, 50868);
    static final int CREATININE = 50912;
    static final int POTASSIUM = 50971;
    static final int UREA_NITROGEN = 51006;
    /** Potassium and urea nitrogen measurements per stay (every 12 h). */
    static final int TWELVE_HOURLY = 10;

    private SyntheticEventSql() {
    }

    /** The macros {@code u}, {@code z} and {@code ts}, salted with the design's seed. */
    static List<String> macros(long salt) {
        return List.of(
                "CREATE OR REPLACE TEMP MACRO u(tag, i, j) AS CAST(hash(CAST(" + salt + " AS BIGINT), tag, i, j) >> 11"
                        + " AS DOUBLE) / 9007199254740992.0",
                "CREATE OR REPLACE TEMP MACRO z(tag, i) AS sqrt(-2 * ln(1 - u(tag, i, 0))) * cos(2 * pi() * "
                        + "u(tag, i, 1))",
                "CREATE OR REPLACE TEMP MACRO ts(h) AS TIMESTAMP '2150-01-01 00:00:00' + "
                        + "to_minutes(CAST(round(h * 60) AS BIGINT))");
    }

    /** The stays table {@code st}: ids, covariates, decision point, propensity, treatment and true effect. */
    static String stays(SyntheticEventDesign d) {
        return String.format(Locale.ROOT, """
                CREATE OR REPLACE TEMP TABLE st AS
                WITH pat AS (SELECT range AS p, 1 + CAST(floor(4 * u('nstays', range, 0)) AS BIGINT) AS n
                             FROM range(%1$d)),
                  sp AS (SELECT p, unnest(range(n)) AS k FROM pat),
                  s0 AS (SELECT row_number() OVER (ORDER BY p, k) - 1 AS s, p, k FROM sp),
                  s1 AS (SELECT s, p, k, 10000000 + p AS subject_id, 20000000 + s AS hadm_id,
                           18 + CAST(floor(73 * u('age', p, 0)) AS INTEGER) AS age,
                           CASE WHEN u('sex', p, 0) < 0.5 THEN 'F' ELSE 'M' END AS gender,
                           87600 * u('origin', p, 0) + 1500 * k + 24 * u('admit', s, 0) AS admit,
                           CASE WHEN u('early', s, 0) < 0.1 THEN 12 ELSE 20 END AS n_crea,
                           u('aki', s, 0) < %2$s AS aki,
                           CAST(ceil((12 + 30 * u('rise', s, 0)) / 6) AS INTEGER) AS jd,
                           0.7 + 0.6 * u('b', s, 0) AS b, 0.55 + 0.65 * u('r', s, 0) AS r,
                           4.2 + 0.4 * z('k', s) AS kp
                         FROM s0 WHERE s < %1$d),
                  s2 AS (SELECT *, 0.5 * (r - 0.875) + 0.3 * (kp - 4.2) + 0.005 * (age - 55) AS drift,
                           1 / (1 + exp(0.2 - 2.5 * (r - 0.875) - 1.5 * (kp - 4.2) - 0.02 * (age - 55))) AS e,
                           %3$s + %4$s * (age - 55) AS tau,
                           admit + 6 * jd + 2 * u('ct', s, jd) AS decision
                         FROM s1)
                SELECT *, aki AND u('t', s, 0) < e AS treated FROM s2 ORDER BY s""", d.stays(),
                num(SyntheticEventDesign.AKI_SHARE), num(SyntheticEventDesign.TAU_AT_55),
                num(SyntheticEventDesign.TAU_PER_YEAR));
    }

    /** One row per patient, MIMIC {@code patients} columns. */
    static String patients() {
        return """
                SELECT subject_id, min(gender) AS gender, min(age) AS anchor_age, 2150 AS anchor_year,
                  CAST(NULL AS DATE) AS dod
                FROM st GROUP BY subject_id ORDER BY subject_id""";
    }

    /** One row per stay, MIMIC {@code admissions} columns. */
    static String admissions() {
        return """
                SELECT subject_id, hadm_id, ts(admit) AS admittime, ts(admit + 6 * n_crea + 6) AS dischtime,
                  CAST(NULL AS TIMESTAMP) AS deathtime,
                  ['EMERGENCY', 'URGENT', 'ELECTIVE', 'OBSERVATION ADMIT'][1 + CAST(floor(4 * u('type', s, 0))
                    AS INTEGER)] AS admission_type,
                  0 AS hospital_expire_flag
                FROM st ORDER BY s""";
    }

    /**
     * Lab rows, MIMIC {@code labevents} columns: creatinine every 6 h (the decision signal and the outcome),
     * potassium and urea nitrogen every 12 h, and filler measurements of other items at random times of the stay.
     */
    static String labs(SyntheticEventDesign d) {
        int fixed = SyntheticEventDesign.MEDICATIONS_PER_STAY + 2 * TWELVE_HOURLY;
        String others = OTHER_LABS.toString();
        return String.format(Locale.ROOT, """
                SELECT subject_id, hadm_id, %1$d AS itemid, ts(admit + 6 * j + 2 * u('ct', s, j)) AS charttime,
                  round(CASE WHEN aki AND j >= jd THEN b + r + least(6 * (j - jd), 48) / 48.0
                          * (drift + CASE WHEN treated THEN tau ELSE 0 END) ELSE b END
                        + 0.1 * (2 * u('cn', s, j) - 1), 2) AS valuenum, 'mg/dL' AS valueuom
                FROM (SELECT *, unnest(range(n_crea)) AS j FROM st)
                UNION ALL
                SELECT subject_id, hadm_id, %2$d, ts(admit + 12 * j + 3 + 2 * u('kt', s, j)),
                  round(kp + 0.3 * (2 * u('kn', s, j) - 1), 1), 'mEq/L'
                FROM (SELECT *, unnest(range(%4$d)) AS j FROM st)
                UNION ALL
                SELECT subject_id, hadm_id, %3$d, ts(admit + 12 * j + 9 + 2 * u('ut', s, j)),
                  round(10 + 8 * b + CASE WHEN aki AND 12 * j + 9 >= 6 * jd THEN 6 * r ELSE 0 END
                        + 2 * (2 * u('un', s, j) - 1), 0), 'mg/dL'
                FROM (SELECT *, unnest(range(%4$d)) AS j FROM st)
                UNION ALL
                SELECT subject_id, hadm_id, %6$s[1 + CAST(floor(%7$d * u('oi', s, j)) AS INTEGER)],
                  ts(admit + 6 * n_crea * u('ot', s, j)), round(10 + 90 * u('ov', s, j), 1), 'units'
                FROM (SELECT *, unnest(range(%5$d - n_crea)) AS j FROM st)""", CREATININE, POTASSIUM,
                UREA_NITROGEN, TWELVE_HOURLY, d.eventsPerStay() - fixed, others, OTHER_LABS.size());
    }

    /**
     * Medication rows, MIMIC {@code emar} columns, {@link SyntheticEventDesign#MEDICATIONS_PER_STAY} per stay: slot 0
     * is the loop diuretic 0.5–23.5 h after the decision for treated stays, slot 1 a loop diuretic in the first 11 h
     * of the stay (before any decision) for a fifth of the stays, all other slots other drugs at random times.
     */
    static String medications() {
        return String.format(Locale.ROOT, """
                SELECT subject_id, hadm_id,
                  ts(CASE WHEN j = 0 AND treated THEN decision + 0.5 + 23 * u('tt', s, 0)
                          WHEN j = 1 AND u('pre', s, 0) < 0.2 THEN admit + 1 + 10 * u('pt', s, 0)
                          ELSE admit + 6 * n_crea * u('mt', s, j) END) AS charttime,
                  CASE WHEN (j = 0 AND treated) OR (j = 1 AND u('pre', s, 0) < 0.2)
                       THEN ['Furosemide', 'Bumetanide', 'Torsemide'][1 + CAST(floor(3 * u('ln', s, j)) AS INTEGER)]
                       ELSE ['Heparin', 'Insulin', 'Pantoprazole', 'Metoprolol', 'Acetaminophen']
                            [1 + CAST(floor(5 * u('mn', s, j)) AS INTEGER)] END AS medication,
                  'Administered' AS event_txt
                FROM (SELECT *, unnest(range(%d)) AS j FROM st)""", SyntheticEventDesign.MEDICATIONS_PER_STAY);
    }

    /** The truth per stay: decision point or not, propensity, treatment, true effect and untreated course. */
    static String truth() {
        return """
                SELECT subject_id, hadm_id, aki AS has_decision, e AS propensity, treated, tau AS true_effect,
                  drift AS untreated_change
                FROM st ORDER BY s""";
    }

    private static String num(double v) {
        return Double.toString(v);
    }
}

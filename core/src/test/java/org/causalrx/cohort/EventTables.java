package org.causalrx.cohort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Small event tables written as CSV files for cohort tests; times are hours after 2100-01-01 00:00. */
final class EventTables {
    private static final LocalDateTime ORIGIN = LocalDateTime.of(2100, 1, 1, 0, 0);
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final List<String> stays = new ArrayList<>(List.of("subject_id,hadm_id,admission_type"));
    final List<String> patients = new ArrayList<>(List.of("subject_id,anchor_age,gender"));
    final List<String> labs = new ArrayList<>(List.of("subject_id,hadm_id,charttime,itemid,valuenum"));
    final List<String> drugs = new ArrayList<>(List.of("subject_id,hadm_id,starttime,drug"));

    /** The timestamp {@code hours} after the origin, to the second. */
    static String time(double hours) {
        return ORIGIN.plusSeconds(Math.round(hours * 3600)).format(FORMAT);
    }

    EventTables stay(int patient, int stay, String type) {
        stays.add(patient + "," + stay + "," + type);
        return this;
    }

    EventTables patient(int patient, int age, String gender) {
        patients.add(patient + "," + age + "," + gender);
        return this;
    }

    EventTables lab(int patient, int stay, double hours, String item, double value) {
        labs.add(patient + "," + stay + "," + time(hours) + "," + item + "," + value);
        return this;
    }

    EventTables drug(int patient, int stay, double hours, String name) {
        drugs.add(patient + "," + stay + "," + time(hours) + "," + name);
        return this;
    }

    /** Writes stays.csv, patients.csv, labs.csv and drugs.csv into {@code dir}. */
    void write(Path dir) {
        try {
            Files.write(dir.resolve("stays.csv"), stays);
            Files.write(dir.resolve("patients.csv"), patients);
            Files.write(dir.resolve("labs.csv"), labs);
            Files.write(dir.resolve("drugs.csv"), drugs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A study file in {@code dir} whose cohort block is {@code cohort} (YAML lines indented under cohort:). */
    static Path study(Path dir, String cohort) {
        String text = String.join("\n", "name: cohort-test", "seed: 1",
                "treatment: {arms: {\"0\": \"none\", \"1\": \"loop diuretic\"}}",
                "outcome: {type: continuous, direction: lower, missing: drop}", "cohort:", cohort);
        try {
            Path p = dir.resolve("study.yaml");
            Files.writeString(p, text + "\n");
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tables block naming the four CSV files. */
    static final String TABLES = String.join("\n",
            "  tables:",
            "    admissions: {path: stays.csv, patient: subject_id, stay: hadm_id}",
            "    patients: {path: patients.csv, patient: subject_id}",
            "    labs: {path: labs.csv, patient: subject_id, stay: hadm_id, time: charttime, item: itemid,"
                    + " value: valuenum}",
            "    drugs: {path: drugs.csv, patient: subject_id, stay: hadm_id, time: starttime, item: drug}",
            "  stays: admissions");
}

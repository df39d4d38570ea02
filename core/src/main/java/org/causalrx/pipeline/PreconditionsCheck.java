package org.causalrx.pipeline;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.causalrx.study.Cohort;
import org.causalrx.study.Study;
import org.causalrx.util.CausalRxException;

/**
 * The preconditions exit point (TRS §3.1): before any fit, the analysis cohort must hold at least the study's
 * {@code preconditions.min_patients} patients and {@code min_per_arm} in every arm. Patients are the distinct values
 * of the group column when the study has one (a patient with several stays counts once), else rows.
 */
public final class PreconditionsCheck {
    private PreconditionsCheck() {
    }

    /**
     * @throws CausalRxException one line naming the counts, the thresholds and what to do, when they are not met
     */
    public static void check(Study study, Cohort cohort, String file, String studyFile) {
        Study.Preconditions p = study.preconditions();
        if (p == null) {
            return;
        }
        int[] t = cohort.treatment();
        String[] g = cohort.groups();
        List<String> labels = study.treatment().arms().labels();
        int[] perArm = new int[labels.size()];
        Set<String> all = new HashSet<>();
        for (int a = 0; a < perArm.length; a++) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < t.length; i++) {
                if (t[i] == a) {
                    seen.add(g == null ? Integer.toString(i) : g[i]);
                }
            }
            perArm[a] = seen.size();
            all.addAll(seen);
        }
        int patients = g == null ? t.length : all.size();
        int worst = 0;
        for (int a = 1; a < perArm.length; a++) {
            worst = perArm[a] < perArm[worst] ? a : worst;
        }
        if (patients >= p.minPatients() && perArm[worst] >= p.minPerArm()) {
            return;
        }
        StringBuilder arms = new StringBuilder();
        for (int a = 0; a < perArm.length; a++) {
            arms.append(a == 0 ? "" : ", ").append(perArm[a]).append(" '").append(labels.get(a)).append('\'');
        }
        String unit = g == null ? "patients (rows)" : "patients ('" + study.groupColumn() + "'; "
                + t.length + " rows)";
        throw new CausalRxException(file + ": preconditions not met (TRS 3.1, exit point 1): the analysis cohort has "
                + patients + " " + unit + ": " + arms + "; " + studyFile + " asks for at least " + p.minPatients()
                + " patients and " + p.minPerArm() + " per arm (preconditions:), and an effect estimated from fewer "
                + "would not mean anything: use more data, or lower preconditions: if you accept that");
    }
}

package org.causalrx.pipeline;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.causalrx.cohort.CohortDictionary;
import org.causalrx.cohort.CohortSpec;
import org.causalrx.cohort.DictionaryEntry;
import org.causalrx.data.Column;
import org.causalrx.data.SplitIndices;
import org.causalrx.policy.GroupProfiles;
import org.causalrx.result.Arms;
import org.causalrx.study.Cohort;
import org.causalrx.study.CohortBlockLoader;
import org.causalrx.study.CovariatePlan;
import org.causalrx.util.Stats;

/** Computes a run's {@link CohortSummaryTables} (TRS Tables S.1 and S.2) from its cohort, split and arms. */
final class CohortSummaryStage {
    private CohortSummaryStage() {
    }

    static CohortSummaryTables of(java.nio.file.Path studyFile, Cohort cohort, SplitIndices split) {
        return of(studyFile, cohort, split, null);
    }

    /**
     * As above, with a Table S.1 column per arm of {@code arms} (null: none).
     *
     * @param arms the study's arms; the cohort's treatment indexes them
     */
    static CohortSummaryTables of(java.nio.file.Path studyFile, Cohort cohort, SplitIndices split, Arms arms) {
        int n = cohort.size();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        int[][] byArm = arms == null ? new int[0][] : new int[arms.size()][];
        List<CohortSummaryTables.ArmColumn> armColumns = new ArrayList<>();
        for (int a = 0; a < byArm.length; a++) {
            byArm[a] = Stats.indicesOf(cohort.treatment(), a);
            armColumns.add(new CohortSummaryTables.ArmColumn(a, arms.code(a), arms.label(a), byArm[a].length));
        }
        Set<String> categorical = AnalysisStage.categorical(cohort);
        List<CohortSummaryTables.TableOneRow> rows = new ArrayList<>();
        for (Column c : cohort.covariates().columns()) {
            if (c instanceof Column.Numeric num && !categorical.contains(c.name())) {
                rows.add(new CohortSummaryTables.TableOneRow(c.name(), "", GroupProfiles.numeric(num, split.train()),
                        GroupProfiles.numeric(num, split.validation()), GroupProfiles.numeric(num, split.test()),
                        GroupProfiles.numeric(num, all),
                        Arrays.stream(byArm).map(rowsOfArm -> GroupProfiles.numeric(num, rowsOfArm)).toList()));
                continue;
            }
            TreeSet<String> levels = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                if (!c.isMissing(i)) {
                    levels.add(c.text(i));
                }
            }
            for (String level : levels) {
                rows.add(new CohortSummaryTables.TableOneRow(c.name(), level,
                        GroupProfiles.level(c, level, split.train()), GroupProfiles.level(c, level, split.validation()),
                        GroupProfiles.level(c, level, split.test()), GroupProfiles.level(c, level, all),
                        Arrays.stream(byArm).map(rowsOfArm -> GroupProfiles.level(c, level, rowsOfArm)).toList()));
            }
        }
        Map<String, CovariatePlan> plan = cohort.plan().stream()
                .collect(Collectors.toMap(CovariatePlan::name, Function.identity(), (a, b) -> a));
        CohortSpec spec = studyFile != null && Files.isRegularFile(studyFile)
                ? CohortBlockLoader.forStudy(studyFile) : null;
        List<CohortSummaryTables.Variable> dict = new ArrayList<>();
        if (spec != null) {
            for (DictionaryEntry e : CohortDictionary.entries(spec)) {
                CovariatePlan p = plan.get(e.variable());
                dict.add(new CohortSummaryTables.Variable(e.variable(), e.role().key(), type(p), e.table(), e.signal(),
                        e.statistic(), e.unit(), e.window(), p == null ? 0 : p.missing()));
            }
        } else {
            for (CovariatePlan p : cohort.plan()) {
                dict.add(new CohortSummaryTables.Variable(p.name(), p.role().key(), type(p), "", "", "", "", "",
                        p.missing()));
            }
        }
        return new CohortSummaryTables(new RunResult.SampleSizes(split.train().length, split.validation().length,
                split.test().length), n, rows, dict, spec != null, armColumns);
    }

    private static String type(CovariatePlan p) {
        return p == null || p.type() == null ? "" : p.type().name().toLowerCase(java.util.Locale.ROOT);
    }
}

package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.data.Column;
import org.causalrx.data.DistinctValues;
import org.causalrx.study.Cohort;
import org.causalrx.study.CovariatePlan;
import org.causalrx.study.Study;

/**
 * Data a run accepts but a person should look at, one line each: the id column listed as a covariate, a kept
 * covariate with one value only, and a categorical covariate with more than {@link #MAX_LEVELS} levels (each level
 * is one more feature for every model, so fits slow down and effects per level rest on few patients).
 */
public final class DataWarnings {
    /** Levels of a categorical covariate above which the run warns. */
    public static final int MAX_LEVELS = 50;

    private DataWarnings() {
    }

    /** The warnings for {@code cohort}, in covariate order; empty when there are none. */
    public static List<String> of(Study study, Cohort cohort) {
        List<String> out = new ArrayList<>();
        String studyFile = study.file() == null ? "the study file" : study.file().getFileName().toString();
        for (CovariatePlan c : cohort.plan()) {
            if (c.name().equals(study.idColumn())) {
                out.add("covariate '" + c.name() + "' is the id column (id: in " + studyFile + "); a patient id "
                        + "carries no clinical information: remove it from covariates");
            }
            if (!c.kept()) {
                continue;
            }
            Column col = cohort.covariates().column(c.name());
            if (DistinctValues.one(col)) {
                out.add("covariate '" + c.name() + "' has one value only ('" + col.text(firstPresent(col)) + "' in "
                        + "every analysis row" + (c.missing() > 0 ? " that has one" : "") + "); it cannot inform any "
                        + "model: remove it from covariates or set its role to irrelevant");
            }
            int levels = c.type() == Study.ValueType.CATEGORICAL ? DistinctValues.count(col) : 0;
            if (levels > MAX_LEVELS) {
                out.add("categorical covariate '" + c.name() + "' has " + levels + " levels (more than "
                        + MAX_LEVELS + "); each level is one more feature, which slows every fit and leaves few "
                        + "patients per level: group rare levels into broader ones (e.g. 'other') before the analysis");
            }
        }
        return List.copyOf(out);
    }

    private static int firstPresent(Column col) {
        for (int i = 0; i < col.size(); i++) {
            if (!col.isMissing(i)) {
                return i;
            }
        }
        return 0;
    }
}

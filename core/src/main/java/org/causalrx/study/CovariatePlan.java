package org.causalrx.study;

/**
 * What happens to one declared covariate (App. B), for `check` and the report.
 *
 * @param type    numeric or categorical as used (declared, or inferred from the data)
 * @param missing missing values in the analysis cohort
 */
public record CovariatePlan(String name, CovariateRole role, boolean kept, String reason, Study.ValueType type,
                            int missing) {
}

package org.causalrx.data;

/**
 * How one covariate should be encoded.
 *
 * @param name        column name
 * @param categorical true / false as declared, or null to infer from the column (text → categorical)
 * @param squared     also add the square of the (imputed) value
 */
public record CovariateSpec(String name, Boolean categorical, boolean squared) {

    /** The spec of a declared covariate (type null → inferred from the column). */
    public static CovariateSpec of(org.causalrx.study.Study.Covariate c) {
        return new CovariateSpec(c.name(), c.type() == null ? null : c.type() == org.causalrx.study.Study.ValueType.CATEGORICAL,
                c.squared());
    }
}

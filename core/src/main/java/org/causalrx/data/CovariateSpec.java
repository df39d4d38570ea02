package org.causalrx.data;

/**
 * How one covariate should be encoded.
 *
 * @param name        column name
 * @param categorical true / false as declared, or null to infer from the column (text → categorical)
 * @param squared     also add the square of the (imputed) value
 */
public record CovariateSpec(String name, Boolean categorical, boolean squared) {
}

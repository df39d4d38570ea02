/**
 * Identities and statuses of a run's result as types: policy identity ({@link org.causalrx.result.PolicyId} with its
 * {@link org.causalrx.result.DeferralSet}), policy kinds, baseline policies and exit statuses. Each type parses and
 * formats its results.json text in one place ({@code @JsonValue}); the package depends on nothing else in the
 * project, so the pipeline, the bundle, the verdict and the report can all use it.
 */
package org.causalrx.result;

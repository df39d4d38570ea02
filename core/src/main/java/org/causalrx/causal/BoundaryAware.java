package org.causalrx.causal;

/**
 * A two-arm CATE estimator whose fit depends on where the run's decision rule changes arm (the policy tree searches
 * for the partition that separates the patients on either side of it). The pipeline passes the study's boundary
 * before fitting.
 */
public interface BoundaryAware {
    /**
     * A configured estimator for this boundary (a new instance; this one is not changed).
     *
     * @param boundary the effect (outcome units) at which the decision rule switches from the default arm: the
     *                 margin δ, signed +δ when the other arm is taken for larger effects, −δ when for smaller ones;
     *                 0 for the plain sign rule
     */
    CateEstimator forBoundary(double boundary);
}

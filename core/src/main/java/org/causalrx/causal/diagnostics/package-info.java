/**
 * CATE insights (TRS §3.7): correlation matrices between estimators and the CATE calibration graph; fit diagnostics
 * of the K-arm generalized propensity model.
 */
package org.causalrx.causal.diagnostics;

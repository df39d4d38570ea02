/** CATE insights (TRS §3.7): correlation matrices between estimators and the CATE calibration graph. */
package org.causalrx.causal.diagnostics;

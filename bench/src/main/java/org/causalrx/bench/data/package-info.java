/**
 * Benchmark data with known effects: loaders for the IHDP (CEVAE / CFRNet layout) and ACIC 2016 files, and fresh
 * IHDP-style replications of Hill's response surface B ({@link org.causalrx.bench.data.IhdpSurfaceB}).
 */
package org.causalrx.bench.data;

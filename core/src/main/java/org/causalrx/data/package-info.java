/** Immutable column Table, readers (DuckDB: CSV, Parquet), encoding and imputation of covariates, splits. */
package org.causalrx.data;

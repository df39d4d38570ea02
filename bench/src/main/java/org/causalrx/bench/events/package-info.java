/**
 * SYNTHETIC hospital event tables for the cohort benchmark ({@code causalrx bench events-gen} and
 * {@code bench events}): the design with its known effect ({@link org.causalrx.bench.events.SyntheticEventDesign}),
 * the DuckDB statements that generate the tables straight into Parquet, and the check of a built cohort against the
 * generator's truth ({@link org.causalrx.bench.events.EffectCheck}).
 */
package org.causalrx.bench.events;

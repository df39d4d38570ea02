/**
 * {@code causalrx serve}: a run's model bundle behind a small HTTP API (Javalin). {@link ServedModel} wraps a two-arm
 * or K-arm bundle and scores with the same code as {@code causalrx recommend}; {@link PatientParser} checks request
 * bodies and builds the input table; {@link ApiKeys} holds the hashed keys; {@link AuditLog} appends the hash-chained
 * audit trail that {@link AuditVerifier} checks; {@link RecommendationServer} wires the routes. The clock, the request
 * ids and the log sink come from the command line, which is the only place that prints.
 */
package org.causalrx.serve;

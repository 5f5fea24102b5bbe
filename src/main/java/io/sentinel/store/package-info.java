/**
 * Storage: probe results, check states and alert events in H2 or PostgreSQL, with one Flyway schema for both.
 *
 * <p>{@link io.sentinel.store.Database} owns the pool and the schema and comes up even when the database does
 * not. {@link io.sentinel.store.ResultStore} takes results without ever making a probe wait, writes them in
 * batches from one thread, and spools them to a local file rather than drop any during an outage.
 * {@link io.sentinel.store.CheckStateStore} and {@link io.sentinel.store.AlertEventStore} write synchronously.
 *
 * <p>Close the stores before the database, so that their last writes still have a pool to use.
 */
package io.sentinel.store;

/**
 * Storage: probe results, check states, decisions and alert events in H2 or PostgreSQL, with one Flyway schema
 * for both.
 *
 * <p>{@link io.sentinel.store.Database} owns the pool and the schema and comes up even when the database does
 * not. {@link io.sentinel.store.ResultStore} and {@link io.sentinel.store.CheckStateStore} take what they keep
 * without ever making a probe wait and write it through a {@link io.sentinel.writer.BackgroundWriter};
 * {@link io.sentinel.store.DecisionLog} commits on the caller's thread and hands what the database does not take
 * to its writer's spool.
 *
 * <p>Close the stores before the database, so that their last writes still have a pool to use.
 */
package io.sentinel.store;

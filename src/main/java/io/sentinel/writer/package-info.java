/**
 * Background writing, one way for every writer: {@link io.sentinel.writer.BackgroundWriter} holds items in a
 * bounded {@link io.sentinel.writer.Backlog}, writes them from one thread to a
 * {@link io.sentinel.writer.WriteTarget} in batches, retries with backoff ({@link io.sentinel.writer.Outage},
 * {@link io.sentinel.writer.Backoff}) and keeps on disk, in a {@link io.sentinel.writer.Spool}, what memory
 * cannot hold or the target does not take yet. {@link io.sentinel.writer.WriterPolicy} sets its sizes and
 * waits, {@link io.sentinel.writer.WriterMetrics} shows its progress.
 *
 * <p>Used by the result store, the check-state store, the daily report, the decision log and the outbox.
 */
package io.sentinel.writer;

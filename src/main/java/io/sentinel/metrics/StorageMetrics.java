package io.sentinel.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sentinel.report.DailyReport;
import io.sentinel.store.Database;
import io.sentinel.store.ResultStore;

/**
 * Whether results are being kept: {@code sentinel_database_ready}, {@code sentinel_results_pending} (queued or
 * spooled, waiting for the database), {@code sentinel_results_written_total},
 * {@code sentinel_results_failed_batches_total} and {@code sentinel_report_dropped_total}. A database outage
 * shows here long before anyone misses a chart.
 */
public final class StorageMetrics {

    private StorageMetrics() {
    }

    public static void bind(MeterRegistry registry, Database database, ResultStore results, DailyReport report) {
        Gauge.builder("sentinel.database.ready", database, db -> db.isReady() ? 1 : 0)
                .description("1 when the database takes writes").register(registry);
        Gauge.builder("sentinel.results.pending", results, ResultStore::pending)
                .description("Results waiting for the database, in memory or in the spool").register(registry);
        FunctionCounter.builder("sentinel.results.written", results, ResultStore::writtenTotal)
                .description("Results written to the database").register(registry);
        FunctionCounter.builder("sentinel.results.failed.batches", results, ResultStore::failedBatchesTotal)
                .description("Batches of results the database did not take (retried)").register(registry);
        FunctionCounter.builder("sentinel.report.dropped", report, DailyReport::dropped)
                .description("Results the daily report file could not take (the database still has them)").register(registry);
    }
}

package io.sentinel.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sentinel.store.Database;
import io.sentinel.writer.WriterMetrics;
import io.sentinel.writer.WriterStatus;
import java.util.Collection;

/**
 * Whether results and states are being kept: {@code sentinel_database_ready}, and every background writer's
 * progress ({@code sentinel_writer_queued}, {@code sentinel_writer_spooled}, {@code sentinel_writer_written_total}
 * … tagged {@code writer="results"}, see {@link WriterMetrics}). A database outage shows here long before anyone
 * misses a chart.
 */
public final class StorageMetrics {

    private StorageMetrics() {
    }

    public static void bind(MeterRegistry registry, Database database, Collection<? extends WriterStatus> writers) {
        Gauge.builder("sentinel.database.ready", database, db -> db.isReady() ? 1 : 0)
                .description("1 when the database takes writes").register(registry);
        WriterMetrics.bind(registry, writers);
    }
}

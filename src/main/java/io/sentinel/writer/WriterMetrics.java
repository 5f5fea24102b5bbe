package io.sentinel.writer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;

/**
 * Every background writer's progress, tagged {@code writer="results"} and so on:
 * {@code sentinel_writer_queued} and {@code sentinel_writer_spooled} (waiting in memory, on disk),
 * {@code sentinel_writer_written_total}, {@code sentinel_writer_failed_attempts_total} (retried),
 * {@code sentinel_writer_rejected_total} (refused as data, set aside) and {@code sentinel_writer_dropped_total}
 * (lost). A database outage shows here long before anyone misses a chart.
 */
public final class WriterMetrics {

    private WriterMetrics() {
    }

    public static void bind(MeterRegistry registry, Collection<? extends WriterStatus> writers) {
        for (WriterStatus writer : writers) {
            Gauge.builder("sentinel.writer.queued", writer, WriterStatus::queued).tag("writer", writer.name())
                    .description("Items waiting in memory to be written").register(registry);
            Gauge.builder("sentinel.writer.spooled", writer, WriterStatus::spooled).tag("writer", writer.name())
                    .description("Items waiting in the spool file to be written").register(registry);
            FunctionCounter.builder("sentinel.writer.written", writer, WriterStatus::written)
                    .tag("writer", writer.name()).description("Items written").register(registry);
            FunctionCounter.builder("sentinel.writer.failed.attempts", writer, WriterStatus::failedAttempts)
                    .tag("writer", writer.name()).description("Write attempts that failed and are retried")
                    .register(registry);
            FunctionCounter.builder("sentinel.writer.rejected", writer, WriterStatus::rejected)
                    .tag("writer", writer.name()).description("Items refused as invalid data and set aside")
                    .register(registry);
            FunctionCounter.builder("sentinel.writer.dropped", writer, WriterStatus::dropped)
                    .tag("writer", writer.name()).description("Items lost: no room, no spool, or a spool that failed")
                    .register(registry);
        }
    }
}

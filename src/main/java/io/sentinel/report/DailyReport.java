package io.sentinel.report;

import io.sentinel.probe.ProbeResult;
import io.sentinel.results.ResultSink;
import io.sentinel.writer.BackgroundWriter;
import io.sentinel.writer.WriterPolicy;
import io.sentinel.writer.WriterStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every result to {@code reports/monitoring/YYYY-MM-DD.jsonl} (UTC days), one JSON object a line.
 * A {@link BackgroundWriter} writes them, about once a second, so a slow disk never delays a probe; while the
 * disk fails it retries, and past its capacity it drops results (counted). The database is the primary
 * record; this file is for people and tools that grep.
 */
public final class DailyReport implements ResultSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DailyReport.class);
    private static final int CAPACITY = 50_000;
    private static final int BATCH = 1_000;
    /** Lets a second's worth gather: one write a second instead of one per result. */
    private static final Duration LINGER = Duration.ofSeconds(1);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final ReportFiles files;
    private final BackgroundWriter<ProbeResult> writer;

    public DailyReport(Path directory) {
        this(directory, Clock.systemUTC());
    }

    public DailyReport(Path directory, Clock clock) {
        this.files = new ReportFiles(directory);
        this.writer = BackgroundWriter.<ProbeResult>named("report", "daily report lines")
                .policy(WriterPolicy.queued(CAPACITY, BATCH, LINGER).withCloseTimeout(CLOSE_TIMEOUT))
                .target(files)
                .whileFailing("keeping them in memory, up to " + CAPACITY + " (the database has every result)")
                .clock(clock)
                .log(LOG)
                .build()
                .start();
    }

    @Override
    public void append(ProbeResult result) {
        writer.offer(result);
    }

    public Path fileFor(LocalDate day) {
        return files.fileFor(day);
    }

    public WriterStatus writerStatus() {
        return writer;
    }

    @Override
    public void close() {
        writer.close();
        files.close();
    }
}

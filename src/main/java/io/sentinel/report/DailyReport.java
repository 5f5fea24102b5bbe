package io.sentinel.report;

import io.sentinel.json.Json;
import io.sentinel.json.ResultJson;
import io.sentinel.probe.ProbeResult;
import io.sentinel.results.ResultSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every result to {@code reports/monitoring/YYYY-MM-DD.jsonl} (UTC days), one JSON object a line.
 * Writing happens on its own thread so a slow disk never delays a probe. The database is the primary
 * record; this file is for people and tools that grep.
 */
public final class DailyReport implements ResultSink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DailyReport.class);
    private static final int CAPACITY = 50_000;
    private static final int BATCH = 1_000;

    private final Path directory;
    private final BlockingQueue<ProbeResult> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;
    private boolean failing;

    public DailyReport(Path directory) {
        this.directory = directory;
        this.writer = new Thread(this::drain, "sentinel-report-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    @Override
    public void append(ProbeResult result) {
        if (!queue.offer(result)) {
            dropped.incrementAndGet();
        }
    }

    public Path fileFor(LocalDate day) {
        return directory.resolve(day + ".jsonl");
    }

    public long dropped() {
        return dropped.get();
    }

    /** Waits until everything appended so far is on disk, or the timeout passes. */
    public void flush(long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!queue.isEmpty() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        flush(5_000);
        running = false;
        writer.interrupt();
        try {
            writer.join(2_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        List<ProbeResult> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                ProbeResult first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
                batch.clear();
            } catch (InterruptedException interrupted) {
                if (!running) {
                    queue.drainTo(batch);
                    write(batch);
                    return;
                }
            }
        }
    }

    private void write(List<ProbeResult> batch) {
        int index = 0;
        while (index < batch.size()) {
            LocalDate day = LocalDate.ofInstant(batch.get(index).startedAt(), ZoneOffset.UTC);
            int end = index;
            while (end < batch.size() && LocalDate.ofInstant(batch.get(end).startedAt(), ZoneOffset.UTC).equals(day)) {
                end++;
            }
            appendLines(day, batch.subList(index, end));
            index = end;
        }
    }

    private void appendLines(LocalDate day, List<ProbeResult> results) {
        try {
            Files.createDirectories(directory);
            try (BufferedWriter out = Files.newBufferedWriter(fileFor(day), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                for (ProbeResult result : results) {
                    out.write(Json.write(ResultJson.of(result)));
                    out.write('\n');
                }
            }
            if (failing) {
                LOG.info("Writing the daily report to {} works again", directory);
                failing = false;
            }
        } catch (IOException | RuntimeException error) {
            dropped.addAndGet(results.size());
            if (!failing) {
                LOG.warn("Cannot write the daily report to {}: {} (results are still stored in the database)",
                        directory, error.getMessage());
                failing = true;
            }
        }
    }
}

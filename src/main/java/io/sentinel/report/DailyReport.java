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
    private static final java.time.Duration LINGER = java.time.Duration.ofSeconds(1);

    private final Path directory;
    private final BlockingQueue<ProbeResult> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;
    private boolean failing;
    private BufferedWriter openFile;
    private LocalDate openDay;

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
                // let a second's worth gather: one write per second instead of one per result
                Thread.sleep(LINGER.toMillis());
                queue.drainTo(batch, BATCH - 1);
                write(batch);
                batch.clear();
            } catch (InterruptedException interrupted) {
                if (!running) {
                    queue.drainTo(batch);
                    write(batch);
                    closeFile();
                    return;
                }
            }
        }
        closeFile();
    }

    private void write(List<ProbeResult> batch) {
        for (ProbeResult result : batch) {
            LocalDate day = LocalDate.ofInstant(result.startedAt(), ZoneOffset.UTC);
            try {
                writerFor(day).write(Json.write(ResultJson.of(result)));
                openFile.write('\n');
            } catch (IOException | RuntimeException error) {
                failed(error, 1);
            }
        }
        try {
            if (openFile != null) {
                openFile.flush();
            }
            if (failing) {
                LOG.info("Writing the daily report to {} works again", directory);
                failing = false;
            }
        } catch (IOException error) {
            failed(error, batch.size());
        }
    }

    /** The open file of {@code day}: kept open between writes, switched when the UTC day changes. */
    private BufferedWriter writerFor(LocalDate day) throws IOException {
        if (openFile == null || !day.equals(openDay)) {
            closeFile();
            Files.createDirectories(directory);
            openFile = Files.newBufferedWriter(fileFor(day), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            openDay = day;
        }
        return openFile;
    }

    private void closeFile() {
        if (openFile != null) {
            try {
                openFile.close();
            } catch (IOException ignored) {
                // the next write reopens it
            }
            openFile = null;
        }
    }

    private void failed(Exception error, int lost) {
        dropped.addAndGet(lost);
        closeFile();
        if (!failing) {
            LOG.warn("Cannot write the daily report to {}: {} (results are still stored in the database)",
                    directory, error.getMessage());
            failing = true;
        }
    }
}

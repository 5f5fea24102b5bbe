package io.sentinel.store;

import io.sentinel.results.LatencySample;
import io.sentinel.results.ResultHistory;
import io.sentinel.results.ResultSink;
import io.sentinel.probe.ProbeResult;
import io.sentinel.writer.BackgroundWriter;
import io.sentinel.writer.Outage;
import io.sentinel.writer.Spool;
import io.sentinel.writer.WriterPolicy;
import io.sentinel.writer.WriterStatus;
import java.nio.file.Path;
import java.util.Collection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probe results in the database. Appending never blocks a probe and never fails because of the database:
 * results are queued in memory, written in batches by a {@link BackgroundWriter}, spilled to the spool file
 * {@code results.spool.jsonl} when the queue is full or the database fails, and copied from it once the
 * database is back. Nothing is dropped.
 */
public final class ResultStore implements ResultSink, ResultHistory, AutoCloseable {

    public static final int DEFAULT_QUEUE_CAPACITY = 20_000;
    /** How long results may wait for company: batches of a few hundred rows at a hundred probes a second. */
    private static final Duration LINGER = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(ResultStore.class);

    private final Database database;
    private final ProbeResultTable table;
    private final BackgroundWriter<ProbeResult> writer;

    public ResultStore(Database database, Path spoolDirectory) {
        this(database, spoolDirectory, DEFAULT_QUEUE_CAPACITY, Clock.systemUTC());
    }

    /**
     * @param spoolDirectory where results that do not fit in memory, or are unwritten at shutdown, are kept
     * @param queueCapacity  how many results wait in memory before the spool is used
     * @param clock          paces the retries while the database is failing
     */
    public ResultStore(Database database, Path spoolDirectory, int queueCapacity, Clock clock) {
        this(database, spoolDirectory, queueCapacity, clock, io.sentinel.config.ClusterConfig.DEFAULT_LOCATION);
    }

    /**
     * @param location where this instance probes from: stored with every result, and the only results its own
     *                 history reads (docs/cluster.md)
     */
    public ResultStore(Database database, Path spoolDirectory, int queueCapacity, Clock clock, String location) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be positive, was " + queueCapacity);
        }
        ResultCodec json = new ResultCodec();
        this.database = Objects.requireNonNull(database, "database");
        this.table = new ProbeResultTable(database.dataSource(), json, location);
        this.writer = BackgroundWriter.<ProbeResult>named("results", "probe results")
                .policy(WriterPolicy.queued(queueCapacity, ProbeResultTable.BATCH_SIZE, LINGER))
                .target(new ProbeResultTarget(database, table))
                .spool(new Spool<>(spoolDirectory, "results", json, false))
                .clock(clock)
                .log(LOG)
                .build()
                .start();
    }

    /**
     * Queues a result for writing. Never waits for the database and never throws because of it; past the queue's
     * capacity the result goes to the spool file instead.
     */
    @Override
    public void append(ProbeResult result) {
        writer.offer(result);
    }

    /**
     * Waits until everything appended before this call is written, or the timeout passes.
     *
     * @return true when it was all written
     */
    public boolean flush(Duration timeout) {
        return writer.flush(timeout);
    }

    /** The check's results, newest first. */
    @Override
    public List<ProbeResult> history(String checkId, int limit) {
        requireReady();
        try {
            return table.history(checkId, limit);
        } catch (SQLException error) {
            throw new StoreException("Cannot read the history of " + checkId + ": " + Outage.reason(error), error);
        }
    }

    /** The check's results that started from {@code from} to {@code to}, oldest first, at most {@code limit}. */
    public List<ProbeResult> between(String checkId, Instant from, Instant to, int limit) {
        requireReady();
        try {
            return table.between(checkId, from, to, limit);
        } catch (SQLException error) {
            throw new StoreException("Cannot read the results of " + checkId + ": " + Outage.reason(error), error);
        }
    }

    /** The check's results from {@code from} on, newest first, at most {@code limit}. */
    @Override
    public List<ProbeResult> since(String checkId, Instant from, int limit) {
        requireReady();
        try {
            return table.since(checkId, from, limit);
        } catch (SQLException error) {
            throw new StoreException("Cannot read the history of " + checkId + ": " + Outage.reason(error), error);
        }
    }

    /** The newest result of each of these checks that has one, by check id. */
    @Override
    public Map<String, ProbeResult> latestOf(Collection<String> checkIds) {
        requireReady();
        try {
            return table.latestOf(checkIds);
        } catch (SQLException error) {
            throw new StoreException("Cannot read the latest results: " + Outage.reason(error), error);
        }
    }

    /** Latency, outcome and start of every result since {@code from}, oldest first, at most the newest {@code limit}. */
    public List<LatencySample> latenciesSince(Instant from, int limit) {
        requireReady();
        try {
            return table.latenciesSince(from, limit);
        } catch (SQLException error) {
            throw new StoreException("Cannot read recent latencies: " + Outage.reason(error), error);
        }
    }

    /** Deletes results that started before the cutoff; returns how many. */
    public int deleteOlderThan(Instant cutoff) {
        requireReady();
        try {
            return table.deleteOlderThan(cutoff);
        } catch (SQLException error) {
            throw new StoreException("Cannot delete old results: " + Outage.reason(error), error);
        }
    }

    /** Results not yet in the database, in memory or spooled. */
    public int pending() {
        return (int) Math.min(Integer.MAX_VALUE, writer.unwritten());
    }

    public long writtenTotal() {
        return writer.written();
    }

    public long failedBatchesTotal() {
        return writer.failedAttempts();
    }

    public WriterStatus writerStatus() {
        return writer;
    }

    /**
     * Writes what it can within the writer's close timeout, then spools the rest for the next start. Gives up on
     * the database as soon as one write fails: waiting out an outage would only delay the shutdown.
     */
    @Override
    public void close() {
        writer.close();
    }

    private void requireReady() {
        if (!database.isReady()) {
            throw new StoreException("The database is not available yet");
        }
    }
}

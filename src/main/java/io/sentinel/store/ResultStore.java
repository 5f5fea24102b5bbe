package io.sentinel.store;

import io.sentinel.results.ResultHistory;
import io.sentinel.results.ResultSink;
import io.sentinel.probe.ProbeResult;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probe results in the database. Appending never blocks a probe and never fails because of the database:
 * results are queued in memory, written in batches by one background thread, spilled to a spool file when the
 * queue is full, and replayed from it once the database is back. Nothing is dropped.
 */
public final class ResultStore implements ResultSink, ResultHistory, AutoCloseable {

    public static final int DEFAULT_QUEUE_CAPACITY = 20_000;
    /** How long closing waits for the database before it spools what is left. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ResultStore.class);

    private final Database database;
    private final ProbeResultTable table;
    private final BlockingQueue<ProbeResult> queue;
    private final ResultSpool spool;
    private final ResultCounters counters;
    private final ResultWriter writer;
    /** Appends share it; closing takes it alone, so that no result slips into the queue after the last drain. */
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private final AtomicBoolean spilling = new AtomicBoolean();
    private final AtomicBoolean spoolBroken = new AtomicBoolean();
    private volatile boolean closed;

    public ResultStore(Database database, Path spoolDirectory) {
        this(database, spoolDirectory, DEFAULT_QUEUE_CAPACITY, Clock.systemUTC());
    }

    /**
     * @param spoolDirectory where results that do not fit in memory, or are unwritten at shutdown, are kept
     * @param queueCapacity  how many results wait in memory before the spool is used
     * @param clock          paces the retries while the database is failing
     */
    public ResultStore(Database database, Path spoolDirectory, int queueCapacity, Clock clock) {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queue capacity must be positive, was " + queueCapacity);
        }
        ResultCodec json = new ResultCodec();
        this.database = Objects.requireNonNull(database, "database");
        this.table = new ProbeResultTable(database.dataSource(), json);
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.spool = new ResultSpool(spoolDirectory, json);
        this.counters = new ResultCounters(spool.size());
        if (spool.size() > 0) {
            LOG.info("{} probe results wait in {} and will be written when the database is available",
                    spool.size(), spoolDirectory);
        }
        Outage outage = new Outage(LoggerFactory.getLogger(ResultWriter.class), "Probe results cannot be written",
                clock);
        this.writer = new ResultWriter(database, table, queue, spool, counters, outage);
        writer.start();
    }

    /**
     * Queues a result for writing. Never waits for the database and never throws because of it; past the queue's
     * capacity the result goes to the spool file instead.
     */
    public void append(ProbeResult result) {
        Objects.requireNonNull(result, "result");
        counters.accepted();
        closing.readLock().lock();
        try {
            if (!closed && queue.offer(result)) {
                if (spilling.get()) {
                    spilling.set(false);
                }
                if (queue.size() >= ProbeResultTable.BATCH_SIZE) {
                    writer.wake();
                }
                return;
            }
        } finally {
            closing.readLock().unlock();
        }
        spill(result);
    }

    /**
     * Waits until everything appended before this call is written, or the timeout passes.
     *
     * @return true when it was all written
     */
    public boolean flush(Duration timeout) {
        return flush(timeout, false);
    }

    private boolean flush(Duration timeout, boolean untilAttemptFails) {
        long target = counters.settled() + counters.unwritten();
        long failuresBefore = counters.failedBatches();
        long deadline = System.nanoTime() + timeout.toNanos();
        writer.attemptNow();
        while (counters.unwritten() > 0 && counters.settled() < target) {
            if (closed || System.nanoTime() - deadline >= 0
                    || (untilAttemptFails && counters.failedBatches() > failuresBefore)) {
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The check's results, newest first. */
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

    /** The newest result of every check that has one, by check id. */
    public Map<String, ProbeResult> latestPerCheck() {
        requireReady();
        try {
            return table.latestPerCheck();
        } catch (SQLException error) {
            throw new StoreException("Cannot read the latest results: " + Outage.reason(error), error);
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
        return (int) Math.min(Integer.MAX_VALUE, counters.unwritten());
    }

    public long writtenTotal() {
        return counters.written();
    }

    public long failedBatchesTotal() {
        return counters.failedBatches();
    }

    /**
     * Writes what it can within {@link #CLOSE_TIMEOUT}, then spools the rest for the next start. Gives up on the
     * database as soon as one write fails: waiting out an outage would only delay the shutdown.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        flush(CLOSE_TIMEOUT, true);
        closing.writeLock().lock();
        try {
            closed = true;
        } finally {
            closing.writeLock().unlock();
        }
        try {
            if (!writer.stop(CLOSE_TIMEOUT)) {
                LOG.warn("The result writer did not stop within {} s; results it holds may be written twice or lost",
                        CLOSE_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void spill(ProbeResult result) {
        if (!closed && spilling.compareAndSet(false, true)) {
            LOG.warn("The probe result queue is full ({} results); spilling to {} until the database catches up",
                    queue.size(), spool.file());
        }
        try {
            spool.append(List.of(result));
            spoolBroken.set(false);
        } catch (IOException error) {
            counters.setAside(1);
            if (spoolBroken.compareAndSet(false, true)) {
                LOG.error("Probe results are being lost: the queue is full and the spool {} cannot be written ({})",
                        spool.file(), Outage.reason(error));
            }
        }
    }

    private void requireReady() {
        if (!database.isReady()) {
            throw new StoreException("The database is not available yet");
        }
    }
}

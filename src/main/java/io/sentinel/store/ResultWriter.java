package io.sentinel.store;

import io.sentinel.probe.ProbeResult;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that moves queued and spooled results into the database. While the database is failing,
 * every result waiting in memory moves to the spool file (a kill -9 during an outage must not lose what was
 * probed), and the spool is copied to the database, in order, once it answers: an outage delays results but
 * loses none.
 */
final class ResultWriter implements Runnable {

    static final String THREAD_NAME = "sentinel-result-writer";
    /** How long results may wait for company before they are written anyway. */
    /** Long enough for batches of about a hundred rows at a hundred probes a second: one commit each. */
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(ResultWriter.class);

    private final Database database;
    private final ProbeResultTable table;
    private final BlockingQueue<ProbeResult> queue;
    private final ResultSpool spool;
    private final ResultCounters counters;
    private final Outage outage;
    /** Taken from the queue and not yet written; survives failed attempts. Only the writer thread touches it. */
    private final Deque<ProbeResult> batch = new ArrayDeque<>();
    private volatile Thread thread;
    private volatile boolean attemptNow;
    private volatile boolean stopping;
    private boolean catchingUp;
    private Duration lastOutage = Duration.ZERO;
    private long writtenLate;

    ResultWriter(Database database, ProbeResultTable table, BlockingQueue<ProbeResult> queue, ResultSpool spool,
                 ResultCounters counters, Outage outage) {
        this.database = database;
        this.table = table;
        this.queue = queue;
        this.spool = spool;
        this.counters = counters;
        this.outage = outage;
    }

    void start() {
        Thread writer = new Thread(this, THREAD_NAME);
        writer.setDaemon(true);
        thread = writer;
        writer.start();
    }

    /** Writes as soon as possible, skipping the rest of a backoff wait: a flush wants to know now. */
    void attemptNow() {
        attemptNow = true;
        wake();
    }

    void wake() {
        Thread writer = thread;
        if (writer != null) {
            LockSupport.unpark(writer);
        }
    }

    /** Stops after the current attempt; what is still unwritten goes to the spool. */
    boolean stop(Duration timeout) throws InterruptedException {
        stopping = true;
        wake();
        Thread writer = thread;
        if (writer == null) {
            return true;
        }
        writer.join(timeout.toMillis());
        return !writer.isAlive();
    }

    @Override
    public void run() {
        while (!stopping) {
            if (!attemptNow && !(queue.size() >= ProbeResultTable.BATCH_SIZE && outage.isRetryDue())) {
                LockSupport.parkNanos(this, IDLE_WAIT.toNanos());
            }
            if (stopping) {
                break;
            }
            if (attemptNow || outage.isRetryDue()) {
                attemptNow = false;
                writeOnce();
            }
            if (outage.isOngoing()) {
                spoolLeftovers(false);
            }
        }
        spoolLeftovers(true);
    }

    private void writeOnce() {
        if (batch.isEmpty()) {
            queue.drainTo(batch, ProbeResultTable.BATCH_SIZE);
        }
        if (batch.isEmpty() && spool.size() == 0) {
            return;
        }
        try {
            if (!database.isReady()) {
                throw new StoreException("the database is not ready yet");
            }
            long written = writeBatch() + replaySpool();
            succeeded(written);
        } catch (SQLException | IOException | RuntimeException error) {
            counters.failedBatch();
            outage.failed(error, "keeping results in memory, up to " + (queue.remainingCapacity() + queue.size())
                    + ", and spooling the rest to " + spool.file());
        }
    }

    private long writeBatch() throws SQLException, IOException {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            int written = table.insertAll(batch.iterator());
            batch.clear();
            counters.written(written);
            return written;
        } catch (SQLException error) {
            if (!SqlValues.isDataError(error)) {
                throw error;
            }
            return writeOneByOne(batch, error);
        }
    }

    private long replaySpool() throws SQLException, IOException {
        Optional<ResultSpool.Claim> claimed = spool.claim();
        if (claimed.isEmpty()) {
            return 0;
        }
        ResultSpool.Claim claim = claimed.get();
        SQLException refusal;
        try (Stream<ProbeResult> results = spool.read(claim)) {
            int written = table.insertAll(results.iterator());
            spool.replayed(claim);
            counters.written(written);
            counters.setAside(claim.size() - written);
            return written;
        } catch (SQLException error) {
            if (!SqlValues.isDataError(error)) {
                throw error;
            }
            refusal = error;
        }
        // Rare enough to afford holding the whole claim in memory; the rows already written are removed from the
        // claim as they go, so an outage in the middle does not write them twice.
        Deque<ProbeResult> remaining;
        try (Stream<ProbeResult> results = spool.read(claim)) {
            remaining = results.collect(ArrayDeque::new, ArrayDeque::add, ArrayDeque::addAll);
        }
        counters.setAside(claim.size() - remaining.size());
        try {
            long written = writeOneByOne(remaining, refusal);
            spool.replayed(claim);
            return written;
        } finally {
            if (!remaining.isEmpty()) {
                spool.rewrite(claim, remaining);
            }
        }
    }

    /** Writes rows one at a time so that the ones the database refuses can be set aside and the rest kept. */
    private long writeOneByOne(Deque<ProbeResult> results, SQLException batchError) throws SQLException, IOException {
        LOG.warn("The database refused a batch of probe results as invalid data ({}); writing them one by one",
                Outage.reason(batchError));
        long written = 0;
        while (!results.isEmpty()) {
            ProbeResult result = results.peekFirst();
            try {
                table.insertAll(List.of(result).iterator());
                counters.written(1);
                written++;
            } catch (SQLException refused) {
                if (!SqlValues.isDataError(refused)) {
                    throw refused;
                }
                spool.reject(result);
                counters.setAside(1);
                LOG.error("The database refused the probe result of check {} at {} ({}); it is kept in {}",
                        result.checkId(), result.startedAt(), Outage.reason(refused), ResultSpool.REJECTED_FILE_NAME);
            }
            results.removeFirst();
        }
        return written;
    }

    private void succeeded(long written) {
        Optional<Duration> ended = outage.succeeded();
        if (ended.isPresent()) {
            catchingUp = true;
            lastOutage = ended.get();
            writtenLate = 0;
        }
        if (!catchingUp) {
            return;
        }
        writtenLate += written;
        if (batch.isEmpty() && queue.size() < ProbeResultTable.BATCH_SIZE && spool.size() == 0) {
            catchingUp = false;
            LOG.info("Probe results are written to the database again after {} s of trouble; {} results were "
                    + "written late.", lastOutage.toSeconds(), writtenLate);
        }
    }

    /** Moves every result waiting in memory to the spool: during an outage, and at shutdown. */
    private void spoolLeftovers(boolean stopping) {
        List<ProbeResult> leftovers = new ArrayList<>(batch);
        queue.drainTo(leftovers);
        if (leftovers.isEmpty()) {
            return;
        }
        try {
            spool.append(leftovers);
            batch.clear();
            if (stopping) {
                LOG.info("{} unwritten probe results saved to {}; they are written on the next start",
                        leftovers.size(), spool.file());
            } else {
                LOG.debug("{} probe results moved to {} while the database is failing", leftovers.size(), spool.file());
            }
        } catch (IOException error) {
            batch.clear();
            counters.setAside(leftovers.size());
            LOG.error("{} unwritten probe results are lost: cannot write the spool {} ({})", leftovers.size(),
                    spool.file(), Outage.reason(error));
        }
    }
}

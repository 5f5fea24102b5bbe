package io.sentinel.writer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;

/**
 * What a {@link BackgroundWriter}'s thread does in one round: copy the spool back, oldest first, then write the
 * next batch from memory; while the target fails, move what waits in memory to the spool, so that a kill -9
 * during an outage loses nothing. Only the writer's thread calls it (and its owner's, once that thread is gone).
 */
final class WriteRounds<T> {

    private final WriteTarget<T> target;
    private final Backlog<T> backlog;
    private final Spool<T> spool;
    private final WriterCounters counters;
    private final Outage outage;
    private final int batchSize;
    private final Logger log;
    private final String items;
    private final String whileFailing;
    /** Taken from the backlog and not yet written; survives failed attempts. */
    private final Deque<T> batch = new ArrayDeque<>();
    /** A copy of the batch for other threads: what waits, for the owner's answers and the metrics. */
    private volatile List<T> batchView = List.of();
    private boolean catchingUp;
    private Duration lastOutage = Duration.ZERO;
    private long writtenLate;

    /**
     * @param spool        null for a writer without one
     * @param items        what is written, in the plural and lower case: "probe results"
     * @param whileFailing what happens to the items while the target fails, for the outage warning
     */
    WriteRounds(WriteTarget<T> target, Backlog<T> backlog, Spool<T> spool, WriterCounters counters, Outage outage,
                int batchSize, Logger log, String items, String whileFailing) {
        this.target = target;
        this.backlog = backlog;
        this.spool = spool;
        this.counters = counters;
        this.outage = outage;
        this.batchSize = batchSize;
        this.log = log;
        this.items = items;
        this.whileFailing = whileFailing;
    }

    /** One attempt at everything that waits. A failure is counted and backs the next attempt off. */
    void attempt() {
        if (batch.isEmpty()) {
            backlog.drainTo(batch, batchSize);
            publishBatch();
        }
        if (batch.isEmpty() && spooled() == 0) {
            return;
        }
        try {
            long written = copySpool() + writeBatch();
            succeeded(written);
        } catch (Exception error) {
            counters.failedAttempt();
            outage.failed(error, whileFailing);
        } finally {
            publishBatch();
        }
    }

    /** True when a round is worth running now rather than after the linger. */
    boolean hasWorkNow() {
        return !batch.isEmpty() || backlog.size() >= batchSize || spooled() > 0;
    }

    int queued() {
        return batchView.size() + backlog.size();
    }

    /** What waits in memory, oldest first. */
    List<T> waiting() {
        List<T> waiting = new ArrayList<>(batchView);
        waiting.addAll(backlog.snapshot());
        return waiting;
    }

    /**
     * Moves what waits in memory to the spool: during an outage, and at shutdown. Without a spool, at shutdown
     * it is lost, and said so.
     */
    void moveToSpool(boolean stopping) {
        if (spool == null && !stopping) {
            return;
        }
        List<T> leftovers = new ArrayList<>(batch);
        backlog.drainTo(leftovers, Integer.MAX_VALUE);
        batch.clear();
        publishBatch();
        if (leftovers.isEmpty()) {
            return;
        }
        if (spool == null) {
            counters.dropped(leftovers.size());
            log.warn("{} {} could not be written before the shutdown and are lost", leftovers.size(), items);
            return;
        }
        try {
            spool.append(leftovers);
            if (stopping) {
                log.info("{} unwritten {} saved to {}; they are written on the next start", leftovers.size(), items,
                        spool.file());
            } else {
                log.debug("{} {} moved to {} while the target fails", leftovers.size(), items, spool.file());
            }
        } catch (IOException error) {
            counters.dropped(leftovers.size());
            log.error("{} unwritten {} are lost: cannot write the spool {} ({})", leftovers.size(), items,
                    spool.file(), Outage.reason(error));
        }
    }

    /** Sets aside an item the target refused as data: in the rejected file when there is a spool. */
    void reject(T item, Exception refusal) {
        counters.rejected(1);
        if (spool == null) {
            log.error("{} was refused as invalid data ({}); it is not kept", target.describe(item),
                    Outage.reason(refusal));
            return;
        }
        try {
            spool.reject(item);
            log.error("{} was refused as invalid data ({}); it is kept in {}", target.describe(item),
                    Outage.reason(refusal), spool.rejectedFile());
        } catch (IOException error) {
            log.error("{} was refused as invalid data ({}) and cannot be kept in {} ({})", target.describe(item),
                    Outage.reason(refusal), spool.rejectedFile(), Outage.reason(error));
        }
    }

    private long spooled() {
        return spool == null ? 0 : spool.size();
    }

    private long writeBatch() throws Exception {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            target.write(batch.iterator());
            int written = batch.size();
            batch.clear();
            counters.written(written);
            return written;
        } catch (Exception error) {
            if (!target.refuses(error)) {
                throw error;
            }
            return writeOneByOne(batch, error);
        }
    }

    private long copySpool() throws Exception {
        if (spool == null) {
            return 0;
        }
        Optional<Spool.Claim> claimed = spool.claim();
        if (claimed.isEmpty()) {
            return 0;
        }
        Spool.Claim claim = claimed.get();
        Exception refusal;
        try (Stream<T> spooled = spool.read(claim)) {
            Counted<T> counted = new Counted<>(spooled.iterator());
            target.write(counted);
            spool.copied(claim);
            counters.written(counted.count);
            counters.dropped(claim.size() - counted.count);
            return counted.count;
        } catch (Exception error) {
            if (!target.refuses(error)) {
                throw error;
            }
            refusal = error;
        }
        // Rare enough to afford holding the whole claim in memory; the items already written are removed from the
        // claim as they go, so an outage in the middle does not write them twice.
        Deque<T> remaining;
        try (Stream<T> spooled = spool.read(claim)) {
            remaining = spooled.collect(ArrayDeque::new, ArrayDeque::add, ArrayDeque::addAll);
        }
        counters.dropped(claim.size() - remaining.size());
        try {
            long written = writeOneByOne(remaining, refusal);
            spool.copied(claim);
            return written;
        } finally {
            if (!remaining.isEmpty()) {
                spool.rewrite(claim, remaining);
            }
        }
    }

    /** Writes items one at a time so that the ones the target refuses can be set aside and the rest kept. */
    private long writeOneByOne(Deque<T> pending, Exception batchError) throws Exception {
        log.warn("A batch of {} was refused as invalid data ({}); writing them one by one", items,
                Outage.reason(batchError));
        long written = 0;
        while (!pending.isEmpty()) {
            T item = pending.peekFirst();
            try {
                target.write(List.of(item).iterator());
                counters.written(1);
                written++;
            } catch (Exception refused) {
                if (!target.refuses(refused)) {
                    throw refused;
                }
                reject(item, refused);
            }
            pending.removeFirst();
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
        if (batch.isEmpty() && backlog.size() < batchSize && spooled() == 0) {
            catchingUp = false;
            log.info("{} are written again after {} s of trouble; {} were written late.", capitalized(items),
                    lastOutage.toSeconds(), writtenLate);
        }
    }

    private void publishBatch() {
        batchView = batch.isEmpty() ? List.of() : List.copyOf(batch);
    }

    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Counts what the target took from the spool; damaged lines it never saw are the difference. */
    private static final class Counted<T> implements Iterator<T> {
        private final Iterator<T> items;
        private long count;

        Counted(Iterator<T> items) {
            this.items = items;
        }

        @Override
        public boolean hasNext() {
            return items.hasNext();
        }

        @Override
        public T next() {
            T item = items.next();
            count++;
            return item;
        }
    }
}

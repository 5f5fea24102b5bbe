package io.sentinel.store;

import java.util.concurrent.atomic.AtomicLong;

/** How many results wait, how many reached the database, and how many write attempts failed. */
final class ResultCounters {

    private final AtomicLong unwritten = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong setAside = new AtomicLong();
    private final AtomicLong failedBatches = new AtomicLong();

    ResultCounters(long alreadySpooled) {
        unwritten.set(alreadySpooled);
    }

    void accepted() {
        unwritten.incrementAndGet();
    }

    void written(long count) {
        written.addAndGet(count);
        unwritten.addAndGet(-count);
    }

    /** Results that will never be written: refused by the database as data, damaged, or lost with the disk. */
    void setAside(long count) {
        setAside.addAndGet(count);
        unwritten.addAndGet(-count);
    }

    void failedBatch() {
        failedBatches.incrementAndGet();
    }

    long unwritten() {
        return unwritten.get();
    }

    long written() {
        return written.get();
    }

    /** Results that left the backlog one way or the other; a flush waits for this to pass its target. */
    long settled() {
        return written.get() + setAside.get();
    }

    long failedBatches() {
        return failedBatches.get();
    }
}

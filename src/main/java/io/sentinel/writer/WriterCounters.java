package io.sentinel.writer;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What became of the items a writer took: how many still wait, and how many were written, refused as data or
 * lost. An item that entered the backlog or the spool leaves {@link #unwritten()} exactly once.
 */
final class WriterCounters {

    private final AtomicLong unwritten = new AtomicLong();
    private final AtomicLong settled = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();

    WriterCounters(long alreadySpooled) {
        unwritten.set(alreadySpooled);
    }

    void accepted(long count) {
        unwritten.addAndGet(count);
    }

    void written(long count) {
        written.addAndGet(count);
        settle(count);
    }

    /** Replaced in memory by a newer item of the same key, which carries it. */
    void superseded() {
        settle(1);
    }

    /** Written by the owner on its own thread: it never waited. */
    void writtenDirectly(long count) {
        written.addAndGet(count);
    }

    /** Refused by the target as data: set aside, never retried. */
    void rejected(long count) {
        rejected.addAndGet(count);
        settle(count);
    }

    /** Lost: no room and no spool, a spool that cannot be written, a damaged spool line. */
    void dropped(long count) {
        dropped.addAndGet(count);
        settle(count);
    }

    void failedAttempt() {
        failedAttempts.incrementAndGet();
    }

    long unwritten() {
        return unwritten.get();
    }

    /** Items that left the backlog one way or the other; a flush waits for this to pass its target. */
    long settled() {
        return settled.get();
    }

    long written() {
        return written.get();
    }

    long rejected() {
        return rejected.get();
    }

    long dropped() {
        return dropped.get();
    }

    long failedAttempts() {
        return failedAttempts.get();
    }

    private void settle(long count) {
        unwritten.addAndGet(-count);
        settled.addAndGet(count);
    }
}

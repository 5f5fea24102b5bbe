package io.sentinel.writer;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link BackgroundWriter} holds and paces its work.
 *
 * @param capacity     how many items wait in memory; beyond it they go to the spool, or are dropped when there is
 *                     none. Zero for a writer that only copies its spool (its owner writes on its own thread)
 * @param batchSize    the most items written in one go; reaching it wakes the writer at once
 * @param linger       how long items wait for company before they are written anyway
 * @param backoff      the waits between attempts while the target fails
 * @param closeTimeout how long closing waits for the target before it gives up on it
 */
public record WriterPolicy(int capacity, int batchSize, Duration linger, Backoff backoff, Duration closeTimeout) {

    /** Long enough to bring a stopping daemon's last writes home, short enough for a 30 s stop grace period. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);

    public WriterPolicy {
        Objects.requireNonNull(linger, "linger");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
        }
        if (linger.isNegative() || linger.isZero()) {
            throw new IllegalArgumentException("linger must be positive, was " + linger);
        }
        if (closeTimeout.isNegative() || closeTimeout.isZero()) {
            throw new IllegalArgumentException("close timeout must be positive, was " + closeTimeout);
        }
    }

    /** Items queued in memory and written in batches, backing off one second doubling to thirty. */
    public static WriterPolicy queued(int capacity, int batchSize, Duration linger) {
        return new WriterPolicy(capacity, batchSize, linger, Backoff.standard(), DEFAULT_CLOSE_TIMEOUT);
    }

    /**
     * For owners that write on their own thread and hand over only what failed, to the spool: the writer's
     * thread copies the spool back, in order, once the target answers.
     */
    public static WriterPolicy spoolOnly() {
        return new WriterPolicy(0, 500, Duration.ofSeconds(1), Backoff.standard(), DEFAULT_CLOSE_TIMEOUT);
    }

    public WriterPolicy withCloseTimeout(Duration timeout) {
        return new WriterPolicy(capacity, batchSize, linger, backoff, timeout);
    }

    public WriterPolicy withBackoff(Backoff waits) {
        return new WriterPolicy(capacity, batchSize, linger, waits, closeTimeout);
    }
}

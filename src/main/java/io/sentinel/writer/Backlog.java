package io.sentinel.writer;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * What waits in memory for a {@link BackgroundWriter}. Offered from any thread; drained by the writer's thread
 * only.
 *
 * @param <T> what is written
 */
public interface Backlog<T> {

    /** What became of an offered item. */
    enum Offer {
        TAKEN,
        /** Taken in the place of an older item, which will never be written now. */
        REPLACED_OLDER,
        /** No room: the writer spools or drops the item. */
        FULL
    }

    Offer offer(T item);

    /** Moves up to {@code most} items, oldest first, into {@code into}. */
    void drainTo(Collection<? super T> into, int most);

    int size();

    /** What waits, oldest first where there is an order. */
    List<T> snapshot();

    /** Every item in arrival order, up to {@code capacity}; none for a capacity of zero. */
    static <T> Backlog<T> queue(int capacity) {
        return capacity == 0 ? new NoBacklog<>() : new QueueBacklog<>(capacity);
    }

    /**
     * Only the latest item per key, up to {@code capacity} keys: for state where only the newest matters, so
     * an outage costs one item per key however long it lasts.
     */
    static <T, K> Backlog<T> latestPer(Function<? super T, K> key, int capacity) {
        return new LatestPerKey<>(key, capacity);
    }

    /** Room for nothing: every item goes straight to the spool. */
    final class NoBacklog<T> implements Backlog<T> {

        @Override
        public Offer offer(T item) {
            return Offer.FULL;
        }

        @Override
        public void drainTo(Collection<? super T> into, int most) {
            // nothing ever waits
        }

        @Override
        public int size() {
            return 0;
        }

        @Override
        public List<T> snapshot() {
            return List.of();
        }
    }
}

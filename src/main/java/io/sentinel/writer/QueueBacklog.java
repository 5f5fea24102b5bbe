package io.sentinel.writer;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** Every item, in arrival order, in a bounded queue. */
final class QueueBacklog<T> implements Backlog<T> {

    private final BlockingQueue<T> queue;

    QueueBacklog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    @Override
    public Offer offer(T item) {
        return queue.offer(item) ? Offer.TAKEN : Offer.FULL;
    }

    @Override
    public void drainTo(Collection<? super T> into, int most) {
        queue.drainTo(into, most);
    }

    @Override
    public int size() {
        return queue.size();
    }

    @Override
    public List<T> snapshot() {
        return List.copyOf(queue);
    }
}

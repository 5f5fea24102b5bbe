package io.sentinel.writer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The latest item of each key; an older one still waiting is replaced. */
final class LatestPerKey<T, K> implements Backlog<T> {

    private final Map<K, T> latest = new ConcurrentHashMap<>();
    private final Function<? super T, K> key;
    private final int capacity;

    LatestPerKey(Function<? super T, K> key, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, was " + capacity);
        }
        this.key = Objects.requireNonNull(key, "key");
        this.capacity = capacity;
    }

    @Override
    public Offer offer(T item) {
        K itemKey = key.apply(item);
        if (latest.size() >= capacity && !latest.containsKey(itemKey)) {
            return Offer.FULL;
        }
        return latest.put(itemKey, item) == null ? Offer.TAKEN : Offer.REPLACED_OLDER;
    }

    /** Takes an item only if no newer one replaced it meanwhile: that one stays for the next round. */
    @Override
    public void drainTo(Collection<? super T> into, int most) {
        int taken = 0;
        for (Map.Entry<K, T> entry : latest.entrySet()) {
            if (taken == most) {
                return;
            }
            if (latest.remove(entry.getKey(), entry.getValue())) {
                into.add(entry.getValue());
                taken++;
            }
        }
    }

    @Override
    public int size() {
        return latest.size();
    }

    @Override
    public List<T> snapshot() {
        return List.copyOf(latest.values());
    }
}

package io.sentinel.probe.schedule;

import io.sentinel.config.CheckConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;

/**
 * When each check's next probe is due: one entry and at most one queued slot per check, so its memory grows
 * with the number of checks and nothing else. A check is never probed twice at once: it is not due again
 * until its running probe completed. Times are {@link System#nanoTime()}-style readings passed in by the
 * caller, which keeps this class free of clocks and threads (and its tests free of sleeping).
 *
 * <p>Probes run at a fixed rate: the next one is due an interval after the previous one was due, so a check
 * every 30 s is probed every 30 s however long its probes take; one that overran its interval runs again as
 * soon as it completed, never in a burst to catch up. Not thread-safe: {@link ProbeScheduler} guards it.
 */
final class ProbeTimetable {

    /** A check's place in the queue; a slot whose generation is not the entry's current one is stale. */
    private record Slot(String checkId, long dueNanos, long generation) {
    }

    private static final class Entry {
        CheckConfig check;
        long generation;
        long dueNanos;
        boolean running;

        Entry(CheckConfig check, long generation, long dueNanos) {
            this.check = check;
            this.generation = generation;
            this.dueNanos = dueNanos;
        }
    }

    private final PriorityQueue<Slot> queue = new PriorityQueue<>((a, b) -> Long.compare(a.dueNanos, b.dueNanos));
    private final Map<String, Entry> entries = new HashMap<>();
    private long generations;

    /**
     * Plans a check: a new one (or one whose configuration changed) is first due at {@code firstDueNanos}; an
     * unchanged one keeps its place, so a reload does not move or pause it.
     */
    void plan(CheckConfig check, long firstDueNanos) {
        Entry entry = entries.get(check.id());
        if (entry != null && entry.check.equals(check)) {
            return;
        }
        long generation = ++generations;
        if (entry == null) {
            entry = new Entry(check, generation, firstDueNanos);
            entries.put(check.id(), entry);
        } else {
            entry.check = check;
            entry.generation = generation;
            entry.dueNanos = firstDueNanos;
        }
        if (!entry.running) {
            queue.add(new Slot(check.id(), firstDueNanos, generation));
        }
    }

    /** Forgets a check; a probe of it still running completes, and is then not planned again. */
    void remove(String checkId) {
        entries.remove(checkId);
    }

    boolean contains(String checkId) {
        return entries.containsKey(checkId);
    }

    java.util.Set<String> ids() {
        return java.util.Set.copyOf(entries.keySet());
    }

    int size() {
        return entries.size();
    }

    /** When the earliest planned probe is due, if any. */
    OptionalLong nextDueNanos() {
        dropStale();
        Slot next = queue.peek();
        return next == null ? OptionalLong.empty() : OptionalLong.of(next.dueNanos);
    }

    /** The earliest probe due at {@code nowNanos}, now marked running; empty when none is due yet. */
    Optional<DueProbe> takeDue(long nowNanos) {
        dropStale();
        Slot next = queue.peek();
        if (next == null || next.dueNanos - nowNanos > 0) {
            return Optional.empty();
        }
        queue.poll();
        Entry entry = entries.get(next.checkId);
        entry.running = true;
        return Optional.of(new DueProbe(entry.check, next.dueNanos, entry.generation));
    }

    /**
     * A probe completed: its check is due again an interval after this probe was due, or at once if that has
     * passed. A probe of a configuration that changed meanwhile leaves the new plan as it is.
     *
     * @return true when the check is now the earliest due, so that whoever waits for the earliest must look again
     */
    boolean completed(DueProbe probe, long nowNanos) {
        Entry entry = entries.get(probe.check().id());
        if (entry == null) {
            return false;
        }
        entry.running = false;
        long due;
        if (entry.generation == probe.generation()) {
            due = probe.dueNanos() + entry.check.interval().toNanos();
            if (due - nowNanos < 0) {
                due = nowNanos;
            }
        } else {
            due = entry.dueNanos;
        }
        entry.dueNanos = due;
        Slot slot = new Slot(entry.check.id(), due, entry.generation);
        queue.add(slot);
        dropStale();
        return queue.peek() == slot;
    }

    private void dropStale() {
        Slot head;
        while ((head = queue.peek()) != null) {
            Entry entry = entries.get(head.checkId);
            if (entry != null && entry.generation == head.generation && !entry.running) {
                return;
            }
            queue.poll();
        }
    }
}

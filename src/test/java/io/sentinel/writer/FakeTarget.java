package io.sentinel.writer;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** A target that fails its first attempts, refuses some items as data, and records what it took and when. */
final class FakeTarget implements WriteTarget<String> {

    private final Clock clock;
    private final Set<String> refused;
    private int failuresLeft;
    private final List<Instant> attempts = new ArrayList<>();
    private final List<List<String>> batches = new ArrayList<>();

    FakeTarget(Clock clock, int failures, Set<String> refused) {
        this.clock = clock;
        this.failuresLeft = failures;
        this.refused = refused;
    }

    static FakeTarget failing(Clock clock, int failures) {
        return new FakeTarget(clock, failures, Set.of());
    }

    @Override
    public synchronized void write(Iterator<? extends String> items) throws IOException {
        attempts.add(clock.instant());
        List<String> batch = new ArrayList<>();
        items.forEachRemaining(batch::add);
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new IOException("the target is down");
        }
        if (batch.stream().anyMatch(refused::contains)) {
            throw new Refused();
        }
        batches.add(batch);
    }

    @Override
    public boolean refuses(Exception error) {
        return error instanceof Refused;
    }

    @Override
    public String describe(String item) {
        return "The item " + item;
    }

    /** What the target throws for an item it refuses, also from an owner's own write. */
    static Exception refusal() {
        return new Refused();
    }

    synchronized List<Instant> attempts() {
        return List.copyOf(attempts);
    }

    synchronized List<List<String>> batches() {
        return List.copyOf(batches);
    }

    synchronized List<String> written() {
        return batches.stream().flatMap(List::stream).toList();
    }

    private static final class Refused extends IllegalArgumentException {
        Refused() {
            super("refused as data");
        }
    }
}

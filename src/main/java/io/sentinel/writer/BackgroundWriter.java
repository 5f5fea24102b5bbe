package io.sentinel.writer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes items in the background: a bounded backlog in memory, one thread that writes it in batches, retries
 * with backoff while the target fails, and, when it has a spool, keeps on disk what memory cannot hold or the
 * target does not take yet, copying it back in order once the target answers.
 *
 * <p>Closing writes what waits (giving up on the target at its first failure) and spools or reports the rest,
 * so close a writer before whatever its target needs (the database).
 *
 * @param <T> what is written
 */
public final class BackgroundWriter<T> implements WriterStatus, AutoCloseable {

    private final String name;
    private final String items;
    private final WriterPolicy policy;
    private final Backlog<T> backlog;
    private final WriteTarget<T> target;
    private final Spool<T> spool;
    private final WriterCounters counters;
    private final Outage outage;
    private final WriteRounds<T> rounds;
    private final Pause pause;
    private final Logger log;
    private final String whileFailing;
    /** Offers share it; closing takes it alone, so that no item slips into memory after the last round. */
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    /** One direct write at a time, so a failure and the spooling it causes keep the callers' order. */
    private final ReentrantLock direct = new ReentrantLock();
    private final Object progress = new Object();
    private final AtomicBoolean attemptNow = new AtomicBoolean();
    private final AtomicBoolean spilling = new AtomicBoolean();
    private final AtomicBoolean spoolBroken = new AtomicBoolean();
    private volatile Thread thread;
    private volatile boolean stopping;
    private volatile boolean closed;

    private BackgroundWriter(Builder<T> settings) {
        this.name = settings.name;
        this.items = settings.items;
        this.policy = Objects.requireNonNull(settings.policy, "policy");
        this.target = Objects.requireNonNull(settings.target, "target");
        this.backlog = settings.backlog != null ? settings.backlog : Backlog.queue(policy.capacity());
        this.spool = settings.spool;
        this.pause = settings.pause;
        this.log = settings.log;
        long alreadySpooled = spool == null ? 0 : spool.size();
        this.counters = new WriterCounters(alreadySpooled);
        this.outage = new Outage(log, WriteRounds.capitalized(items) + " cannot be written", policy.backoff(),
                settings.clock);
        this.whileFailing = settings.whileFailing != null ? settings.whileFailing : defaultWhileFailing();
        this.rounds = new WriteRounds<>(target, backlog, spool, counters, outage, policy.batchSize(), log, items,
                whileFailing);
        if (alreadySpooled > 0) {
            log.info("{} {} wait in {} and will be written when their target is available", alreadySpooled, items,
                    spool.file());
        }
    }

    /**
     * @param name  short and stable, for metric tags and the thread name: {@code results}
     * @param items what is written, in the plural and lower case, for log lines: "probe results"
     */
    public static <T> Builder<T> named(String name, String items) {
        return new Builder<>(name, items);
    }

    /** Starts the thread. Until then items wait, and {@link #writeThrough} spools what it cannot write. */
    public synchronized BackgroundWriter<T> start() {
        if (thread == null && !closed) {
            Thread writer = new Thread(this::run, "sentinel-" + name + "-writer");
            writer.setDaemon(true);
            thread = writer;
            writer.start();
        }
        return this;
    }

    /**
     * Queues an item. Never waits for the target and never throws because of it: past the capacity the item
     * goes to the spool, or, without one, is dropped and counted.
     */
    public void offer(T item) {
        Objects.requireNonNull(item, "item");
        counters.accepted(1);
        closing.readLock().lock();
        try {
            Backlog.Offer offered = closed ? Backlog.Offer.FULL : backlog.offer(item);
            if (offered != Backlog.Offer.FULL) {
                if (offered == Backlog.Offer.REPLACED_OLDER) {
                    counters.superseded();
                }
                spilling.set(false);
                if (backlog.size() >= policy.batchSize()) {
                    pause.wake();
                }
                return;
            }
        } finally {
            closing.readLock().unlock();
        }
        spill(item);
    }

    /**
     * Writes one item on the caller's thread when nothing older waits and the target is not backing off, so the
     * caller learns the outcome; otherwise, or when that write fails, appends it to the spool (durably, when the
     * spool is), for this writer's thread to copy in order. An item the target refuses as data is set aside.
     *
     * @param write     the caller's own write, which may answer more than the target's (what was new)
     * @param otherwise the answer when the item was spooled or set aside
     * @throws UncheckedIOException when the item can be neither written nor spooled
     */
    public <R> R writeThrough(T item, DirectWrite<T, R> write, R otherwise) {
        Objects.requireNonNull(item, "item");
        return writeAllThrough(List.of(item), one -> write.write(one.get(0)), otherwise);
    }

    /**
     * {@link #writeThrough} for items that belong together (the notifications of one message): written by one
     * direct write, or spooled by one append, so a crash keeps all of them or none. Items the target refuses as
     * data are set aside, each.
     */
    public <R> R writeAllThrough(List<T> items, DirectWrite<List<T>, R> write, R otherwise) {
        List<T> together = List.copyOf(items);
        if (together.isEmpty()) {
            return otherwise;
        }
        direct.lock();
        try {
            if (!isBehind() && outage.isRetryDue()) {
                try {
                    R answer = write.write(together);
                    counters.writtenDirectly(together.size());
                    outage.succeeded().ifPresent(lasted -> log.info("{} are written again after {} s of trouble",
                            WriteRounds.capitalized(this.items), lasted.toSeconds()));
                    return answer;
                } catch (Exception error) {
                    if (target.refuses(error)) {
                        counters.accepted(together.size());
                        together.forEach(item -> rounds.reject(item, error));
                        return otherwise;
                    }
                    counters.failedAttempt();
                    outage.failed(error, whileFailing);
                }
            }
            spoolNow(together);
            return otherwise;
        } finally {
            direct.unlock();
        }
    }

    /** Every item waiting in the spool, claimed ones first: for an owner picking up where the last run stopped. */
    public List<T> spooledItems() {
        return spool == null ? List.of() : spool.readAll();
    }

    /** What waits in memory, oldest first. */
    public List<T> waiting() {
        return rounds.waiting();
    }

    /**
     * Waits until everything taken before this call is written (or refused, or lost), or the timeout passes.
     * Skips the rest of a backoff wait: a flush wants to know now.
     *
     * @return true when it was all settled
     */
    public boolean flush(Duration timeout) {
        return flush(timeout, false);
    }

    /**
     * Writes what waits within the policy's close timeout, giving up on the target at its first failure (waiting
     * out an outage would only delay the shutdown), then stops the thread, which spools what is left, or, without
     * a spool, counts and reports it lost.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (thread != null) {
            flush(policy.closeTimeout(), true);
        }
        closing.writeLock().lock();
        try {
            closed = true;
        } finally {
            closing.writeLock().unlock();
        }
        stopping = true;
        pause.wake();
        Thread writer = thread;
        if (writer == null) {
            rounds.moveToSpool(true);
            return;
        }
        try {
            writer.join(policy.closeTimeout().toMillis());
            if (writer.isAlive()) {
                log.warn("The {} writer did not stop within {} s; {} it holds may be written twice or lost", name,
                        policy.closeTimeout().toSeconds(), items);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int queued() {
        return rounds.queued();
    }

    @Override
    public long spooled() {
        return spool == null ? 0 : spool.size();
    }

    @Override
    public long unwritten() {
        return counters.unwritten();
    }

    @Override
    public long written() {
        return counters.written();
    }

    @Override
    public long failedAttempts() {
        return counters.failedAttempts();
    }

    @Override
    public long rejected() {
        return counters.rejected();
    }

    @Override
    public long dropped() {
        return counters.dropped();
    }

    private void run() {
        while (!stopping) {
            pause.await(untilNextRound());
            if (stopping) {
                break;
            }
            round();
        }
        rounds.moveToSpool(true);
        signalProgress();
    }

    private Duration untilNextRound() {
        if (attemptNow.get()) {
            return Duration.ZERO;
        }
        if (outage.isOngoing()) {
            Duration untilRetry = outage.untilRetry();
            return untilRetry.compareTo(policy.linger()) < 0 ? untilRetry : policy.linger();
        }
        return rounds.hasWorkNow() ? Duration.ZERO : policy.linger();
    }

    private void round() {
        boolean due = attemptNow.getAndSet(false) || outage.isRetryDue();
        if (due) {
            rounds.attempt();
        }
        if (outage.isOngoing()) {
            rounds.moveToSpool(false);
        }
        signalProgress();
    }

    private boolean flush(Duration timeout, boolean untilAttemptFails) {
        long settledTarget = counters.settled() + counters.unwritten();
        long failuresBefore = counters.failedAttempts();
        long deadline = System.nanoTime() + timeout.toNanos();
        attemptNow.set(true);
        pause.wake();
        synchronized (progress) {
            while (counters.unwritten() > 0 && counters.settled() < settledTarget) {
                long left = deadline - System.nanoTime();
                Thread writer = thread;
                if (writer == null || !writer.isAlive() || left <= 0
                        || (untilAttemptFails && counters.failedAttempts() > failuresBefore)) {
                    return false;
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    private void signalProgress() {
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    /** Anything older than a new item still waits: a direct write now would overtake it. */
    private boolean isBehind() {
        return spooled() > 0 || rounds.queued() > 0;
    }

    private void spoolNow(List<T> together) {
        if (spool == null) {
            throw new IllegalStateException("the " + name + " writer has no spool to keep " + items + " in");
        }
        counters.accepted(together.size());
        try {
            spool.append(together);
        } catch (IOException diskTrouble) {
            counters.dropped(together.size());
            throw new UncheckedIOException("cannot write the spool " + spool.file(), diskTrouble);
        }
    }

    private void spill(T item) {
        if (spool == null) {
            counters.dropped(1);
            if (spilling.compareAndSet(false, true)) {
                log.warn("The {} queue is full ({} waiting); {} are dropped until it catches up", name,
                        backlog.size(), items);
            }
            return;
        }
        if (!closed && spilling.compareAndSet(false, true)) {
            log.warn("The {} queue is full ({} waiting); spilling to {} until the target catches up", name,
                    backlog.size(), spool.file());
        }
        try {
            spool.append(List.of(item));
            spoolBroken.set(false);
        } catch (IOException error) {
            counters.dropped(1);
            if (spoolBroken.compareAndSet(false, true)) {
                log.error("{} are being lost: the queue is full and the spool {} cannot be written ({})",
                        WriteRounds.capitalized(items), spool.file(), Outage.reason(error));
            }
        }
    }

    private String defaultWhileFailing() {
        if (spool == null) {
            return "keeping them in memory, up to " + policy.capacity();
        }
        if (policy.capacity() == 0) {
            return "keeping them in " + spool.file();
        }
        return "keeping them in memory, up to " + policy.capacity() + ", and moving them to " + spool.file();
    }

    /** The caller's own write of one item. */
    @FunctionalInterface
    public interface DirectWrite<T, R> {
        R write(T item) throws Exception;
    }

    /** What a writer is made of; {@link #build()} returns it unstarted. */
    public static final class Builder<T> {
        private final String name;
        private final String items;
        private WriterPolicy policy;
        private WriteTarget<T> target;
        private Backlog<T> backlog;
        private Spool<T> spool;
        private Clock clock = Clock.systemUTC();
        private Pause pause = Pause.parking();
        private Logger log = LoggerFactory.getLogger(BackgroundWriter.class);
        private String whileFailing;

        private Builder(String name, String items) {
            this.name = Objects.requireNonNull(name, "name");
            this.items = Objects.requireNonNull(items, "items");
        }

        public Builder<T> policy(WriterPolicy value) {
            this.policy = value;
            return this;
        }

        public Builder<T> target(WriteTarget<T> value) {
            this.target = value;
            return this;
        }

        /** Instead of the policy's queue: {@link Backlog#latestPer} for state where only the newest matters. */
        public Builder<T> backlog(Backlog<T> value) {
            this.backlog = value;
            return this;
        }

        public Builder<T> spool(Spool<T> value) {
            this.spool = value;
            return this;
        }

        /** Paces the retries; the outage log line measures with it. */
        public Builder<T> clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder<T> pause(Pause value) {
            this.pause = Objects.requireNonNull(value, "pause");
            return this;
        }

        /** The owner's logger, so that the writer's lines read as the owner's. */
        public Builder<T> log(Logger value) {
            this.log = Objects.requireNonNull(value, "log");
            return this;
        }

        /** What happens to the items while the target fails, for the outage warning: "keeping … in memory". */
        public Builder<T> whileFailing(String value) {
            this.whileFailing = value;
            return this;
        }

        public BackgroundWriter<T> build() {
            return new BackgroundWriter<>(this);
        }
    }
}

package io.sentinel.probe.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.DistributionSummary;
import io.sentinel.config.CheckConfig;
import io.sentinel.secret.Redactor;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every check's probes when they are due, on one bounded pool shared by all checks: one timetable
 * entry per check, one thread that waits for the earliest due time, and probe threads started as probes need
 * them, up to a limit ({@link ProbeThreads}).
 * Nothing here grows with the number of checks but the timetable, so ten thousand checks cost ten thousand
 * small entries, not ten thousand routes, timers or queued tasks.
 *
 * <p>A due probe waits for a free probe thread rather than queueing behind others: when every thread is busy
 * the lag shows in {@code sentinel_schedule_lag_seconds} instead of in an ever longer queue.
 */
public final class ProbeScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeScheduler.class);
    private static final double[] LAG_BUCKETS_SECONDS = {0.005, 0.025, 0.1, 0.25, 1, 5, 30};

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ProbeTimetable timetable = new ProbeTimetable();
    private final List<ProbeConsumer> consumers = new CopyOnWriteArrayList<>();
    private final Set<String> reportedUnrouted = ConcurrentHashMap.newKeySet();
    private final Semaphore freeWorkers;
    private final ProbeThreads workers;
    private final DistributionSummary lag;
    private final Thread dispatcher;
    private volatile boolean closed;

    public ProbeScheduler(int probeThreads, MeterRegistry metrics) {
        this.freeWorkers = new Semaphore(probeThreads);
        this.workers = new ProbeThreads(probeThreads);
        this.lag = DistributionSummary.builder("sentinel.schedule.lag.seconds")
                .description("How late probes start after they were due (every probe thread busy shows here)")
                .baseUnit("seconds")
                // fixed buckets, not percentiles computed here: a decaying percentile histogram costs every probe
                // a measurable share of its CPU, and buckets aggregate across instances
                .serviceLevelObjectives(LAG_BUCKETS_SECONDS)
                .register(metrics);
        // not "sentinel-probe-…": top and /proc show 15 characters, which would count it with the probe threads
        this.dispatcher = new Thread(this::dispatch, "sentinel-schedule");
        this.dispatcher.setDaemon(true);
        this.dispatcher.start();
    }

    /**
     * Makes the timetable match the configured checks: new and changed checks are planned (first probes
     * spread over their interval, at most ten seconds), removed ones forgotten, unchanged
     * ones keep their next due time.
     */
    public void plan(List<CheckConfig> checks) {
        long now = System.nanoTime();
        lock.lock();
        try {
            Set<String> configured = new HashSet<>();
            for (CheckConfig check : checks) {
                configured.add(check.id());
                timetable.plan(check, now + FirstProbe.delay(check).toNanos());
            }
            timetable.ids().stream().filter(id -> !configured.contains(id)).toList().forEach(timetable::remove);
            reportedUnrouted.retainAll(configured);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A route started: it runs the checks its selector names from now on. */
    public void attach(ProbeConsumer consumer) {
        for (ProbeConsumer attached : consumers) {
            if (attached.selector().equals(consumer.selector())) {
                throw new IllegalStateException("two routes run the same probes (" + consumer.selector()
                        + "); give one of them another kind, dependency or check");
            }
        }
        consumers.add(consumer);
    }

    /** A route stopped: the checks it ran wait for another route, or are skipped until one starts. */
    public void detach(ProbeConsumer consumer) {
        consumers.remove(consumer);
    }

    /** The route that runs a check now, if any: the one whose selector names it most closely. */
    public Optional<ProbeConsumer> consumerOf(CheckConfig check) {
        ProbeConsumer best = null;
        int bestSpecificity = -1;
        for (ProbeConsumer consumer : consumers) {
            int specificity = consumer.selector().specificity(check);
            if (specificity > bestSpecificity) {
                best = consumer;
                bestSpecificity = specificity;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The id of the route that runs a check now, if any. */
    public Optional<String> routeOf(CheckConfig check) {
        return consumerOf(check).map(ProbeConsumer::routeId);
    }

    private void dispatch() {
        try {
            while (!closed) {
                freeWorkers.acquire();
                Optional<DueProbe> due = awaitDue();
                if (due.isEmpty()) {
                    freeWorkers.release();
                    return;
                }
                Optional<ProbeConsumer> consumer = consumerOf(due.get().check());
                if (consumer.isEmpty()) {
                    unrouted(due.get());
                    continue;
                }
                try {
                    workers.run(() -> run(due.get(), consumer.get()));
                } catch (RejectedExecutionException closing) {
                    completed(due.get());
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until a probe is due and takes it; empty once closed. */
    private Optional<DueProbe> awaitDue() throws InterruptedException {
        lock.lock();
        try {
            while (!closed) {
                Optional<DueProbe> due = timetable.takeDue(System.nanoTime());
                if (due.isPresent()) {
                    return due;
                }
                OptionalLong next = timetable.nextDueNanos();
                if (next.isEmpty()) {
                    changed.await();
                } else {
                    changed.awaitNanos(next.getAsLong() - System.nanoTime());
                }
            }
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    private void run(DueProbe due, ProbeConsumer consumer) {
        try {
            lag.record(Math.max(0, System.nanoTime() - due.dueNanos()) / 1e9);
            consumer.probe(due.check());
        } catch (RuntimeException | Error failure) {
            LOG.warn("Probe of {} failed in its route: {}", due.check().id(), Redactor.global().describe(failure));
        } finally {
            completed(due);
        }
    }

    /**
     * No route runs this check (its operator route is missing or being replaced): it is not probed, and the log
     * says so once; it is looked at again an interval later.
     */
    private void unrouted(DueProbe due) {
        // a route check may run on its own timer (validation made sure some route names it): nothing to say
        if (!due.check().kind().equals("route") && reportedUnrouted.add(due.check().id())) {
            LOG.warn("No route runs check {} (kind {}); it is not probed until its probe route runs again",
                    due.check().id(), due.check().kind());
        }
        completed(due);
    }

    private void completed(DueProbe due) {
        lock.lock();
        try {
            // Most completions plan a check an interval ahead, behind the one the dispatcher already waits for;
            // waking it for those would cost every probe a needless thread switch.
            if (timetable.completed(due, System.nanoTime())) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
            freeWorkers.release();
        }
    }

    /** Stops dispatching, then waits a little for running probes (their routes are already stopping). */
    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        dispatcher.interrupt();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(Duration.ofSeconds(10))) {
                workers.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

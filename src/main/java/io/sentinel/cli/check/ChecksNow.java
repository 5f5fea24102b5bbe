package io.sentinel.cli.check;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.SentinelConfig;
import io.sentinel.cost.ProbeCosts;
import io.sentinel.cost.SpendRepository;
import io.sentinel.http.HttpCaller;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.ProbeRunner;
import io.sentinel.probe.ProbeToolkit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs checks once, now, the way the daemon's probe routes do minus the schedule and the circuit breaker: each
 * check's kind's probe through a {@link ProbeRunner} (latency limit, a probe's own bug becoming a result). Spending
 * is counted in memory only, so a dependency's {@code dailyBudget} still caps one run but nothing is recorded.
 */
public final class ChecksNow implements AutoCloseable {

    /** Probes run side by side, so a run takes about as long as its slowest check, not their sum. */
    static final int MAX_PARALLEL = 8;
    /** Beyond its own timeout a probe gets this long before it is reported as stuck. */
    static final Duration GRACE = Duration.ofSeconds(30);

    private final Map<String, ProbeRunner> runners = new HashMap<>();
    private final HttpCaller http = new HttpCaller();
    private final Clock clock;

    public ChecksNow(SentinelConfig config, List<ProbeKind> kinds, Clock clock) {
        this.clock = clock;
        ProbeCosts costs = new ProbeCosts(config::dependency,
                kinds.stream().collect(Collectors.toMap(ProbeKind::name, Function.identity())), SpendRepository.NONE, clock);
        ProbeToolkit toolkit = new ProbeToolkit(http, clock);
        for (ProbeKind kind : kinds) {
            runners.put(kind.name(), new ProbeRunner(kind.newProbe(toolkit), costs, clock));
        }
    }

    /** Runs every check in {@code checks} once and returns the results in the same order. */
    public CheckRun run(List<CheckConfig> checks) throws InterruptedException {
        Instant started = clock.instant();
        long startedNanos = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(MAX_PARALLEL, checks.size())), runnable -> {
            Thread thread = new Thread(runnable, "sentinel-check");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ProbeResult>> pending = new ArrayList<>();
            for (CheckConfig check : checks) {
                ProbeRunner runner = runners.get(check.kind());
                pending.add(pool.submit(() -> runner.probe(check)));
            }
            List<CheckedResult> results = new ArrayList<>();
            for (int index = 0; index < checks.size(); index++) {
                results.add(new CheckedResult(checks.get(index), await(checks.get(index), pending.get(index))));
            }
            return new CheckRun(started, Duration.ofNanos(System.nanoTime() - startedNanos), results);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A probe ends by its own deadline; one still running long after it (a bug) is reported rather than waited for
     * forever, since a CI job must end.
     */
    private ProbeResult await(CheckConfig check, Future<ProbeResult> result) throws InterruptedException {
        Duration limit = check.timeout().multipliedBy(3).plus(GRACE);
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stuck) {
            result.cancel(true);
            return ProbeResult.of(check.id(), check.dependency(), clock.instant()).latency(limit)
                    .down(FailureClass.INTERNAL, "the probe did not finish within " + limit.toSeconds() + " s");
        } catch (ExecutionException unexpected) {
            // ProbeRunner turns a probe's own failure into a result; this is a fault of the runner itself
            return ProbeResult.of(check.id(), check.dependency(), clock.instant())
                    .down(FailureClass.INTERNAL, "the probe could not run: " + unexpected.getCause());
        }
    }

    @Override
    public void close() {
        http.close();
    }
}

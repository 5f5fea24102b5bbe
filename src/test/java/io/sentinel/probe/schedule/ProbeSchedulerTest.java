package io.sentinel.probe.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The scheduler with real threads: which route gets which check, and that nothing runs twice at once. */
class ProbeSchedulerTest {

    private final Map<String, AtomicInteger> probes = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    @Test
    void theMostSpecificRouteRunsEachCheckAndNoCheckRunsTwiceAtOnce() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (ProbeScheduler scheduler = new ProbeScheduler(2, metrics)) {
            scheduler.attach(consumer("http", Optional.empty(), Optional.empty()));
            scheduler.attach(consumer("any", Optional.empty(), Optional.of("special")));
            scheduler.plan(List.of(check("one", "http"), check("two", "http"), check("special", "route")));

            await().atMost(Duration.ofSeconds(30)).until(() -> count("http:one") >= 3 && count("http:two") >= 3
                    && count("any:special") >= 3);

            assertThat(probes).doesNotContainKey("http:special");
            assertThat(mostAtOnce.get()).as("never more probes at once than probe threads").isLessThanOrEqualTo(2);
            io.micrometer.core.instrument.distribution.HistogramSnapshot lag =
                    metrics.get("sentinel.schedule.lag.seconds").summary().takeSnapshot();
            assertThat(lag.count()).as("every probe's lag counted").isGreaterThanOrEqualTo(9);
            assertThat(lag.histogramCounts()).as("in fixed buckets, up to 30 s").hasSize(7);
            assertThat(lag.histogramCounts()[6].bucket()).isEqualTo(30.0);
            assertThat(lag.percentileValues()).as("no percentiles computed per probe").isEmpty();
        }
    }

    @Test
    void twoRoutesForTheSameChecksAreRefused() {
        try (ProbeScheduler scheduler = new ProbeScheduler(1, new SimpleMeterRegistry())) {
            scheduler.attach(consumer("http", Optional.of("api"), Optional.empty()));

            org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                    scheduler.attach(consumer("http", Optional.of("api"), Optional.empty())))
                    .hasMessageContaining("two routes run the same probes");
        }
    }

    @Test
    void aCheckNoRouteRunsIsNotProbedAndARemovedCheckStops() {
        try (ProbeScheduler scheduler = new ProbeScheduler(1, new SimpleMeterRegistry())) {
            scheduler.attach(consumer("http", Optional.empty(), Optional.empty()));
            scheduler.plan(List.of(check("one", "http"), check("orphan", "route")));
            await().atMost(Duration.ofSeconds(30)).until(() -> count("http:one") >= 2);

            scheduler.plan(List.of(check("orphan", "route")));
            int afterRemoval = count("http:one");
            await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);

            assertThat(count("http:one")).isLessThanOrEqualTo(afterRemoval + 1);
            assertThat(scheduler.routeOf(check("orphan", "route"))).isEmpty();
        }
    }

    private int count(String key) {
        return probes.getOrDefault(key, new AtomicInteger()).get();
    }

    private ProbeConsumer consumer(String kind, Optional<String> dependency, Optional<String> check) {
        ProbeSelector selector = new ProbeSelector(kind, dependency, check);
        return new ProbeConsumer() {
            @Override
            public ProbeSelector selector() {
                return selector;
            }

            @Override
            public String routeId() {
                return "route-" + kind;
            }

            @Override
            public void probe(CheckConfig config) {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                }
                probes.computeIfAbsent(kind + ":" + config.id(), unused -> new AtomicInteger()).incrementAndGet();
            }
        };
    }

    private static CheckConfig check(String id, String kind) {
        return CheckConfig.builder(id, "api", kind, new CheckOptions() { }).interval(Duration.ofMillis(50)).build();
    }
}

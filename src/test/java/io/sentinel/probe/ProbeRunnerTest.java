package io.sentinel.probe;

import io.sentinel.model.FailureClass;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.CheckOptions;
import io.sentinel.config.CheckDefaults;
import io.sentinel.config.DependencyConfig;
import io.sentinel.config.BreakerSettings;
import io.sentinel.config.SentinelConfig;
import io.sentinel.config.ServerConfig;
import io.sentinel.config.StorageConfig;
import io.sentinel.config.AlertsConfig;
import io.sentinel.secret.Secret;
import io.sentinel.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeRunnerTest {

    private final MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");

    @Test
    void aWorkingAnswerAboveTheLatencyLimitIsDegraded() {
        CheckConfig check = CheckConfig.builder("web-home", "web", "test", new CheckOptions() { })
                .latencyLimit(Duration.ofMillis(100)).build();
        ProbeRunner runner = runner(check, c -> ProbeResult.of(c.id(), c.dependency(), clock.instant())
                .latency(Duration.ofMillis(320)).httpStatus(200).up("HTTP 200"));

        ProbeResult result = runner.probe(check);

        assertThat(result.outcome()).isEqualTo(Outcome.DEGRADED);
        assertThat(result.message()).isEqualTo("latency 320ms above the 100ms limit (HTTP 200)");
    }

    @Test
    void aFailureStaysAFailureHoweverSlow() {
        CheckConfig check = CheckConfig.builder("web-home", "web", "test", new CheckOptions() { })
                .latencyLimit(Duration.ofMillis(100)).build();
        ProbeRunner runner = runner(check, c -> ProbeResult.of(c.id(), c.dependency(), clock.instant())
                .latency(Duration.ofSeconds(3)).down(FailureClass.HTTP_5XX, "HTTP 500"));

        assertThat(runner.probe(check).outcome()).isEqualTo(Outcome.DOWN);
    }

    @Test
    void aProbeThatThrowsStillYieldsAnInternalFailureWithoutSecrets() {
        io.sentinel.secret.Redactor.global().register("sk-live-0123456789");
        CheckConfig check = CheckConfig.builder("web-home", "web", "test", new CheckOptions() { }).build();
        ProbeRunner runner = runner(check, c -> {
            throw new IllegalStateException("parser broke on key sk-live-0123456789");
        });

        ProbeResult result = runner.probe(check);

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(FailureClass.INTERNAL);
        assertThat(result.message()).contains("parser broke").doesNotContain("sk-live-0123456789");
    }

    private ProbeRunner runner(CheckConfig check, Probe probe) {
        SentinelConfig config = new SentinelConfig(Path.of("test.yaml"),
                new ServerConfig("127.0.0.1", 0, 1, Secret.none()),
                new StorageConfig(StorageConfig.DEFAULT_URL, "sa", Secret.none(), Path.of("reports"), Duration.ofDays(1)),
                CheckDefaults.STANDARD,
                List.of(new DependencyConfig("web", "", BreakerSettings.DEFAULTS)),
                List.of(check), AlertsConfig.logOnly());
        CheckIndex checks = new CheckIndex(config);
        return new ProbeRunner(probe, new io.sentinel.cost.ProbeCosts(checks::dependency, java.util.Map.of(),
                io.sentinel.cost.SpendRepository.NONE, clock), clock);
    }
}

package io.sentinel.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.config.AlertOverrides;
import io.sentinel.config.BreakerSettings;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckOptions;
import io.sentinel.config.DependencyConfig;
import io.sentinel.config.Severity;
import io.sentinel.config.StorageConfig;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.secret.Secret;
import io.sentinel.store.Database;
import io.sentinel.store.SpendStore;
import io.sentinel.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paid probes against a daily budget, with spending kept in a real database. */
class ProbeCostsTest {

    @TempDir
    Path directory;

    private final MutableClock clock = MutableClock.at("2026-11-26T22:00:00Z");
    private final DependencyConfig foursquare = new DependencyConfig("foursquare", "", BreakerSettings.DEFAULTS,
            AlertOverrides.NONE, Optional.of(0.03));
    private final CheckConfig search = CheckConfig.builder("fsq-search", "foursquare", "foursquare", new CheckOptions() { })
            .costPerCall(0.015).build();
    private final List<AlertEvent> alerts = new ArrayList<>();
    private ProbeCosts costs;
    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(new StorageConfig("jdbc:h2:file:" + directory.resolve("db"), "sa", Secret.none(),
                directory, Duration.ofDays(1)));
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** What the budget raised so far, as the results route collects it. */
    private List<AlertEvent> raised() {
        alerts.addAll(costs.alerts().drain());
        return alerts;
    }

    private ProbeCosts costs() {
        costs = new ProbeCosts(id -> Optional.of(foursquare), Map.of(), new SpendStore(database), clock).restoreToday();
        return costs;
    }

    @Test
    void probesRunUntilTheNextOneWouldExceedTheBudgetThenOneMediumAlertSaysSo() {
        ProbeCosts costs = costs();

        for (int i = 0; i < 2; i++) {
            assertThat(costs.refusal(search)).isEmpty();
            costs.charge(search, called());
        }
        Optional<String> third = costs.refusal(search);
        costs.refusal(search);

        assertThat(third).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("budget: a probe costs $0.0150 and foursquare has spent $0.0300 of its $0.03 daily budget"));
        assertThat(raised()).singleElement().satisfies(alert -> {
            assertThat(alert.status()).isEqualTo(AlertStatus.FIRING);
            assertThat(alert.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(alert.dependency()).isEqualTo("foursquare");
        });
    }

    @Test
    void theBudgetStartsAfreshAtMidnightUtcAndTheAlertResolves() {
        ProbeCosts costs = costs();
        costs.charge(search, called());
        costs.charge(search, called());
        assertThat(costs.refusal(search)).isPresent();

        clock.advance(Duration.ofHours(3));

        assertThat(costs.refusal(search)).isEmpty();
        assertThat(raised()).extracting(AlertEvent::status).containsExactly(AlertStatus.FIRING, AlertStatus.RESOLVED);
    }

    @Test
    void spendingSurvivesARestartAndOnlyProbesThatCalledAreCharged() {
        ProbeCosts before = costs();
        before.charge(search, called());
        before.charge(search, ProbeResult.of("fsq-search", "foursquare", clock.instant()).skipped("set FOURSQUARE_API_KEY"));

        ProbeCosts after = costs();

        assertThat(after.spentToday("foursquare")).isEqualTo(0.015);
    }

    @Test
    void aChargedResultShowsItsCostAsAReading() {
        ProbeResult charged = costs().charge(search, ProbeResult.of("fsq-search", "foursquare", clock.instant())
                .down(FailureClass.RATE_LIMITED, "HTTP 429"));

        assertThat(charged.readings()).containsEntry("cost.usd", 0.015);
    }

    @Test
    void instancesSharingOneDatabaseSpendOneBudgetBetweenThem() {
        ProbeCosts europe = new ProbeCosts(id -> Optional.of(foursquare), Map.of(), new SpendStore(database), clock);
        ProbeCosts america = new ProbeCosts(id -> Optional.of(foursquare), Map.of(), new SpendStore(database), clock);

        europe.charge(search, called());
        america.charge(search, called());

        assertThat(america.spentToday("foursquare")).as("what both booked").isEqualTo(0.03, within(1e-9));
        assertThat(america.refusal(search)).as("the shared budget is spent").isPresent();
        // europe has not heard of america's probe yet: one more probe, then it knows
        assertThat(europe.refusal(search)).isEmpty();
        europe.charge(search, called());
        assertThat(europe.refusal(search)).isPresent();
        assertThat(new SpendStore(database).spentOn(clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate()))
                .as("over the budget by at most one probe per instance")
                .hasEntrySatisfying("foursquare", usd -> assertThat(usd).isLessThanOrEqualTo(0.03 + 2 * 0.015 + 1e-9));
    }

    private ProbeResult called() {
        return ProbeResult.of("fsq-search", "foursquare", clock.instant()).latency(Duration.ofMillis(300)).up("1 result");
    }
}

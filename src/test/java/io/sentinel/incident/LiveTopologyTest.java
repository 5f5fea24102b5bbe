package io.sentinel.incident;

import static io.sentinel.incident.IncidentEvents.down;
import static io.sentinel.incident.IncidentEvents.up;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.CheckIndex;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.InvalidConfigException;
import io.sentinel.config.SentinelConfig;
import io.sentinel.daemon.BuiltInKinds;
import io.sentinel.model.AlertEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * How long a held alert waits after its parent recovered comes from the checks in force: a live change of a
 * check's interval (applied in place, {@link CheckIndex#replace}) changes it, even while the alert is waiting.
 */
class LiveTopologyTest {

    private static final Instant T0 = Instant.parse("2026-12-02T07:10:00Z");

    private static SentinelConfig config(String functionInterval) throws InvalidConfigException {
        return new ConfigLoader(BuiltInKinds.index(), name -> null).parse(Path.of("sentinel.yaml"), """
                defaults: {timeout: 5s, successThreshold: 2}
                dependencies:
                  - id: supabase-db
                  - id: supabase-functions
                    dependsOn: [supabase-db]
                checks:
                  - {id: db-ping, dependency: supabase-db, kind: http, url: "https://db.example.com", interval: 10s}
                  - {id: fn-export, dependency: supabase-functions, kind: http, url: "https://fn.example.com",
                     interval: %s}
                """.formatted(functionInterval));
    }

    private final CheckIndex inForce;
    private final IncidentTracker tracker;

    LiveTopologyTest() throws InvalidConfigException {
        SentinelConfig running = config("30s");
        inForce = new CheckIndex(running);
        tracker = new IncidentTracker(Topology.of(running, inForce));
    }

    @Test
    void aShorterIntervalAppliedWhileTheAlertWaitsReleasesItSooner() throws InvalidConfigException {
        Instant dbBack = heldUntilTheParentRecovers();

        inForce.replace(config("10s"));

        Duration recovery = Duration.ofSeconds((10 + 5) * 2);
        assertThat(tracker.due(dbBack.plus(recovery).minusMillis(1)).notices()).isEmpty();
        assertThat(tracker.due(dbBack.plus(recovery)).notices()).singleElement().satisfies(notice ->
                assertThat(notice.note()).isEqualTo("held while supabase-db was DOWN; still DOWN 30s after it recovered"));
    }

    @Test
    void aLongerIntervalGivesTheCheckMoreTimeToRecoverBeforeItsAlertIsTold() throws InvalidConfigException {
        Instant dbBack = heldUntilTheParentRecovers();

        inForce.replace(config("1m"));

        Duration before = Duration.ofSeconds((30 + 5) * 2);
        Duration after = Duration.ofSeconds((60 + 5) * 2);
        assertThat(tracker.due(dbBack.plus(before)).notices()).as("the old recovery time no longer applies").isEmpty();
        assertThat(tracker.due(dbBack.plus(after)).notices()).singleElement().satisfies(notice ->
                assertThat(notice.note()).isEqualTo("held while supabase-db was DOWN; still DOWN 2m10s after it recovered"));
    }

    /** db-ping goes DOWN, fn-export's alert is held for it, db-ping recovers: returns when. */
    private Instant heldUntilTheParentRecovers() {
        AlertEvent db = down("db-ping", "supabase-db", T0);
        tracker.correlate(java.util.List.of(db));
        assertThat(tracker.correlate(java.util.List.of(down("fn-export", "supabase-functions", T0.plusSeconds(5))))
                .notices()).as("held").isEmpty();
        Instant dbBack = T0.plusSeconds(300);
        tracker.correlate(java.util.List.of(up(db, dbBack)));
        return dbBack;
    }
}

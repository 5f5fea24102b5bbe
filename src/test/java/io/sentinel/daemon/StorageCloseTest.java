package io.sentinel.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.StorageConfig;
import io.sentinel.model.HealthState;
import io.sentinel.probe.ProbeResult;
import io.sentinel.rules.CheckState;
import io.sentinel.secret.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's stop closes the storage: the background writers first, while the database is still open, so
 * what they hold goes to the database, not to the spool and not nowhere.
 */
class StorageCloseTest {

    private static final Instant PROBED_AT = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dataDirectory;

    @Test
    void whatIsQueuedJustBeforeTheCloseIsInTheDatabaseOnTheNextStart() {
        ProbeResult result = ProbeResult.of("home", "site", PROBED_AT).latency(Duration.ofMillis(20)).httpStatus(200)
                .up("ok");
        CheckState state = new CheckState("home", HealthState.UP, PROBED_AT, 0, 3, 3, 0, PROBED_AT, null);

        try (Storage storage = new Storage(embedded(), "local", dataDirectory, Clock.systemUTC())) {
            // both writers wait up to a second for company: these are still in memory when the close comes
            storage.results.append(result);
            storage.checkStates.saveLater(state);
        }

        assertThat(dataDirectory.resolve("spool/results.spool.jsonl")).as("written, not spooled").doesNotExist();
        try (Storage restarted = new Storage(embedded(), "local", dataDirectory, Clock.systemUTC())) {
            assertThat(restarted.awaitOpen()).isTrue();
            assertThat(restarted.results.history("home", 10)).containsExactly(result);
            assertThat(restarted.checkStates.loadAll()).containsEntry("home", state);
        }
    }

    private static StorageConfig embedded() {
        return new StorageConfig(StorageConfig.DEFAULT_URL, "sa", Secret.none(), Path.of("reports"),
                Duration.ofDays(30));
    }
}

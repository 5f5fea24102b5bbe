package io.sentinel.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.rules.CheckState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @Test
    void anH2FileDatabaseIsCreatedWithItsDirectoryAndReopensOnTheSameSchema(@TempDir Path directory) {
        Path dataDirectory = directory.resolve("not/yet/there");
        var storage = DatabaseFixture.storage("jdbc:h2:file:" + dataDirectory.resolve("sentinel"), "sa");

        try (Database first = Database.open(storage);
             CheckStateStore states = new CheckStateStore(first, Clock.systemUTC())) {
            assertThat(first.isReady()).isTrue();
            assertThat(first.isPostgres()).isFalse();
            // still waiting in memory when the store closes: closing writes it
            states.saveLater(CheckState.unknown("hunter-account"));
        }
        try (Database reopened = Database.open(storage);
             CheckStateStore states = new CheckStateStore(reopened, Clock.systemUTC())) {
            assertThat(reopened.isReady()).isTrue();
            assertThat(states.loadAll()).containsOnlyKeys("hunter-account");
        }
        assertThat(dataDirectory.resolve("sentinel.mv.db")).exists();
    }

    @Test
    void theSameMigrationRunsOnH2InPostgresqlMode() {
        var storage = DatabaseFixture.storage(
                "jdbc:h2:mem:pgmode;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa");

        try (Database database = Database.open(storage);
             CheckStateStore states = new CheckStateStore(database, Clock.systemUTC())) {
            assertThat(database.isReady()).isTrue();
            states.saveLater(CheckState.unknown("supabase-db"));
            assertThat(states.flush(Duration.ofSeconds(60))).isTrue();
            assertThat(states.loadAll()).containsOnlyKeys("supabase-db");
        }
    }

    @Test
    void aPostgresqlUrlIsRecognised() throws Exception {
        try (PostgresFixture fixture = new PostgresFixture(); Database database = Database.open(fixture.storage())) {
            assertThat(database.isReady()).isTrue();
            assertThat(database.isPostgres()).isTrue();
        }
    }

    @Test
    void openedInTheBackgroundItIsMigratedOnceTheFirstAttemptIsAwaited(@TempDir Path directory) {
        var storage = DatabaseFixture.storage("jdbc:h2:file:" + directory.resolve("sentinel"), "sa");

        try (Database database = Database.openInBackground(storage, Clock.systemUTC());
             CheckStateStore states = new CheckStateStore(database, Clock.systemUTC())) {
            assertThat(database.awaitFirstAttempt()).isTrue();
            assertThat(database.isReady()).isTrue();
            states.saveLater(CheckState.unknown("supabase-db"));
            assertThat(states.flush(Duration.ofSeconds(60))).isTrue();
            assertThat(states.loadAll()).containsOnlyKeys("supabase-db");
        }
    }

    @Test
    void openedInTheBackgroundADatabaseThatIsDownIsNotReadyAfterTheFirstAttempt() {
        var storage = DatabaseFixture.storage("jdbc:postgresql://127.0.0.1:1/test?connectTimeout=1", "postgres");

        try (Database database = Database.openInBackground(storage, Clock.systemUTC())) {
            assertThat(database.awaitFirstAttempt()).isTrue();
            assertThat(database.isReady()).isFalse();
        }
    }
}

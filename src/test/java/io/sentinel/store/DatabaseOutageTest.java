package io.sentinel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sentinel.config.StorageConfig;
import io.sentinel.rules.CheckState;
import io.sentinel.model.HealthState;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away and comes back while the stores run: an H2 server in this JVM, stopped and restarted
 * on the same port.
 */
class DatabaseOutageTest {

    private static final Duration GENEROUS = Duration.ofSeconds(90);
    private static final String RESULTS_SPOOL = "results.spool.jsonl";
    private static final String RESULTS_BEING_COPIED = "results.replaying.jsonl";

    @TempDir
    Path databaseDirectory;
    @TempDir
    Path spoolDirectory;
    private Server server;
    private int port;

    @BeforeEach
    void pickPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void resultsAppendedDuringAnOutageAreAllWrittenExactlyOnceWhenTheDatabaseIsBack() throws Exception {
        startServer();
        try (Database database = Database.open(storage());
             ResultStore store = new ResultStore(database, spoolDirectory, 50, Clock.systemUTC())) {
            for (int sequence = 0; sequence < 20; sequence++) {
                store.append(TestResults.numbered("hunter-account", sequence));
            }
            assertThat(store.flush(GENEROUS)).isTrue();

            server.stop();
            // far more than the queue holds, so most of them go through the spool
            for (int sequence = 20; sequence < 1_020; sequence++) {
                store.append(TestResults.numbered("hunter-account", sequence));
            }
            assertThat(spoolDirectory.resolve(RESULTS_SPOOL)).exists();
            assertThat(store.pending()).isEqualTo(1_000);
            // at least one write must meet the outage, however fast or slow this machine is today
            await().atMost(GENEROUS).until(() -> {
                store.flush(Duration.ofMillis(200));
                return store.failedBatchesTotal() > 0;
            });
            startServer();

            assertThat(store.flush(GENEROUS)).isTrue();

            assertThat(count(database.dataSource(), "SELECT COUNT(*) FROM probe_result")).isEqualTo(1_020);
            assertThat(count(database.dataSource(), "SELECT COUNT(DISTINCT message) FROM probe_result"))
                    .isEqualTo(1_020);
            assertThat(store.pending()).isZero();
            assertThat(store.failedBatchesTotal()).isPositive();
            assertThat(spoolDirectory.resolve(RESULTS_SPOOL)).doesNotExist();
            assertThat(spoolDirectory.resolve(RESULTS_BEING_COPIED)).doesNotExist();
        }
    }

    @Test
    void aDatabaseDownAtStartBecomesReadyAndTakesWhatWaitedWhenItComesUp() throws Exception {
        try (Database database = Database.open(storage());
             ResultStore results = new ResultStore(database, spoolDirectory, 50, Clock.systemUTC());
             CheckStateStore states = new CheckStateStore(database, Clock.systemUTC())) {
            assertThat(database.isReady()).isFalse();
            results.append(TestResults.numbered("supabase-db", 1));
            CheckState down = new CheckState("supabase-db", HealthState.DOWN, Instant.parse("2026-03-01T10:00:00Z"),
                    3, 0, 0, 3, Instant.parse("2026-03-01T10:01:00Z"), "inc-1");
            states.saveLater(down);

            startServer();

            // what the database-schema route does every second in the daemon
            await().atMost(GENEROUS).until(database::migrateWhenDue);
            assertThat(results.flush(GENEROUS)).isTrue();
            assertThat(results.history("supabase-db", 10)).hasSize(1);
            await().atMost(GENEROUS).untilAsserted(() -> assertThat(states.pending()).isZero());
            assertThat(states.loadAll()).containsEntry("supabase-db", down);
        }
    }

    @Test
    void aCheckStateSavedDuringAnOutageIsWrittenWhenTheDatabaseIsBack() throws Exception {
        startServer();
        try (Database database = Database.open(storage());
             CheckStateStore states = new CheckStateStore(database, Clock.systemUTC())) {
            server.stop();
            CheckState up = new CheckState("hunter-account", HealthState.UP, Instant.parse("2026-03-01T10:00:00Z"),
                    0, 4, 4, 0, Instant.parse("2026-03-01T10:04:00Z"), null);

            states.saveLater(up);
            assertThat(states.pending()).isEqualTo(1);
            startServer();

            await().atMost(GENEROUS).untilAsserted(() -> assertThat(states.pending()).isZero());
            assertThat(states.loadAll()).containsEntry("hunter-account", up);
        }
    }

    @Test
    void resultsWaitingForAFailingDatabaseMoveFromMemoryToTheSpoolSoAKillCannotLoseThem() throws Exception {
        startServer();
        try (Database database = Database.open(storage());
             ResultStore store = new ResultStore(database, spoolDirectory, 10_000, Clock.systemUTC())) {
            server.stop();
            for (int sequence = 0; sequence < 10; sequence++) {
                store.append(TestResults.numbered("hunter-account", sequence));
            }

            await().atMost(GENEROUS).until(() -> {
                store.flush(Duration.ofMillis(200));
                return spooledLines() == 10;
            });
            startServer();
            assertThat(store.flush(GENEROUS)).isTrue();
            assertThat(count(database.dataSource(), "SELECT COUNT(*) FROM probe_result")).isEqualTo(10);
        }
    }

    @Test
    void decisionsMadeDuringAnOutageAreSpooledSurviveARestartAndReachTheDatabaseOnceInOrder() throws Exception {
        startServer();
        var first = DecisionLogContract.down("supabase-db", Instant.parse("2026-03-01T10:00:00Z"));
        var second = DecisionLogContract.down("hunter-account", Instant.parse("2026-03-01T10:00:05Z"));
        try (Database database = Database.open(storage());
             DecisionLog log = new DecisionLog(database, spoolDirectory, Clock.systemUTC())) {
            server.stop();

            assertThat(log.commit(first)).as("announced although not in the database yet").hasSize(2);
            assertThat(log.commit(second)).hasSize(2);
            assertThat(spoolDirectory.resolve("decisions.spool.jsonl")).exists();
        }
        startServer();
        try (Database database = Database.open(storage());
             DecisionLog restarted = new DecisionLog(database, spoolDirectory, Clock.systemUTC())) {
            assertThat(restarted.uncopied()).containsExactly(first, second);

            restarted.start();

            assertThat(restarted.flush(GENEROUS)).isTrue();
            assertThat(restarted.uncopied()).isEmpty();

            assertThat(count(database.dataSource(), "SELECT COUNT(*) FROM alert_event")).isEqualTo(2);
            assertThat(count(database.dataSource(), "SELECT COUNT(*) FROM notification")).isEqualTo(4);
            assertThat(new CheckStateStore(database, Clock.systemUTC()).loadAll())
                    .containsEntry("supabase-db", first.state()).containsEntry("hunter-account", second.state());
            assertThat(spoolDirectory.resolve("decisions.spool.jsonl")).doesNotExist();
        }
    }

    /** Results in the spool, whether waiting or claimed by a copy that the outage interrupted. */
    private long spooledLines() throws IOException {
        long lines = 0;
        for (String name : List.of(RESULTS_SPOOL, RESULTS_BEING_COPIED)) {
            Path file = spoolDirectory.resolve(name);
            lines += java.nio.file.Files.exists(file) ? java.nio.file.Files.readAllLines(file).size() : 0;
        }
        return lines;
    }

    private void startServer() throws SQLException {
        server = Server.createTcpServer("-tcpPort", String.valueOf(port), "-ifNotExists",
                "-baseDir", databaseDirectory.toString()).start();
    }

    private StorageConfig storage() {
        return DatabaseFixture.storage("jdbc:h2:tcp://localhost:" + port + "/sentinel", "sa");
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

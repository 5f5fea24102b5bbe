package io.sentinel.provider.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import io.sentinel.secret.Secret;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The postgres probe against the real test server: connect, log in, query, and every way that fails. */
class PostgresProbeTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static TestDatabase database;
    private final PostgresProbe probe = new PostgresProbe(new QueryRunner(), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeAll
    static void createSchema() throws Exception {
        database = new TestDatabase(
                "create table health (id int primary key)",
                "insert into health values (1), (2)");
    }

    @AfterAll
    static void dropSchema() throws Exception {
        database.close();
    }

    @Test
    void theDefaultQueryIsUpWithConnectAndQueryLatencies() {
        ProbeResult result = probe(database.connection(), PostgresOptions.DEFAULT_QUERY, TIMEOUT);

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.startedAt()).isEqualTo(NOW);
        assertThat(result.httpStatus()).isZero();
        assertThat(result.readings()).containsOnlyKeys("connect.ms", "query.ms");
        assertThat(result.readings().values()).allSatisfy(millis -> assertThat(millis).isPositive());
        assertThat(result.latency()).isPositive();
        assertThat(result.latency().toNanos() / 1_000_000.0)
                .isGreaterThanOrEqualTo(result.readings().get("connect.ms"))
                .isGreaterThanOrEqualTo(result.readings().get("query.ms"));
        assertThat(result.message()).startsWith("connected to 127.0.0.1:5432/test in ")
                .contains("'select 1' answered in").endsWith("(1 row)");
    }

    @Test
    void aConfiguredQueryReadsTheCheckSchema() {
        ProbeResult result = probe(database.connection(), "select id from health order by id", TIMEOUT);

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.message()).endsWith("(2 rows)");
    }

    @Test
    void aMissingDatabaseIsDb() {
        ProbeResult result = probe(connection("jdbc:postgresql://127.0.0.1:5432/sentinel_no_such_db"), "select 1", TIMEOUT);

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(FailureClass.DB);
        assertThat(result.message()).isEqualTo("3D000: database \"sentinel_no_such_db\" does not exist");
        assertThat(result.readings()).isEmpty();
    }

    @Test
    void aRoleTheServerDoesNotKnowIsAuth() {
        PostgresConnection stranger = new PostgresConnection(TestDatabase.SERVER_URL, "sentinel_no_such_role", Secret.none());

        ProbeResult result = probe(stranger, "select 1", TIMEOUT);

        assertThat(result.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(result.message()).isEqualTo("28000: role \"sentinel_no_such_role\" does not exist");
    }

    @Test
    void theConfiguredPasswordIsSentAndAWrongOneIsAuth() throws IOException {
        String password = "pg-password-0123456789";
        try (PasswordServer server = new PasswordServer()) {
            PostgresConnection connection = new PostgresConnection(server.url(), "postgres",
                    Secret.fromVariable(password, "SUPABASE_DB_PASSWORD"));

            ProbeResult result = probe(connection, "select 1", TIMEOUT);

            assertThat(server.passwords()).containsExactly(password);
            assertThat(result.failureClass()).isEqualTo(FailureClass.AUTH);
            assertThat(result.message()).isEqualTo("28P01: password authentication failed for user \"postgres\"");
        }
    }

    @Test
    void aServerAskingForAPasswordNobodyConfiguredIsAuthNamingTheVariable() throws IOException {
        try (PasswordServer server = new PasswordServer()) {
            ProbeResult result = probe(connection(server.url()), "select 1", TIMEOUT);

            assertThat(server.passwords()).isEmpty();
            assertThat(result.failureClass()).isEqualTo(FailureClass.AUTH);
            assertThat(result.message()).isEqualTo("127.0.0.1:" + server.url().replaceAll(".*:(\\d+)/.*", "$1")
                    + "/postgres asks for a password and none is configured — set password: ${SUPABASE_DB_PASSWORD}");
        }
    }

    @Test
    void aClosedPortIsConnect() throws IOException {
        int port = closedPort();

        ProbeResult result = probe(connection("jdbc:postgresql://127.0.0.1:" + port + "/test"), "select 1", TIMEOUT);

        assertThat(result.failureClass()).isEqualTo(FailureClass.CONNECT);
        assertThat(result.message()).isEqualTo("could not connect to 127.0.0.1:" + port + "/test: Connection refused (08001)");
    }

    @Test
    void aHostThatDoesNotResolveIsDns() {
        ProbeResult result = probe(connection("jdbc:postgresql://db.sentinel-no-such-host.invalid:5432/postgres"),
                "select 1", TIMEOUT);

        assertThat(result.failureClass()).isEqualTo(FailureClass.DNS);
        assertThat(result.message()).isEqualTo("host name db.sentinel-no-such-host.invalid did not resolve");
    }

    @Test
    void aServerThatNeverAnswersIsATimeoutWithinTheCheckTimeout() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            ProbeResult result = probe(connection("jdbc:postgresql://127.0.0.1:" + silent.port() + "/test"), "select 1",
                    Duration.ofMillis(800));

            assertThat(result.failureClass()).isEqualTo(FailureClass.TIMEOUT);
            assertThat(result.message()).isEqualTo("no answer from 127.0.0.1:" + silent.port() + "/test within 800ms (08001)");
            assertThat(result.latency()).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void aQueryLongerThanTheTimeoutIsCancelledAsTimeout() {
        ProbeResult result = probe(database.connection(), "select pg_sleep(10)", Duration.ofSeconds(1));

        assertThat(result.failureClass()).isEqualTo(FailureClass.TIMEOUT);
        assertThat(result.message()).startsWith("query cancelled after ").contains("57014: canceling statement");
        assertThat(result.readings()).containsOnlyKeys("connect.ms");
        assertThat(result.latency()).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aQueryThatWouldWriteFailsInTheReadOnlyTransaction() throws Exception {
        ProbeResult result = probe(database.connection(),
                "with gone as (delete from health returning id) select count(*) from gone", TIMEOUT);

        assertThat(result.failureClass()).isEqualTo(FailureClass.DB);
        assertThat(result.message()).startsWith("25006: cannot execute").contains("read-only transaction");
        assertThat(database.count("health")).isEqualTo(2);
    }

    @Test
    void anSqlErrorIsDbWithItsSqlState() {
        ProbeResult result = probe(database.connection(), "select id from no_such_table", TIMEOUT);

        assertThat(result.failureClass()).isEqualTo(FailureClass.DB);
        assertThat(result.message()).isEqualTo("42P01: relation \"no_such_table\" does not exist");
    }

    @Test
    void thePasswordNeverAppearsInResultsOrOptions() {
        String password = "pg-password-0123456789";
        String urlPassword = "url-password-9876543210";
        PostgresConnection withPasswords = new PostgresConnection(
                "jdbc:postgresql://127.0.0.1:5432/sentinel_no_such_db?password=" + urlPassword, "postgres",
                Secret.fromVariable(password, "SUPABASE_DB_PASSWORD"));
        PostgresOptions options = new PostgresOptions(withPasswords, new ReadOnlyQuery("select 1"));

        ProbeResult result = probe.probe(TestDatabase.check("postgres", options, TIMEOUT));

        assertThat(result.failureClass()).isEqualTo(FailureClass.DB);
        assertThat(result.message() + options).doesNotContain(password, urlPassword, "password=");
        assertThat(options.toString()).contains("127.0.0.1:5432/sentinel_no_such_db", "password ****");
    }

    private ProbeResult probe(PostgresConnection connection, String query, Duration timeout) {
        PostgresOptions options = new PostgresOptions(connection, new ReadOnlyQuery(query));
        return probe.probe(TestDatabase.check("postgres", options, timeout));
    }

    private static PostgresConnection connection(String url) {
        return new PostgresConnection(url, TestDatabase.USER, Secret.none());
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Accepts connections and never says a word, like a server stuck behind a firewall that lets SYNs through. */
    private static final class SilentServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0);
        private final List<Socket> accepted = new ArrayList<>();
        private final Thread acceptor = new Thread(this::acceptForever, "silent-postgres");

        SilentServer() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void acceptForever() {
            try {
                while (!socket.isClosed()) {
                    Socket client = socket.accept();
                    synchronized (accepted) {
                        accepted.add(client);
                    }
                }
            } catch (IOException closed) {
                // the test is over
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (accepted) {
                for (Socket client : accepted) {
                    client.close();
                }
            }
        }
    }
}

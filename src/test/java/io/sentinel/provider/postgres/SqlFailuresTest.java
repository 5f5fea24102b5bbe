package io.sentinel.provider.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.model.FailureClass;
import io.sentinel.secret.Secret;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/**
 * SQLStates the test server cannot be made to send (it trusts every local client, and has room for more
 * connections), classified from errors shaped the way the driver reports them.
 */
class SqlFailuresTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final PostgresConnection SUPABASE = new PostgresConnection(
            "jdbc:postgresql://db.abcdefghijklmnopqrst.supabase.co:5432/postgres?sslmode=require", "postgres",
            Secret.fromVariable("", "SUPABASE_DB_PASSWORD"));

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "28P01 | AUTH         | password authentication failed for user \"postgres\"",
        "28000 | AUTH         | no pg_hba.conf entry for host \"10.0.0.1\", user \"postgres\", database \"postgres\", no encryption",
        "57014 | TIMEOUT      | canceling statement due to statement timeout",
        "53300 | RATE_LIMITED | sorry, too many clients already",
        "3D000 | DB           | database \"prospectpro\" does not exist",
        "42703 | DB           | column \"api_cost\" does not exist",
        "57P03 | DB           | the database system is starting up",
    })
    void serverErrorsAreClassifiedBySqlState(String state, FailureClass expected, String message) {
        SqlFailure failure = classify(serverError("FATAL", state, message));

        assertThat(failure.failureClass()).isEqualTo(expected);
        assertThat(failure.message()).contains(state).contains(message);
    }

    @Test
    void tooManyConnectionsNamesTheLimit() {
        assertThat(classify(serverError("FATAL", "53300", "sorry, too many clients already")).message())
                .isEqualTo("53300: sorry, too many clients already — db.abcdefghijklmnopqrst.supabase.co:5432/postgres "
                        + "is at its connection limit");
    }

    @Test
    void aPasswordTheServerAsksForButNobodyConfiguredIsAuthAndNamesTheVariable() {
        SqlFailure failure = classify(new PSQLException(
                "The server requested SCRAM-based authentication, but no password was provided.", PSQLState.CONNECTION_REJECTED));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(failure.message()).isEqualTo("db.abcdefghijklmnopqrst.supabase.co:5432/postgres asks for a password "
                + "and none is configured — set SUPABASE_DB_PASSWORD");
    }

    @Test
    void thePoolersUnknownTenantIsAuthWithTheUsernameRule() {
        SqlFailure failure = classify(serverError("FATAL", "XX000", "Tenant or user not found"));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.AUTH);
        assertThat(failure.message()).contains("Tenant or user not found").contains("postgres.<project ref>");
    }

    @Test
    void thePoolersClientLimitIsRateLimited() {
        SqlFailure failure = classify(serverError("FATAL", "XX000", "Max client connections reached"));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.RATE_LIMITED);
    }

    @Test
    void aReadTimeoutOnTheSocketIsTimeout() {
        PSQLException error = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE, new SocketTimeoutException("Read timed out"));

        SqlFailure failure = classify(error);

        assertThat(failure.failureClass()).isEqualTo(FailureClass.TIMEOUT);
        assertThat(failure.message()).isEqualTo("no answer from db.abcdefghijklmnopqrst.supabase.co:5432/postgres within 5s (08006)");
    }

    @Test
    void aFailedTlsHandshakeIsTls() {
        PSQLException error = new PSQLException("SSL error: PKIX path building failed", PSQLState.CONNECTION_FAILURE,
                new SSLHandshakeException("PKIX path building failed"));

        assertThat(classify(error).failureClass()).isEqualTo(FailureClass.TLS);
    }

    @Test
    void anErrorWithoutStateIsDb() {
        SqlFailure failure = classify(new SQLException("something odd"));

        assertThat(failure.failureClass()).isEqualTo(FailureClass.DB);
        assertThat(failure.message()).isEqualTo("something odd");
    }

    private static SqlFailure classify(SQLException error) {
        return SqlFailures.classify(error, SUPABASE, DEADLINE);
    }

    /** An error as the server sends it: severity, SQLState and message fields, each ended by a NUL. */
    private static PSQLException serverError(String severity, String state, String message) {
        return new PSQLException(new ServerErrorMessage("S" + severity + "\0C" + state + "\0M" + message + "\0"));
    }
}

package io.sentinel.provider.postgres;

import io.sentinel.config.Durations;
import io.sentinel.model.FailureClass;
import io.sentinel.secret.Redactor;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Says how a connection or a query failed, from its SQLState and causes. An alert that says AUTH sends the
 * on-call engineer to the password, one that says CONNECT to the network, one that says DB to the schema.
 *
 * <ul>
 *   <li>{@code 28P01}, {@code 28000}: AUTH; so is the driver's "the server requested password-based
 *       authentication, but no password was provided" ({@code 08004}), which names the variable to set.</li>
 *   <li>{@code 08*}: CONNECT, or DNS when the host did not resolve, TIMEOUT when a timeout ended it, TLS when
 *       the handshake failed.</li>
 *   <li>{@code 57014} (cancelled by the query timeout or the server's {@code statement_timeout}): TIMEOUT.</li>
 *   <li>{@code 53300} (too many connections): RATE_LIMITED. The server or pooler is at its connection limit
 *       right now and a later probe succeeds once clients disconnect; QUOTA is for allowances that last until a
 *       billing period resets, which this is not.</li>
 *   <li>anything else, {@code 3D000} (no such database) included: DB, with the SQLState.</li>
 * </ul>
 */
final class SqlFailures {

    private static final int MAX_DETAIL = 200;

    private SqlFailures() {
    }

    /**
     * @param error      what the driver threw
     * @param connection where it was connecting to
     * @param deadline   the time the step was given, for timeout messages
     */
    static SqlFailure classify(SQLException error, PostgresConnection connection, Duration deadline) {
        String state = stateOf(error);
        String detail = detailOf(error);
        Optional<FailureClass> transport = transportFailure(error);
        if (transport.filter(failure -> failure == FailureClass.DNS).isPresent()) {
            return failure(FailureClass.DNS, "host name " + unresolvedHost(error, connection) + " did not resolve");
        }
        if (state.equals("28P01") || state.equals("28000")) {
            return failure(FailureClass.AUTH, state + ": " + detail);
        }
        if (state.equals("08004") && detail.toLowerCase(Locale.ROOT).contains("password")) {
            return failure(FailureClass.AUTH, connection.target() + " asks for a password and none is configured — "
                    + connection.howToSetPassword());
        }
        if (supavisor(detail, "tenant or user not found")) {
            return failure(FailureClass.AUTH, "the pooler does not know user " + connection.username()
                    + " (" + detail + ") — through the Supabase pooler the user is postgres.<project ref>");
        }
        if (state.equals("57014")) {
            return failure(FailureClass.TIMEOUT, "query cancelled after " + Durations.format(deadline) + " (57014: " + detail + ")");
        }
        if (state.equals("53300") || supavisor(detail, "max client connections reached")) {
            return failure(FailureClass.RATE_LIMITED, (state.isEmpty() ? "" : state + ": ") + detail
                    + " — " + connection.target() + " is at its connection limit");
        }
        if (transport.isPresent() || state.startsWith("08")) {
            return connectionFailure(transport.orElse(FailureClass.CONNECT), state, detail, connection, deadline);
        }
        return failure(FailureClass.DB, (state.isEmpty() ? "" : state + ": ") + detail);
    }

    private static SqlFailure connectionFailure(FailureClass failureClass, String state, String detail,
                                                PostgresConnection connection, Duration deadline) {
        String target = connection.target();
        String suffix = state.isEmpty() ? "" : " (" + state + ")";
        return switch (failureClass) {
            case TIMEOUT -> failure(FailureClass.TIMEOUT, "no answer from " + target + " within "
                    + Durations.format(deadline) + suffix);
            case TLS -> failure(FailureClass.TLS, "TLS with " + target + " failed: " + detail + suffix);
            default -> failure(FailureClass.CONNECT, "could not connect to " + target + ": " + detail + suffix);
        };
    }

    /** What the causes say about the network: DNS, TIMEOUT or TLS; empty when they say nothing. */
    private static Optional<FailureClass> transportFailure(SQLException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return Optional.of(FailureClass.DNS);
            }
            if (cause instanceof SocketTimeoutException) {
                return Optional.of(FailureClass.TIMEOUT);
            }
            if (cause instanceof SSLException) {
                return Optional.of(FailureClass.TLS);
            }
        }
        // the driver's own login timeout ends the attempt without a socket exception
        String message = String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("timed out") ? Optional.of(FailureClass.TIMEOUT) : Optional.empty();
    }

    private static String unresolvedHost(SQLException error, PostgresConnection connection) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnknownHostException unknown && unknown.getMessage() != null) {
                return unknown.getMessage();
            }
        }
        return connection.target();
    }

    /** Supavisor (Supabase's pooler) reports some refusals by text only; its SQLState is not documented. */
    private static boolean supavisor(String detail, String text) {
        return detail.toLowerCase(Locale.ROOT).contains(text);
    }

    private static String stateOf(SQLException error) {
        if (error instanceof PSQLException psql && psql.getServerErrorMessage() != null
                && psql.getServerErrorMessage().getSQLState() != null) {
            return psql.getServerErrorMessage().getSQLState();
        }
        return error.getSQLState() == null ? "" : error.getSQLState();
    }

    /**
     * The server's primary message without "FATAL:" and position lines, or the innermost cause's message for
     * driver errors ("Connection refused" says more than "The connection attempt failed.").
     */
    private static String detailOf(SQLException error) {
        String text;
        ServerErrorMessage server = error instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (server != null && server.getMessage() != null) {
            text = server.getMessage();
        } else {
            Throwable innermost = error;
            while (innermost.getCause() != null && innermost.getCause() != innermost) {
                innermost = innermost.getCause();
            }
            text = innermost.getMessage() != null ? innermost.getMessage() : error.getMessage();
            if (text == null || text.isBlank()) {
                text = innermost.getClass().getSimpleName();
            }
        }
        String oneLine = Redactor.global().redact(text).replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL - 1) + "…";
    }

    private static SqlFailure failure(FailureClass failureClass, String message) {
        return new SqlFailure(failureClass, Redactor.global().redact(message));
    }
}

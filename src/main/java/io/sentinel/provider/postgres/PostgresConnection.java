package io.sentinel.provider.postgres;

import io.sentinel.config.ConfigSection;
import io.sentinel.secret.Redactor;
import io.sentinel.secret.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.postgresql.Driver;

/**
 * Where a probe connects and as whom: the options the {@code postgres} and {@code sql-metric} kinds share.
 *
 * <pre>
 *   url: jdbc:postgresql://db.&lt;ref&gt;.supabase.co:5432/postgres?sslmode=require
 *   username: postgres                       # through the shared pooler: postgres.&lt;ref&gt;
 *   password: ${SUPABASE_DB_PASSWORD}
 * </pre>
 *
 * @param url      a {@code jdbc:postgresql://} URL; it never appears in messages, {@link #target()} does
 * @param username the role to log in as
 * @param password the role's password; may be absent, because trust and peer authentication exist
 */
public record PostgresConnection(String url, String username, Secret password) {

    public static final String DEFAULT_USERNAME = "postgres";
    public static final String PASSWORD_VARIABLE = "SUPABASE_DB_PASSWORD";
    static final String URL_PREFIX = "jdbc:postgresql://";
    private static final String URL_EXAMPLE = "jdbc:postgresql://db.<ref>.supabase.co:5432/postgres?sslmode=require";
    /** The probe derives these from the check's timeout; a URL that set them could make a probe hang. */
    private static final Set<String> DERIVED_PARAMETERS =
            Set.of("connecttimeout", "logintimeout", "sockettimeout");

    public PostgresConnection {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(password, "password");
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("username must not be blank");
        }
        problemWith(url).ifPresent(problem -> {
            throw new IllegalArgumentException(problem.message());
        });
    }

    /** Reads {@code url}, {@code username} and {@code password}; empty when the URL is missing or unusable. */
    public static Optional<PostgresConnection> read(ConfigSection check) {
        Optional<String> url = check.requiredText("url", URL_EXAMPLE).map(String::strip);
        String username = check.text("username", DEFAULT_USERNAME).strip();
        Secret password = check.secret("password");
        if (username.isEmpty()) {
            check.problem("username", "'username' is empty", "leave it out for " + DEFAULT_USERNAME
                    + ", or write the role, e.g. postgres.<ref> for the Supabase pooler");
            return Optional.empty();
        }
        if (url.isEmpty()) {
            return Optional.empty();
        }
        Optional<UrlProblem> problem = problemWith(url.get());
        if (problem.isPresent()) {
            check.problem("url", Redactor.global().redact(problem.get().message()), problem.get().hint());
            return Optional.empty();
        }
        // a password written into the URL is as secret as the password option
        Optional.ofNullable(Driver.parseURL(url.get(), null))
                .map(properties -> properties.getProperty("password"))
                .ifPresent(Redactor.global()::register);
        return Optional.of(new PostgresConnection(url.get(), username, password));
    }

    /** {@code host:port/database}, for messages: never the URL, whose parameters may hold a password. */
    public String target() {
        Properties parsed = Driver.parseURL(url, null);
        String[] hosts = parsed.getProperty("PGHOST", "").split(",");
        String[] ports = parsed.getProperty("PGPORT", "").split(",");
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < hosts.length; i++) {
            addresses.add(hosts[i] + (i < ports.length ? ":" + ports[i] : ""));
        }
        String database = parsed.getProperty("PGDBNAME", "");
        return String.join(",", addresses) + (database.isEmpty() ? "" : "/" + database);
    }

    /** What the operator would do about a missing password, for the message when the server asks for one. */
    public String howToSetPassword() {
        return password.variable().map(variable -> "set " + variable)
                .orElse("set password: ${" + PASSWORD_VARIABLE + "}");
    }

    private static Optional<UrlProblem> problemWith(String url) {
        if (!url.toLowerCase(Locale.ROOT).startsWith(URL_PREFIX)) {
            // only the scheme is echoed: a pasted postgresql://user:password@host URL must not reach the log
            String found = url.contains("://") ? "got '" + url.substring(0, url.indexOf("://") + 3) + "…'" : "it has no scheme";
            return Optional.of(new UrlProblem("'url' must start with " + URL_PREFIX + ", " + found,
                    "write it like " + URL_EXAMPLE + ", with the role and password in username: and password:"));
        }
        Properties parsed = Driver.parseURL(url, null);
        if (parsed == null) {
            return Optional.of(new UrlProblem("'url' is not a valid PostgreSQL JDBC URL",
                    "write a host, an optional :port, then / and the database, e.g. " + URL_EXAMPLE));
        }
        for (String name : parsed.stringPropertyNames()) {
            if (DERIVED_PARAMETERS.contains(name.toLowerCase(Locale.ROOT))) {
                return Optional.of(new UrlProblem("'url' sets " + name + ", which Sentinel derives from the check's timeout",
                        "remove it and set the check's timeout: instead"));
            }
        }
        return Optional.empty();
    }

    private record UrlProblem(String message, String hint) {
    }

    @Override
    public String toString() {
        return "PostgresConnection[" + target() + ", user " + username + ", password " + password + "]";
    }
}

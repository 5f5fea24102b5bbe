package io.sentinel.provider.postgres;

import io.sentinel.config.CheckOptions;
import io.sentinel.config.ConfigSection;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeToolkit;
import java.util.Optional;

/**
 * The {@code postgres} check kind: can Sentinel connect to the app's database, log in and run a query? Each
 * probe opens a fresh connection (no pool), so DNS, TLS and authentication are exercised every time; the
 * readings {@code connect.ms} and {@code query.ms} separate a slow login from a slow query. A latency target
 * is the generic {@code latencyLimit:} of the check.
 *
 * <pre>
 * - id: supabase-db
 *   dependency: supabase
 *   kind: postgres
 *   url: jdbc:postgresql://db.&lt;ref&gt;.supabase.co:5432/postgres?sslmode=require
 *   username: postgres                # default
 *   password: ${SUPABASE_DB_PASSWORD} # may be left out where the server trusts the client
 *   query: select 1                   # default; one read-only statement
 *   timeout: 5s
 *   latencyLimit: 100ms
 * </pre>
 *
 * A probe costs nothing.
 */
public final class PostgresCheckKind implements ProbeKind {

    public static final String NAME = "postgres";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOptions readOptions(ConfigSection check) {
        Optional<PostgresConnection> connection = PostgresConnection.read(check);
        Optional<ReadOnlyQuery> query = ReadOnlyQuery.readOrDefault(check, PostgresOptions.DEFAULT_QUERY);
        if (connection.isEmpty() || query.isEmpty()) {
            return null;
        }
        return new PostgresOptions(connection.get(), query.get());
    }

    @Override
    public Probe newProbe(ProbeToolkit toolkit) {
        return new PostgresProbe(new QueryRunner(), toolkit.clock());
    }
}

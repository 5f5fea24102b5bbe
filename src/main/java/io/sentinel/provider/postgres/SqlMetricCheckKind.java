package io.sentinel.provider.postgres;

import io.sentinel.config.CheckOptions;
import io.sentinel.config.ConfigSection;
import io.sentinel.probe.Probe;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeToolkit;
import java.util.Optional;

/**
 * The {@code sql-metric} check kind: a business number read from the app's own database, recorded as a
 * reading so that threshold rules can alert on it. The query must return one row with one numeric column; no
 * row or NULL is DOWN SCHEMA ("query returned no number"), as are several columns or a non-numeric one. It
 * connects like {@code postgres} ({@code url}, {@code username}, {@code password}), with a fresh connection
 * each time, and also records {@code connect.ms} and {@code query.ms}.
 *
 * <p>ProspectPro examples:
 * <pre>
 * # share of dashboard exports in the last day that completed
 * - id: export-success-rate
 *   dependency: supabase
 *   kind: sql-metric
 *   url: jdbc:postgresql://db.&lt;ref&gt;.supabase.co:5432/postgres?sslmode=require
 *   password: ${SUPABASE_DB_PASSWORD}
 *   reading: exports.success_rate
 *   query: >-
 *     select avg(case when status = 'completed' then 1.0 else 0 end)
 *     from dashboard_exports where created_at &gt; now() - interval '1 day'
 *
 * # share of discovery campaigns that completed
 * - id: discovery-success-rate
 *   dependency: supabase
 *   kind: sql-metric
 *   url: jdbc:postgresql://db.&lt;ref&gt;.supabase.co:5432/postgres?sslmode=require
 *   password: ${SUPABASE_DB_PASSWORD}
 *   reading: discovery.success_rate
 *   query: >-
 *     select avg(case when status = 'completed' then 1.0 else 0 end) from campaigns
 *
 * # API spend per lead found (NULL, hence DOWN SCHEMA, while no campaign has found a lead)
 * - id: discovery-cost-per-lead
 *   dependency: supabase
 *   kind: sql-metric
 *   url: jdbc:postgresql://db.&lt;ref&gt;.supabase.co:5432/postgres?sslmode=require
 *   password: ${SUPABASE_DB_PASSWORD}
 *   reading: discovery.cost_per_lead
 *   query: select sum(api_cost) / nullif(sum(leads_found), 0) from campaigns
 * </pre>
 *
 * The query must be a single read-only statement (it starts with {@code select}, {@code with} or
 * {@code values} and has no {@code ;} in the middle), and it runs in a read-only transaction. A probe costs
 * nothing.
 */
public final class SqlMetricCheckKind implements ProbeKind {

    public static final String NAME = "sql-metric";
    private static final String QUERY_EXAMPLE = "select avg(...) from ... where created_at > now() - interval '1 day'";
    private static final String READING_EXAMPLE = "exports.success_rate";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOptions readOptions(ConfigSection check) {
        Optional<PostgresConnection> connection = PostgresConnection.read(check);
        Optional<ReadOnlyQuery> query = ReadOnlyQuery.readRequired(check, QUERY_EXAMPLE);
        Optional<String> reading = reading(check);
        if (connection.isEmpty() || query.isEmpty() || reading.isEmpty()) {
            return null;
        }
        return new SqlMetricOptions(connection.get(), query.get(), reading.get());
    }

    private static Optional<String> reading(ConfigSection check) {
        Optional<String> reading = check.requiredText("reading", READING_EXAMPLE).map(String::strip);
        if (reading.isPresent() && !SqlMetricOptions.READING_NAME.matcher(reading.get()).matches()) {
            check.problem("reading", "'reading' must be dotted lower-case words, got '" + reading.get() + "'",
                    "for example " + READING_EXAMPLE);
            return Optional.empty();
        }
        if (reading.isPresent() && SqlMetricOptions.RESERVED_READINGS.contains(reading.get())) {
            check.problem("reading", "'reading' cannot be " + reading.get() + ", which the probe records itself",
                    "name the number after what it measures, e.g. " + READING_EXAMPLE);
            return Optional.empty();
        }
        return reading;
    }

    @Override
    public Probe newProbe(ProbeToolkit toolkit) {
        return new SqlMetricProbe(new QueryRunner(), toolkit.clock());
    }
}

package io.sentinel.provider.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckKinds;
import io.sentinel.config.CheckOptions;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.ConfigProblem;
import io.sentinel.config.InvalidConfigException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The postgres and sql-metric options as sentinel.yaml gives them, and the problems reported with their lines. */
class PostgresConfigTest {

    private static final String PASSWORD = "db-password-0123456789";
    private static final String HEADER = """
            dependencies:
              - id: supabase
            checks:
              - id: app-db
                dependency: supabase
            """;

    private final ConfigLoader loader = new ConfigLoader(
            new CheckKinds(List.of(new PostgresCheckKind(), new SqlMetricCheckKind())),
            Map.of("SUPABASE_DB_PASSWORD", PASSWORD)::get);

    @Test
    void aPostgresCheckNeedsOnlyItsUrl() throws Exception {
        PostgresOptions options = options(HEADER + """
                    kind: postgres
                    url: jdbc:postgresql://db.abcdefghijklmnopqrst.supabase.co:5432/postgres?sslmode=require
                """, PostgresOptions.class);

        assertThat(options.connection().username()).isEqualTo("postgres");
        assertThat(options.connection().password().isPresent()).isFalse();
        assertThat(options.connection().target()).isEqualTo("db.abcdefghijklmnopqrst.supabase.co:5432/postgres");
        assertThat(options.query().sql()).isEqualTo("select 1");
    }

    @Test
    void everyPostgresOptionIsRead() throws Exception {
        PostgresOptions options = options(HEADER + """
                    kind: postgres
                    url: jdbc:postgresql://aws-0-us-east-1.pooler.supabase.com:6543/postgres
                    username: postgres.abcdefghijklmnopqrst
                    password: ${SUPABASE_DB_PASSWORD}
                    query: select count(*) from campaigns
                """, PostgresOptions.class);

        assertThat(options.connection().username()).isEqualTo("postgres.abcdefghijklmnopqrst");
        assertThat(options.connection().password().value()).isEqualTo(PASSWORD);
        assertThat(options.connection().howToSetPassword()).isEqualTo("set SUPABASE_DB_PASSWORD");
        assertThat(options.query().sql()).isEqualTo("select count(*) from campaigns");
        assertThat(options.toString()).doesNotContain(PASSWORD).contains("****");
    }

    @Test
    void aSqlMetricCheckReadsItsQueryAndReading() throws Exception {
        SqlMetricOptions options = options(HEADER + """
                    kind: sql-metric
                    url: jdbc:postgresql://127.0.0.1:5432/test
                    password: ${SUPABASE_DB_PASSWORD}
                    reading: exports.success_rate
                    query: >-
                      select avg(case when status = 'completed' then 1.0 else 0 end)
                      from dashboard_exports where created_at > now() - interval '1 day'
                """, SqlMetricOptions.class);

        assertThat(options.reading()).isEqualTo("exports.success_rate");
        assertThat(options.query().sql()).startsWith("select avg(case").endsWith("interval '1 day'");
    }

    @Test
    void aPastedSupabaseConnectionStringIsReportedWithoutItsPassword() {
        List<String> problems = problemsOf(HEADER + """
                    kind: postgres
                    url: postgresql://postgres:hunter2-secret@db.abcdefghijklmnopqrst.supabase.co:5432/postgres
                """);

        assertThat(problems).containsExactly("sentinel.yaml:7:10: 'url' must start with jdbc:postgresql://, got "
                + "'postgresql://…' — write it like jdbc:postgresql://db.<ref>.supabase.co:5432/postgres?sslmode=require, "
                + "with the role and password in username: and password:");
    }

    @Test
    void aUrlThatSetsItsOwnTimeoutsIsReported() {
        List<String> problems = problemsOf(HEADER + """
                    kind: postgres
                    url: jdbc:postgresql://127.0.0.1:5432/test?socketTimeout=0
                """);

        assertThat(problems).containsExactly("sentinel.yaml:7:10: 'url' sets socketTimeout, which Sentinel derives from "
                + "the check's timeout — remove it and set the check's timeout: instead");
    }

    @Test
    void aWritingMetricQueryIsReportedAtItsLine() {
        List<String> problems = problemsOf(HEADER + """
                    kind: sql-metric
                    url: jdbc:postgresql://127.0.0.1:5432/test
                    reading: exports.success_rate
                    query: select 1; delete from dashboard_exports
                """);

        assertThat(problems).containsExactly("sentinel.yaml:9:12: 'query' holds more than one statement (there is text "
                + "after a ';') — write one select, with or values statement, e.g. select 1");
    }

    @Test
    void aQueryThatIsNotAReadIsReported() {
        assertThat(problemsOf(HEADER + """
                    kind: postgres
                    url: jdbc:postgresql://127.0.0.1:5432/test
                    query: delete from campaigns
                """)).singleElement().asString()
                .contains("'query' must be a read-only statement starting with select, with or values, not 'delete'");
    }

    @Test
    void aSqlMetricNeedsAQueryAndAWellFormedReading() {
        List<String> problems = problemsOf(HEADER + """
                    kind: sql-metric
                    url: jdbc:postgresql://127.0.0.1:5432/test
                    reading: Exports Success
                """);

        assertThat(problems).containsExactly(
                "sentinel.yaml:4:5: missing required field 'query' in checks[0] — add query: "
                        + "select avg(...) from ... where created_at > now() - interval '1 day'",
                "sentinel.yaml:8:14: 'reading' must be dotted lower-case words, got 'Exports Success' — "
                        + "for example exports.success_rate");
    }

    private <T extends CheckOptions> T options(String yaml, Class<T> type) throws InvalidConfigException {
        CheckConfig check = loader.parse(Path.of("sentinel.yaml"), yaml).check("app-db").orElseThrow();
        return check.options(type);
    }

    private List<String> problemsOf(String yaml) {
        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class,
                () -> loader.parse(Path.of("sentinel.yaml"), yaml));
        assertThat(invalid).as("the configuration should have been rejected").isNotNull();
        return invalid.problems().stream().map(ConfigProblem::format).toList();
    }
}

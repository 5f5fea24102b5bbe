package io.sentinel.provider.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The documented ProspectPro metrics, computed by the real PostgreSQL server over seeded tables. */
class SqlMetricProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String EXPORT_SUCCESS_RATE = "select avg(case when status = 'completed' then 1.0 else 0 end) "
            + "from dashboard_exports where created_at > now() - interval '1 day'";
    private static final String DISCOVERY_SUCCESS_RATE =
            "select avg(case when status = 'completed' then 1.0 else 0 end) from campaigns";
    private static final String COST_PER_LEAD = "select sum(api_cost) / nullif(sum(leads_found), 0) from campaigns";

    private static TestDatabase database;
    private final SqlMetricProbe probe = new SqlMetricProbe(new QueryRunner(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    @BeforeAll
    static void seed() throws Exception {
        database = new TestDatabase(
                "create table dashboard_exports (id serial primary key, status text not null, "
                        + "created_at timestamptz not null default now())",
                // 3 of the 4 exports of the last day completed; the old failures are outside the window
                "insert into dashboard_exports (status, created_at) values ('completed', now() - interval '1 hour'), "
                        + "('completed', now() - interval '2 hours'), ('failed', now() - interval '3 hours'), "
                        + "('completed', now() - interval '20 hours'), ('failed', now() - interval '3 days'), "
                        + "('failed', now() - interval '4 days')",
                "create table campaigns (id serial primary key, status text not null, api_cost numeric(10, 4) not null, "
                        + "leads_found int not null)",
                "insert into campaigns (status, api_cost, leads_found) values ('completed', 1.20, 30), "
                        + "('completed', 0.80, 10), ('failed', 0.50, 0), ('running', 0.25, 0), ('completed', 0.25, 10)",
                "create table empty_campaigns (api_cost numeric, leads_found int)");
    }

    @AfterAll
    static void drop() throws Exception {
        database.close();
    }

    @Test
    void theExportSuccessRateOfTheLastDayIsTheReading() {
        ProbeResult result = probe(EXPORT_SUCCESS_RATE, "exports.success_rate");

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings().get("exports.success_rate")).isCloseTo(0.75, within(1e-9));
        assertThat(result.readings()).containsKeys("connect.ms", "query.ms");
        assertThat(result.message()).isEqualTo("exports.success_rate = 0.75");
    }

    @Test
    void theDiscoverySuccessRateIsTheReading() {
        ProbeResult result = probe(DISCOVERY_SUCCESS_RATE, "discovery.success_rate");

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings().get("discovery.success_rate")).isCloseTo(0.6, within(1e-9));
        assertThat(result.message()).isEqualTo("discovery.success_rate = 0.6");
    }

    @Test
    void theApiCostPerLeadIsTheReading() {
        ProbeResult result = probe(COST_PER_LEAD, "discovery.cost_per_lead");

        assertThat(result.outcome()).isEqualTo(Outcome.UP);
        assertThat(result.readings().get("discovery.cost_per_lead")).isCloseTo(0.06, within(1e-9));
        assertThat(result.message()).isEqualTo("discovery.cost_per_lead = 0.06");
    }

    @Test
    void aNullBecauseNothingMatchedIsSchemaNotZero() {
        ProbeResult result = probe("select sum(api_cost) / nullif(sum(leads_found), 0) from empty_campaigns",
                "discovery.cost_per_lead");

        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("query returned no number (NULL) for discovery.cost_per_lead ('select sum");
        assertThat(result.readings()).doesNotContainKey("discovery.cost_per_lead");
    }

    @Test
    void noRowIsSchema() {
        ProbeResult result = probe("select api_cost from empty_campaigns", "discovery.cost");

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("query returned no number (no row)");
    }

    @Test
    void moreThanOneColumnIsSchema() {
        ProbeResult result = probe("select count(*), avg(api_cost) from campaigns", "discovery.cost");

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("query returned 2 columns; a metric needs exactly one number");
    }

    @Test
    void aTextColumnIsSchema() {
        ProbeResult result = probe("select status from campaigns limit 1", "discovery.status");

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("query returned text column 'status', not a number");
    }

    @Test
    void moreThanOneRowIsSchema() {
        ProbeResult result = probe("select leads_found from campaigns", "discovery.leads");

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("query returned more than one row");
    }

    @Test
    void anInfiniteValueIsSchema() {
        ProbeResult result = probe("select 'Infinity'::float8", "discovery.leads");

        assertThat(result.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(result.message()).startsWith("query returned Infinity, not a finite number");
    }

    @Test
    void aTableThatIsGoneIsDbWithItsSqlState() {
        ProbeResult result = probe("select count(*) from renamed_exports", "exports.count");

        assertThat(result.failureClass()).isEqualTo(FailureClass.DB);
        assertThat(result.message()).isEqualTo("42P01: relation \"renamed_exports\" does not exist");
    }

    private ProbeResult probe(String query, String reading) {
        SqlMetricOptions options = new SqlMetricOptions(database.connection(), new ReadOnlyQuery(query), reading);
        return probe.probe(TestDatabase.check(SqlMetricCheckKind.NAME, options, TIMEOUT));
    }
}

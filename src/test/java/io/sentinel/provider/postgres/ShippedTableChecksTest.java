package io.sentinel.provider.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.SentinelConfig;
import io.sentinel.daemon.BuiltInKinds;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The table-health checks config/sentinel.yaml ships for ProspectPro's {@code leads} and {@code enrichment_cache},
 * their queries run as shipped by the real PostgreSQL server over tables shaped like ProspectPro's (the columns
 * its migrations create: {@code created_at}, and for the cache {@code updated_at} and {@code expires_at}).
 */
class ShippedTableChecksTest {

    private static final SentinelConfig SHIPPED = load();

    private final SqlMetricProbe probe = new SqlMetricProbe(new QueryRunner(), Clock.systemUTC());
    private TestDatabase database;

    @AfterEach
    void drop() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theNewestLeadsAgeIsReadInMinutes() throws Exception {
        database = new TestDatabase("create table leads (id bigserial primary key, business_name text, "
                + "created_at timestamptz default now())",
                "insert into leads (business_name, created_at) values ('a', now() - interval '3 hours'), "
                        + "('b', now() - interval '90 minutes')");

        ProbeResult result = run("leads-freshness");

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.UP);
        assertThat(result.readings().get("leads.newest_age_minutes")).isCloseTo(90.0, within(2.0));
    }

    @Test
    void theEnrichmentCachesLastWriteCountsUpdatesAndItsExpiredShareIsRead() throws Exception {
        database = new TestDatabase("create table enrichment_cache (id bigserial primary key, cache_key text not null, "
                + "expires_at timestamptz not null, created_at timestamptz default now(), updated_at timestamptz default now())",
                // refreshed 10 minutes ago although created days ago; one of the four entries has expired
                "insert into enrichment_cache (cache_key, expires_at, created_at, updated_at) values "
                        + "('a', now() + interval '80 days', now() - interval '3 days', now() - interval '10 minutes'), "
                        + "('b', now() + interval '10 days', now() - interval '5 days', now() - interval '5 days'), "
                        + "('c', now() + interval '1 day', now() - interval '2 days', now() - interval '2 days'), "
                        + "('d', now() - interval '1 day', now() - interval '91 days', now() - interval '91 days')");

        ProbeResult freshness = run("enrichment-cache-freshness");
        ProbeResult expired = run("enrichment-cache-expired-share");

        assertThat(freshness.readings().get("enrichment_cache.newest_age_minutes")).isCloseTo(10.0, within(2.0));
        assertThat(expired.readings().get("enrichment_cache.expired_share")).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void anEmptyCacheHasNoExpiredShareButAnEmptyLeadsTableIsNoEvidenceOfFreshness() throws Exception {
        database = new TestDatabase("create table leads (id bigserial primary key, created_at timestamptz default now())",
                "create table enrichment_cache (id bigserial primary key, expires_at timestamptz not null, "
                        + "created_at timestamptz default now(), updated_at timestamptz default now())");

        assertThat(run("enrichment-cache-expired-share").readings().get("enrichment_cache.expired_share")).isZero();
        ProbeResult leads = run("leads-freshness");
        assertThat(leads.failureClass()).isEqualTo(FailureClass.SCHEMA);
        assertThat(leads.message()).startsWith("query returned no number (NULL)");
    }

    /** The shipped check's query and reading, against the test schema instead of Supabase. */
    private ProbeResult run(String checkId) {
        CheckConfig shipped = SHIPPED.check(checkId).orElseThrow();
        SqlMetricOptions options = shipped.options(SqlMetricOptions.class);
        SqlMetricOptions here = new SqlMetricOptions(database.connection(), options.query(), options.reading());
        return probe.probe(TestDatabase.check(SqlMetricCheckKind.NAME, here, Duration.ofSeconds(10)));
    }

    private static SentinelConfig load() {
        try {
            return new ConfigLoader(BuiltInKinds.index(), name -> null).load(Path.of("config", "sentinel.yaml"));
        } catch (Exception invalid) {
            throw new AssertionError(invalid);
        }
    }
}

package io.sentinel.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import io.sentinel.results.LatencySample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link ResultStore} promises, on any database. */
abstract class ResultStoreContract extends StoreContract {

    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @TempDir
    Path spoolDirectory;
    private ResultStore store;

    @BeforeEach
    void openStore() {
        store = new ResultStore(database, spoolDirectory);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aResultReadsBackAsItWasWritten() {
        ProbeResult result = ProbeResult.of("hunter-account", "hunter", TestResults.T0)
                .latency(Duration.ofMillis(187))
                .httpStatus(200)
                .reading("credits.remaining", 412.5)
                .reading("searches.used", 88)
                .degraded("Crédits bientôt épuisés ⚠ 残り少ない 🚨");

        store.append(result);

        assertThat(store.flush(GENEROUS)).isTrue();
        List<ProbeResult> history = store.history("hunter-account", 10);
        assertThat(history).containsExactly(result);
        assertThat(history.get(0).failureClass()).isNull();
        assertThat(history.get(0).readings()).containsExactly(
                Map.entry("credits.remaining", 412.5), Map.entry("searches.used", 88.0));
    }

    @Test
    void aFailedResultKeepsItsFailureClass() {
        ProbeResult result = TestResults.downAt("supabase-db", TestResults.T0);

        store.append(result);

        assertThat(store.flush(GENEROUS)).isTrue();
        assertThat(store.history("supabase-db", 1)).containsExactly(result);
    }

    @Test
    void historyIsNewestFirstAndStopsAtTheLimit() {
        for (int minute = 0; minute < 10; minute++) {
            store.append(TestResults.upAt("supabase-db", TestResults.T0.plusSeconds(60L * minute)));
        }
        store.append(TestResults.upAt("other-check", TestResults.T0.plusSeconds(3600)));

        assertThat(store.flush(GENEROUS)).isTrue();
        List<ProbeResult> history = store.history("supabase-db", 3);

        assertThat(history).extracting(ProbeResult::startedAt).containsExactly(
                TestResults.T0.plusSeconds(540), TestResults.T0.plusSeconds(480), TestResults.T0.plusSeconds(420));
    }

    @Test
    void betweenIsOldestFirstWithinBothEndsAndStopsAtTheLimit() {
        for (int minute = 0; minute < 10; minute++) {
            store.append(TestResults.upAt("supabase-db", TestResults.T0.plusSeconds(60L * minute)));
        }
        store.append(TestResults.downAt("other-check", TestResults.T0.plusSeconds(120)));

        assertThat(store.flush(GENEROUS)).isTrue();

        assertThat(store.between("supabase-db", TestResults.T0.plusSeconds(120), TestResults.T0.plusSeconds(300), 100))
                .extracting(ProbeResult::startedAt).containsExactly(TestResults.T0.plusSeconds(120),
                        TestResults.T0.plusSeconds(180), TestResults.T0.plusSeconds(240), TestResults.T0.plusSeconds(300));
        assertThat(store.between("supabase-db", TestResults.T0, TestResults.T0.plusSeconds(600), 2)).hasSize(2);
    }

    @Test
    void sinceIsTheCheckFromAnInstantOnNewestFirstAndStopsAtTheLimit() {
        for (int minute = 0; minute < 10; minute++) {
            store.append(TestResults.upAt("supabase-db", TestResults.T0.plusSeconds(60L * minute)));
        }
        store.append(TestResults.upAt("other-check", TestResults.T0.plusSeconds(400)));

        assertThat(store.flush(GENEROUS)).isTrue();

        assertThat(store.since("supabase-db", TestResults.T0.plusSeconds(360), 100)).extracting(ProbeResult::startedAt)
                .containsExactly(TestResults.T0.plusSeconds(540), TestResults.T0.plusSeconds(480), TestResults.T0.plusSeconds(420),
                        TestResults.T0.plusSeconds(360));
        assertThat(store.since("supabase-db", TestResults.T0, 2)).hasSize(2);
    }

    @Test
    void latestOfHasTheNewestResultOfEachCheckAskedForThatHasOne() {
        store.append(TestResults.downAt("supabase-db", TestResults.T0.plusSeconds(120)));
        store.append(TestResults.upAt("supabase-db", TestResults.T0));
        store.append(TestResults.upAt("supabase-auth", TestResults.T0.plusSeconds(30)));
        store.append(TestResults.upAt("not-asked", TestResults.T0.plusSeconds(30)));

        assertThat(store.flush(GENEROUS)).isTrue();
        Map<String, ProbeResult> latest = store.latestOf(List.of("supabase-db", "supabase-auth", "never-probed"));

        assertThat(latest).containsOnlyKeys("supabase-db", "supabase-auth");
        assertThat(latest.get("supabase-db").startedAt()).isEqualTo(TestResults.T0.plusSeconds(120));
        assertThat(latest.get("supabase-auth").startedAt()).isEqualTo(TestResults.T0.plusSeconds(30));
    }

    @Test
    void latestOfTakesTheLaterStoredOfTwoResultsThatStartedAtTheSameInstant() {
        store.append(TestResults.upAt("supabase-db", TestResults.T0));
        assertThat(store.flush(GENEROUS)).isTrue();
        store.append(TestResults.downAt("supabase-db", TestResults.T0));
        assertThat(store.flush(GENEROUS)).isTrue();

        assertThat(store.latestOf(List.of("supabase-db")).get("supabase-db").outcome()).isEqualTo(Outcome.DOWN);
    }

    @Test
    void latenciesSinceAreEveryChecksRecentResultsOldestFirstKeepingTheNewestWhenCut() {
        store.append(TestResults.upAt("supabase-db", TestResults.T0.minusSeconds(1)));
        store.append(TestResults.downAt("supabase-db", TestResults.T0.plusSeconds(120)));
        store.append(TestResults.upAt("supabase-auth", TestResults.T0.plusSeconds(30)));
        store.append(TestResults.upAt("supabase-db", TestResults.T0));
        assertThat(store.flush(GENEROUS)).isTrue();

        assertThat(store.latenciesSince(TestResults.T0, 10)).containsExactly(
                new LatencySample("supabase-db", TestResults.T0, 12, Outcome.UP),
                new LatencySample("supabase-auth", TestResults.T0.plusSeconds(30), 12, Outcome.UP),
                new LatencySample("supabase-db", TestResults.T0.plusSeconds(120), 5_000, Outcome.DOWN));
        assertThat(store.latenciesSince(TestResults.T0, 2)).extracting(LatencySample::startedAt)
                .containsExactly(TestResults.T0.plusSeconds(30), TestResults.T0.plusSeconds(120));
    }

    @Test
    void deleteOlderThanRemovesOnlyResultsBeforeTheCutoff() {
        for (int day = 0; day < 5; day++) {
            store.append(TestResults.upAt("supabase-db", TestResults.T0.plus(Duration.ofDays(day))));
        }
        assertThat(store.flush(GENEROUS)).isTrue();

        int deleted = store.deleteOlderThan(TestResults.T0.plus(Duration.ofDays(3)));

        assertThat(deleted).isEqualTo(3);
        assertThat(store.history("supabase-db", 10)).extracting(ProbeResult::startedAt)
                .containsExactly(TestResults.T0.plus(Duration.ofDays(4)), TestResults.T0.plus(Duration.ofDays(3)));
    }

    @Test
    void aResultTheDatabaseRefusesIsSetAsideWhileTheOthersAreWritten() {
        String tooLongForTheColumn = "x".repeat(250);
        store.append(TestResults.numbered("hunter-account", 1));
        store.append(TestResults.numbered(tooLongForTheColumn, 2));
        store.append(TestResults.numbered("hunter-account", 3));

        assertThat(store.flush(GENEROUS)).isTrue();

        assertThat(store.history("hunter-account", 10)).extracting(ProbeResult::message)
                .containsExactly("result 3", "result 1");
        assertThat(spoolDirectory.resolve("results.rejected.jsonl")).content().contains(tooLongForTheColumn);
        assertThat(store.pending()).isZero();
    }

    @Test
    void aSpooledResultTheDatabaseRefusesDoesNotHoldBackTheRestOfTheSpool(@TempDir Path elsewhere) throws Exception {
        ResultCodec json = new ResultCodec();
        Files.write(elsewhere.resolve("results.spool.jsonl"), List.of(
                json.toLine(TestResults.numbered("hunter-account", 1)),
                json.toLine(TestResults.numbered("y".repeat(250), 2)),
                json.toLine(TestResults.numbered("hunter-account", 3))));

        try (ResultStore restarted = new ResultStore(database, elsewhere)) {
            assertThat(restarted.flush(GENEROUS)).isTrue();
            assertThat(restarted.pending()).isZero();
        }

        assertThat(store.history("hunter-account", 10)).hasSize(2);
        assertThat(elsewhere.resolve("results.spool.jsonl")).doesNotExist();
        assertThat(elsewhere.resolve("results.replaying.jsonl")).doesNotExist();
        assertThat(elsewhere.resolve("results.rejected.jsonl")).content().contains("y".repeat(250));
    }

    @Test
    void aMessageWithANulCharacterIsStoredWithoutIt() {
        store.append(TestResults.upAt("frontend", TestResults.T0).withMessage("binary\0body"));

        assertThat(store.flush(GENEROUS)).isTrue();

        assertThat(store.history("frontend", 1)).extracting(ProbeResult::message).containsExactly("binarybody");
    }

    @Test
    void everyResultAppendedFromManyThreadsIsWritten() throws Exception {
        int threads = 8;
        int perThread = 625;
        ExecutorService probes = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int first = thread * perThread;
                done.add(probes.submit(() -> IntStream.range(first, first + perThread)
                        .forEach(sequence -> store.append(TestResults.numbered("check-" + sequence % 7, sequence)))));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            probes.shutdown();
        }

        assertThat(store.flush(GENEROUS)).isTrue();

        assertThat(DatabaseFixture.count(database.dataSource(), "probe_result")).isEqualTo(5_000);
        assertThat(store.writtenTotal()).isEqualTo(5_000);
        assertThat(store.pending()).isZero();
    }

    @Test
    void resultsUnwrittenAtCloseAreSpooledAndWrittenByTheNextStore(@TempDir Path elsewhere) throws Exception {
        Path restartSpool = elsewhere.resolve("spool");
        try (Database unreachable = Database.open(DatabaseFixture.unreachablePostgres("not-a-real-password"))) {
            ResultStore stranded = new ResultStore(unreachable, restartSpool, 100, Clock.systemUTC());
            for (int sequence = 0; sequence < 30; sequence++) {
                stranded.append(TestResults.numbered("hunter-account", sequence));
            }
            stranded.close();
        }
        assertThat(restartSpool.resolve("results.spool.jsonl")).exists();

        try (ResultStore restarted = new ResultStore(database, restartSpool)) {
            assertThat(restarted.pending()).isEqualTo(30);
            assertThat(restarted.flush(GENEROUS)).isTrue();
        }

        assertThat(store.history("hunter-account", 100)).hasSize(30);
        try (var left = Files.list(restartSpool)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void eachResultIsStoredWithItsLocationAndALocationReplaysOnlyItsOwn(@TempDir Path elsewhere) throws Exception {
        try (ResultStore europe = new ResultStore(database, elsewhere.resolve("eu"), 100, Clock.systemUTC(), "eu-1");
             ResultStore america = new ResultStore(database, elsewhere.resolve("us"), 100, Clock.systemUTC(), "us-1")) {
            europe.append(TestResults.upAt("home", TestResults.T0));
            america.append(TestResults.downAt("home", TestResults.T0.plusSeconds(1)));
            assertThat(europe.flush(GENEROUS) && america.flush(GENEROUS)).isTrue();

            assertThat(europe.since("home", TestResults.T0, 10)).extracting(ProbeResult::outcome).containsExactly(Outcome.UP);
            assertThat(america.latestOf(List.of("home")).get("home").outcome()).isEqualTo(Outcome.DOWN);
            assertThat(europe.latestOf(List.of("home")).get("home").outcome()).isEqualTo(Outcome.UP);
            assertThat(europe.between("home", TestResults.T0, TestResults.T0.plusSeconds(5), 10)).hasSize(2);
        }
        try (var connection = database.dataSource().getConnection(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT location FROM probe_result ORDER BY started_at")) {
            List<String> locations = new ArrayList<>();
            while (rows.next()) {
                locations.add(rows.getString(1));
            }
            assertThat(locations).containsExactly("eu-1", "us-1");
        }
    }
}

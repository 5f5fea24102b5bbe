package io.sentinel.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sentinel.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The background writer with a clock the test moves and a pause that moves it instead of sleeping: backoff and
 * linger are checked in clock time, never against real time.
 */
class BackgroundWriterTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final WriterPolicy TEN_A_BATCH = WriterPolicy.queued(100, 10, Duration.ofSeconds(1));

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(T0);
    private final List<BackgroundWriter<String>> writers = new ArrayList<>();

    @AfterEach
    void closeWriters() {
        writers.forEach(BackgroundWriter::close);
    }

    @Test
    void aFailingTargetIsRetriedWithDoublingWaitsUntilItTakesTheItems() {
        FakeTarget target = FakeTarget.failing(clock, 3);
        BackgroundWriter<String> writer = writer(TEN_A_BATCH, target, null);
        List.of("item 1", "item 2", "item 3").forEach(writer::offer);

        writer.start();

        await().atMost(GENEROUS).until(() -> target.written().size() == 3);
        assertThat(target.attempts()).as("after the linger, then 1 s, 2 s and 4 s of backoff")
                .containsExactly(T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(4), T0.plusSeconds(8));
        assertThat(target.written()).containsExactly("item 1", "item 2", "item 3");
        assertThat(writer.failedAttempts()).isEqualTo(3);
        assertThat(writer.written()).isEqualTo(3);
        assertThat(writer.unwritten()).isZero();
    }

    @Test
    void theBackoffStopsGrowingAtItsMaximum() {
        FakeTarget target = FakeTarget.failing(clock, 7);
        BackgroundWriter<String> writer = writer(TEN_A_BATCH, target, null);
        writer.offer("item 1");

        writer.start();

        await().atMost(GENEROUS).until(() -> target.written().size() == 1);
        List<Instant> attempts = target.attempts();
        List<Long> waits = IntStream.range(1, attempts.size())
                .mapToObj(index -> Duration.between(attempts.get(index - 1), attempts.get(index)).toSeconds()).toList();
        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    }

    @Test
    void itemsAreWrittenInBatchesOfThePolicySizeAndAFullBatchDoesNotWaitForTheLinger() {
        FakeTarget target = FakeTarget.failing(clock, 0);
        BackgroundWriter<String> writer = writer(WriterPolicy.queued(100, 2, Duration.ofHours(1)), target, null);
        writer.start();

        List.of("item 1", "item 2", "item 3", "item 4", "item 5").forEach(writer::offer);

        assertThat(writer.flush(GENEROUS)).isTrue();
        assertThat(target.batches()).containsExactly(List.of("item 1", "item 2"), List.of("item 3", "item 4"),
                List.of("item 5"));
    }

    @Test
    void whileTheTargetFailsWaitingItemsMoveToTheSpoolAndAreCopiedBackInOrder() throws IOException {
        FakeTarget target = FakeTarget.failing(clock, 2);
        Spool<String> spool = spool("results", false);
        BackgroundWriter<String> writer = writer(TEN_A_BATCH, target, spool);
        List.of("item 1", "item 2", "item 3").forEach(writer::offer);

        writer.start();

        await().atMost(GENEROUS).until(() -> target.written().size() == 3);
        writer.offer("item 4");
        assertThat(writer.flush(GENEROUS)).isTrue();
        assertThat(target.written()).containsExactly("item 1", "item 2", "item 3", "item 4");
        assertThat(writer.spooled()).isZero();
        try (var left = Files.list(directory)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void pastItsCapacityTheBacklogSpillsToTheSpoolAndNothingIsLost() {
        FakeTarget target = FakeTarget.failing(clock, 0);
        BackgroundWriter<String> writer = writer(WriterPolicy.queued(2, 10, Duration.ofSeconds(1)), target,
                spool("results", false));
        List.of("item 1", "item 2", "item 3", "item 4", "item 5").forEach(writer::offer);
        assertThat(writer.queued()).isEqualTo(2);
        assertThat(writer.spooled()).isEqualTo(3);

        writer.start();

        assertThat(writer.flush(GENEROUS)).isTrue();
        assertThat(target.written()).containsExactlyInAnyOrder("item 1", "item 2", "item 3", "item 4", "item 5");
        assertThat(writer.dropped()).isZero();
    }

    @Test
    void withoutASpoolWhatHasNoRoomIsDroppedAndCounted() {
        BackgroundWriter<String> writer = writer(WriterPolicy.queued(2, 10, Duration.ofSeconds(1)),
                FakeTarget.failing(clock, 0), null);

        List.of("item 1", "item 2", "item 3").forEach(writer::offer);

        assertThat(writer.dropped()).isEqualTo(1);
        assertThat(writer.unwritten()).isEqualTo(2);
    }

    @Test
    void anItemTheTargetRefusesAsDataIsSetAsideAndTheOthersAreWritten() {
        FakeTarget target = new FakeTarget(clock, 0, Set.of("bad"));
        Spool<String> spool = spool("results", false);
        BackgroundWriter<String> writer = writer(TEN_A_BATCH, target, spool);
        writer.start();

        List.of("item 1", "bad", "item 3").forEach(writer::offer);

        assertThat(writer.flush(GENEROUS)).isTrue();
        assertThat(target.written()).containsExactly("item 1", "item 3");
        assertThat(writer.rejected()).isEqualTo(1);
        assertThat(writer.failedAttempts()).as("a refusal is not an outage").isZero();
        assertThat(spool.rejectedFile()).hasContent("{bad}");
    }

    @Test
    void onlyTheLatestItemOfAKeyIsWritten() {
        FakeTarget target = FakeTarget.failing(clock, 0);
        BackgroundWriter<String> writer = BackgroundWriter.<String>named("states", "states")
                .policy(TEN_A_BATCH).target(target).backlog(Backlog.latestPer(item -> item.split(":")[0], 10))
                .clock(clock).pause(new AdvancingPause(clock)).build();
        writers.add(writer);
        List.of("a:1", "b:1", "a:2").forEach(writer::offer);
        assertThat(writer.waiting()).containsExactlyInAnyOrder("a:2", "b:1");

        writer.start();

        assertThat(writer.flush(GENEROUS)).isTrue();
        assertThat(target.written()).containsExactlyInAnyOrder("a:2", "b:1");
        assertThat(writer.unwritten()).isZero();
    }

    @Test
    void closingWritesWhatWaitsBeforeItReturns() {
        FakeTarget target = FakeTarget.failing(clock, 0);
        // a real pause and an hour's linger: only the close can bring the item home in time
        BackgroundWriter<String> writer = BackgroundWriter.<String>named("results", "items")
                .policy(WriterPolicy.queued(100, 10, Duration.ofHours(1))).target(target)
                .spool(spool("results", false)).clock(clock).build().start();
        writer.offer("queued just before the stop");

        writer.close();

        assertThat(target.written()).containsExactly("queued just before the stop");
        assertThat(directory.resolve("results.spool.jsonl")).doesNotExist();
    }

    @Test
    void closingWhileTheTargetFailsSpoolsWhatWaitsForTheNextStart() {
        FakeTarget down = FakeTarget.failing(clock, Integer.MAX_VALUE);
        BackgroundWriter<String> before = writer(TEN_A_BATCH, down, spool("results", false));
        before.start();
        List.of("item 1", "item 2").forEach(before::offer);

        before.close();

        // in the spool file, or in its claimed copy when a retry round had taken it before the close
        assertThat(before.spooledItems()).containsExactly("item 1", "item 2");
        FakeTarget back = FakeTarget.failing(clock, 0);
        BackgroundWriter<String> after = writer(TEN_A_BATCH, back, spool("results", false));
        assertThat(after.unwritten()).isEqualTo(2);
        after.start();
        assertThat(after.flush(GENEROUS)).isTrue();
        assertThat(back.written()).containsExactly("item 1", "item 2");
    }

    @Test
    void withoutASpoolWhatCannotBeWrittenAtCloseIsCountedLost() {
        BackgroundWriter<String> writer = writer(TEN_A_BATCH, FakeTarget.failing(clock, Integer.MAX_VALUE), null);
        writer.start();
        List.of("item 1", "item 2").forEach(writer::offer);

        writer.close();

        assertThat(writer.dropped()).isEqualTo(2);
        assertThat(writer.unwritten()).isZero();
    }

    @Test
    void aDirectWriteGoesThroughWhenNothingWaitsAndTheSpoolKeepsTheOrderOnceOneFails() {
        FakeTarget copies = FakeTarget.failing(clock, 0);
        BackgroundWriter<String> writer = writer(WriterPolicy.spoolOnly(), copies, spool("decisions", true));
        List<String> direct = new ArrayList<>();
        DirectTarget databaseUp = item -> {
            direct.add(item);
            return "written";
        };
        DirectTarget databaseDown = item -> {
            throw new IOException("connection refused");
        };

        assertThat(writer.writeThrough("decision 1", databaseUp::write, "spooled")).isEqualTo("written");
        assertThat(writer.writeThrough("decision 2", databaseDown::write, "spooled")).isEqualTo("spooled");
        assertThat(writer.writeThrough("decision 3", databaseUp::write, "spooled"))
                .as("behind decision 2, so spooled too").isEqualTo("spooled");
        assertThat(writer.spooledItems()).containsExactly("decision 2", "decision 3");

        writer.start();

        assertThat(writer.flush(GENEROUS)).isTrue();
        assertThat(copies.written()).containsExactly("decision 2", "decision 3");
        assertThat(writer.writeThrough("decision 4", databaseUp::write, "spooled")).isEqualTo("written");
        assertThat(direct).containsExactly("decision 1", "decision 4");
        assertThat(writer.written()).isEqualTo(4);
    }

    @Test
    void aDirectWriteTheTargetRefusesIsSetAsideNotSpooled() {
        BackgroundWriter<String> writer = writer(WriterPolicy.spoolOnly(), FakeTarget.failing(clock, 0),
                spool("decisions", true));
        DirectTarget refusing = item -> {
            throw FakeTarget.refusal();
        };

        assertThat(writer.writeThrough("decision 1", refusing::write, "not recorded")).isEqualTo("not recorded");

        assertThat(writer.spooled()).isZero();
        assertThat(writer.rejected()).isEqualTo(1);
        assertThat(writer.failedAttempts()).isZero();
        assertThat(directory.resolve("decisions.rejected.jsonl")).hasContent("{decision 1}");
    }

    @Test
    void aPolicyIsValidatedWhenMade() {
        assertThatThrownBy(() -> WriterPolicy.queued(-1, 10, Duration.ofSeconds(1)))
                .hasMessageContaining("capacity");
        assertThatThrownBy(() -> WriterPolicy.queued(10, 0, Duration.ofSeconds(1)))
                .hasMessageContaining("batch size");
        assertThatThrownBy(() -> WriterPolicy.queued(10, 10, Duration.ZERO)).hasMessageContaining("linger");
    }

    private BackgroundWriter<String> writer(WriterPolicy policy, FakeTarget target, Spool<String> spool) {
        BackgroundWriter<String> writer = BackgroundWriter.<String>named("test", "items").policy(policy)
                .target(target).spool(spool).clock(clock).pause(new AdvancingPause(clock)).build();
        writers.add(writer);
        return writer;
    }

    private Spool<String> spool(String name, boolean durable) {
        return new Spool<>(directory, name, SpoolTest.CODEC, durable);
    }

    /** The owner's own write, as a decision log does it. */
    @FunctionalInterface
    private interface DirectTarget {
        String write(String item) throws Exception;
    }
}

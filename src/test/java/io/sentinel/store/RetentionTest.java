package io.sentinel.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.probe.ProbeResult;
import io.sentinel.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

    @TempDir
    Path directory;

    @Test
    void resultsOlderThanTheRetentionAreDeletedAndNewerOnesKept() throws Exception {
        MutableClock clock = MutableClock.at("2026-11-26T10:00:00Z");
        try (H2Fixture h2 = new H2Fixture(); Database database = Database.open(h2.storage());
             ResultStore results = new ResultStore(database, directory.resolve("spool"))) {
            results.append(ProbeResult.of("web", "frontend", clock.instant().minus(Duration.ofDays(31))).up("old"));
            results.append(ProbeResult.of("web", "frontend", clock.instant().minus(Duration.ofDays(1))).up("recent"));
            results.flush(Duration.ofSeconds(10));

            int deleted = new Retention(results, Duration.ofDays(30), clock).deleteExpired();

            assertThat(deleted).isEqualTo(1);
            assertThat(results.history("web", 10)).extracting(ProbeResult::message).containsExactly("recent");
        }
    }
}

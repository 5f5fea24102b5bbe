package io.sentinel.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.probe.ProbeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DailyReportTest {

    @TempDir
    Path directory;

    @Test
    void everyResultIsALineInTheFileOfItsUtcDayOnceTheReportCloses() throws IOException {
        DailyReport report = new DailyReport(directory);
        report.append(result("home", "2026-12-01T23:59:59Z"));
        report.append(result("api", "2026-12-02T00:00:01Z"));
        report.append(result("home", "2026-12-02T00:00:02Z"));

        report.close();

        assertThat(Files.readAllLines(report.fileFor(LocalDate.parse("2026-12-01")))).singleElement()
                .satisfies(line -> assertThat(line).startsWith("{").contains("\"checkId\":\"home\""));
        assertThat(Files.readAllLines(report.fileFor(LocalDate.parse("2026-12-02"))))
                .hasSize(2).allSatisfy(line -> assertThat(line).contains("2026-12-02T00:00:0"));
        assertThat(report.writerStatus().written()).isEqualTo(3);
        assertThat(report.writerStatus().dropped()).isZero();
    }

    private static ProbeResult result(String checkId, String startedAt) {
        return ProbeResult.of(checkId, "site", Instant.parse(startedAt)).latency(Duration.ofMillis(30)).httpStatus(200)
                .up("ok");
    }
}

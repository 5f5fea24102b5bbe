package io.sentinel.report.diagnostics;

import io.sentinel.report.ReportTimes;
import io.sentinel.secret.Redactor;
import io.sentinel.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each finished UTC day's diagnostics report to {@code <directory>/YYYY-MM-DD.md}, once. Called often by
 * the {@code daily-diagnostics} route; it writes yesterday's report when it is missing and the day has been over
 * for {@link #SETTLE} (results reach the database in batches), and does nothing otherwise. A day without any
 * stored result gets no file. A report that cannot be made now (the database is down) is tried again on the next
 * call.
 */
public final class DailyDiagnostics {

    /** How long after midnight the day's last results are surely stored. */
    static final Duration SETTLE = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(DailyDiagnostics.class);

    private final Diagnostics diagnostics;
    private final Path directory;
    private final Clock clock;
    private boolean failing;
    /** The last day whose report was written or found to have nothing to say: not looked at again. */
    private LocalDate handled;

    public DailyDiagnostics(Diagnostics diagnostics, Path directory, Clock clock) {
        this.diagnostics = diagnostics;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * Where the daily reports go: {@code diagnostics} beside the monitoring reports, so {@code reports/monitoring}
     * gives {@code reports/diagnostics}.
     */
    public static Path besideMonitoringReports(Path monitoringReports) {
        return monitoringReports.toAbsolutePath().normalize().resolveSibling("diagnostics");
    }

    public Path fileFor(LocalDate day) {
        return directory.resolve(day + ".md");
    }

    /** Writes yesterday's report if it is due and missing; returns the file written, if any. */
    public synchronized Optional<Path> writeDue() {
        Instant now = clock.instant();
        LocalDate today = ReportTimes.date(now);
        Instant midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        LocalDate yesterday = today.minusDays(1);
        Path file = fileFor(yesterday);
        if (now.isBefore(midnight.plus(SETTLE)) || yesterday.equals(handled) || Files.exists(file)) {
            return Optional.empty();
        }
        try {
            DiagnosticsReport report = diagnostics.report(midnight.minus(Duration.ofDays(1)), midnight);
            if (report.checks().stream().allMatch(check -> check.results().isEmpty())) {
                // nothing ran that day (a first start, a day Sentinel was off): a report of empty rows says nothing
                handled = yesterday;
                return Optional.empty();
            }
            String markdown = DiagnosticsMarkdown.render(report);
            Files.createDirectories(directory);
            Path partial = directory.resolve(yesterday + ".md.partial");
            Files.writeString(partial, markdown, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Wrote the diagnostics report of {} to {}", yesterday, file);
            handled = yesterday;
            failing = false;
            return Optional.of(file);
        } catch (StoreException | IOException failure) {
            if (!failing) {
                LOG.warn("Cannot write the diagnostics report of {} yet ({}); trying again in a few minutes", yesterday,
                        Redactor.global().describe(failure));
                failing = true;
            }
            return Optional.empty();
        }
    }
}

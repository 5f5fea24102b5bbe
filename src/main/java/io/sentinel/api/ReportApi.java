package io.sentinel.api;

import io.sentinel.report.Since;
import io.sentinel.report.diagnostics.Diagnostics;
import io.sentinel.report.diagnostics.DiagnosticsJson;
import io.sentinel.report.diagnostics.DiagnosticsMarkdown;
import io.sentinel.report.diagnostics.DiagnosticsReport;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.apache.camel.Header;

/** {@code GET /api/report?since=24h[&format=json|md]}: the diagnostics report from then until now. */
public final class ReportApi {

    static final String DEFAULT_SINCE = "24h";

    private final Diagnostics diagnostics;
    private final Clock clock;

    public ReportApi(Diagnostics diagnostics, Clock clock) {
        this.diagnostics = diagnostics;
        this.clock = clock;
    }

    public ApiReply report(@Header("since") String since, @Header("format") String format) {
        Instant now = clock.instant();
        Instant from;
        boolean markdown;
        try {
            from = Since.parse(since == null || since.isBlank() ? DEFAULT_SINCE : since, now, Diagnostics.LONGEST_WINDOW);
            markdown = markdown(format);
        } catch (IllegalArgumentException wrong) {
            return ApiReply.badRequest(wrong.getMessage());
        }
        if (!now.isAfter(from)) {
            return ApiReply.badRequest("since must be before now: the report covers from since until now");
        }
        DiagnosticsReport report = diagnostics.report(from, now);
        return markdown ? ApiReply.text(IncidentApi.MARKDOWN, DiagnosticsMarkdown.render(report))
                : ApiReply.ok(DiagnosticsJson.of(report));
    }

    private static boolean markdown(String format) {
        if (format == null || format.isBlank()) {
            return false;
        }
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> false;
            case "md", "markdown" -> true;
            default -> throw new IllegalArgumentException("format must be json or md");
        };
    }
}

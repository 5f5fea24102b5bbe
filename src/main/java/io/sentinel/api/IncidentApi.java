package io.sentinel.api;

import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.model.AlertEvent;
import io.sentinel.report.Since;
import io.sentinel.report.incident.IncidentJson;
import io.sentinel.report.incident.IncidentQuery;
import io.sentinel.report.incident.IncidentReports;
import io.sentinel.report.incident.IncidentRecords;
import io.sentinel.report.incident.IncidentSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Header;

/**
 * {@code GET /api/incidents} (filtered and paged), {@code GET /api/incidents/{id}} (an incident's timeline of alert
 * events and of every notification with when it was delivered) and {@code GET /api/incidents/{id}/report.md} (the
 * post-incident report draft).
 */
public final class IncidentApi {

    /** As far back as incidents can be asked for: the longest retention there is. */
    static final Duration LONGEST_SINCE = Duration.ofDays(3650);
    static final String MARKDOWN = "text/markdown; charset=utf-8";

    private final IncidentRecords incidents;
    private final IncidentReports reports;
    private final Clock clock;

    public IncidentApi(IncidentRecords incidents, IncidentReports reports, Clock clock) {
        this.incidents = incidents;
        this.reports = reports;
        this.clock = clock;
    }

    public ApiReply recent(@Header("state") String state, @Header("since") String since, @Header("limit") String limit,
                           @Header("offset") String offset) {
        IncidentQuery query;
        try {
            query = new IncidentQuery(open(state), since(since),
                    QueryParameters.wholeNumber("limit", limit, IncidentQuery.DEFAULT_LIMIT, 1, IncidentQuery.MAX_LIMIT),
                    QueryParameters.wholeNumber("offset", offset, 0, 0, IncidentQuery.MAX_OFFSET));
        } catch (IllegalArgumentException wrong) {
            return ApiReply.badRequest(wrong.getMessage());
        }
        List<IncidentSummary> page = incidents.find(query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("incidents", page.stream().map(IncidentJson::summary).toList());
        body.put("limit", query.limit());
        body.put("offset", query.offset());
        if (page.size() == query.limit() && query.offset() + query.limit() <= IncidentQuery.MAX_OFFSET) {
            body.put("nextOffset", query.offset() + query.limit());
        }
        return ApiReply.ok(body);
    }

    public ApiReply one(@Header("id") String id) {
        Optional<ApiReply> malformed = PathIds.refuseIncidentId(id);
        if (malformed.isPresent()) {
            return malformed.get();
        }
        List<AlertEvent> timeline = incidents.events(id);
        if (timeline.isEmpty()) {
            return unknown(id);
        }
        Map<String, Object> body = IncidentJson.summary(IncidentSummary.of(id, timeline));
        body.put("events", timeline.stream().map(IncidentApi::event).toList());
        body.put("notifications", timeline.stream().map(AlertEvent::incidentId).distinct()
                .flatMap(alert -> incidents.notifications(alert).stream())
                .sorted(Comparator.comparing(entry -> entry.notification().createdAt()))
                .map(IncidentApi::notification).toList());
        return ApiReply.ok(body);
    }

    public ApiReply report(@Header("id") String id) {
        Optional<ApiReply> malformed = PathIds.refuseIncidentId(id);
        if (malformed.isPresent()) {
            return malformed.get();
        }
        return reports.markdown(id).map(markdown -> ApiReply.text(MARKDOWN, markdown)).orElseGet(() -> unknown(id));
    }

    private static ApiReply unknown(String id) {
        return ApiReply.notFound("no incident with id '" + id + "'; GET /api/incidents lists them");
    }

    private static Optional<Boolean> open(String state) {
        if (state == null || state.isBlank()) {
            return Optional.empty();
        }
        return switch (state.strip().toLowerCase(Locale.ROOT)) {
            case "open" -> Optional.of(true);
            case "closed" -> Optional.of(false);
            default -> throw new IllegalArgumentException("state must be open or closed (or left out for both)");
        };
    }

    private Optional<Instant> since(String since) {
        return since == null || since.isBlank() ? Optional.empty()
                : Optional.of(Since.parse(since, clock.instant(), LONGEST_SINCE));
    }

    private static Map<String, Object> event(AlertEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", event.at().toString());
        json.put("status", event.status().name());
        json.put("state", event.state().name());
        if (event.checkId() != null) {
            json.put("check", event.checkId());
        }
        if (event.failureClass() != null) {
            json.put("failureClass", event.failureClass().name());
        }
        json.put("reason", event.reason());
        return json;
    }

    private static Map<String, Object> notification(OutboxEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("channel", entry.channelId());
        json.put("kind", entry.notification().kind().name());
        json.put("status", entry.notification().event().status().name());
        json.put("state", entry.state().name());
        json.put("attempts", entry.attempts());
        json.put("createdAt", entry.notification().createdAt().toString());
        if (entry.deliveredAt() != null) {
            json.put("deliveredAt", entry.deliveredAt().toString());
        }
        if (!entry.lastError().isEmpty()) {
            json.put("lastError", entry.lastError());
        }
        return json;
    }
}

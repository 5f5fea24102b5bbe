package io.sentinel.api;

import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.config.Durations;
import io.sentinel.incident.Incident;
import io.sentinel.incident.IncidentAlert;
import io.sentinel.incident.IncidentRepository;
import io.sentinel.incident.IncidentState;
import io.sentinel.incident.timeline.Impact;
import io.sentinel.incident.timeline.IncidentTimelines;
import io.sentinel.incident.timeline.IncidentView;
import io.sentinel.incident.timeline.TimelineEntry;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.report.Since;
import io.sentinel.report.incident.IncidentJson;
import io.sentinel.report.incident.IncidentQuery;
import io.sentinel.report.incident.IncidentRecords;
import io.sentinel.report.incident.IncidentReports;
import io.sentinel.report.incident.IncidentSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Header;

/**
 * {@code GET /api/incidents} (outages of dependencies, or alerts' incidents with {@code kind=alert}; filtered and
 * paged), {@code GET /api/incidents/{id}} and {@code GET /api/incidents/{id}/report.md} (the post-incident report
 * draft of an outage or of one alert's incident).
 *
 * <p>{@code {id}} is either an alert's incident id (as the list and notifications show it: its timeline of alert
 * events and every notification with when it was delivered, and {@code incident}, the outage of a dependency it
 * is listed in) or such an outage's own id ({@code incident:<dependency>@…}): its impact, the alerts listed in
 * it and its timeline of facts, for the post-incident review.
 */
public final class IncidentApi {

    /** As far back as incidents can be asked for: the longest retention there is. */
    static final Duration LONGEST_SINCE = Duration.ofDays(3650);
    static final String MARKDOWN = "text/markdown; charset=utf-8";
    static final String OUTAGE = "outage";
    static final String ALERT = "alert";
    private static final String HREF = "/api/incidents/";

    private final IncidentRecords records;
    private final IncidentReports reports;
    private final IncidentRepository incidents;
    private final IncidentTimelines timelines;
    private final Clock clock;

    public IncidentApi(IncidentRecords records, IncidentReports reports, IncidentRepository incidents,
                       IncidentTimelines timelines, Clock clock) {
        this.records = records;
        this.reports = reports;
        this.incidents = incidents;
        this.timelines = timelines;
        this.clock = clock;
    }

    /**
     * {@code GET /api/incidents}: the outages of dependencies ({@code kind=outage}, the default), each with the alerts
     * listed in it, or the alerts' own incidents ({@code kind=alert}), as the list answered before outages existed.
     */
    public ApiReply recent(@Header("state") String state, @Header("since") String since, @Header("limit") String limit,
                           @Header("offset") String offset, @Header("kind") String kind) {
        IncidentQuery query;
        boolean outages;
        try {
            outages = outages(kind);
            query = new IncidentQuery(open(state), since(since),
                    QueryParameters.wholeNumber("limit", limit, IncidentQuery.DEFAULT_LIMIT, 1, IncidentQuery.MAX_LIMIT),
                    QueryParameters.wholeNumber("offset", offset, 0, 0, IncidentQuery.MAX_OFFSET));
        } catch (IllegalArgumentException wrong) {
            return ApiReply.badRequest(wrong.getMessage());
        }
        List<Map<String, Object>> page = outages ? outagePage(query) : alertPage(query);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", outages ? OUTAGE : ALERT);
        body.put("incidents", page);
        body.put("limit", query.limit());
        body.put("offset", query.offset());
        if (page.size() == query.limit() && query.offset() + query.limit() <= IncidentQuery.MAX_OFFSET) {
            body.put("nextOffset", query.offset() + query.limit());
        }
        return ApiReply.ok(body);
    }

    private List<Map<String, Object>> alertPage(IncidentQuery query) {
        return records.find(query).stream().map(IncidentJson::summary).toList();
    }

    /** Each outage as the outage's own answer begins, with the alerts listed in it and where to read each. */
    private List<Map<String, Object>> outagePage(IncidentQuery query) {
        List<Incident> page = incidents.find(query.open(), query.activeSince(), query.limit(), query.offset());
        Map<String, List<IncidentAlert>> listed = new LinkedHashMap<>();
        incidents.alertsOf(page.stream().map(Incident::id).toList())
                .forEach(alert -> listed.computeIfAbsent(alert.incidentId(), id -> new ArrayList<>()).add(alert));
        return page.stream().map(incident -> {
            List<IncidentAlert> alerts = listed.getOrDefault(incident.id(), List.of());
            Map<String, Object> json = summary(incident, alerts);
            json.put("alerts", alerts.stream().map(IncidentApi::listedAlert).toList());
            json.put("href", HREF + incident.id());
            json.put("report", HREF + incident.id() + "/report.md");
            return json;
        }).toList();
    }

    /** An alert as an outage lists it: who it is and its role, in the list and in the outage's answer alike. */
    private static Map<String, Object> listed(IncidentAlert alert) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", alert.alertId());
        json.put("subject", alert.subject());
        json.put("dependency", alert.dependency());
        json.put("role", alert.role().name());
        if (alert.heldBy() != null) {
            json.put("heldBy", alert.heldBy());
        }
        return json;
    }

    private static Map<String, Object> listedAlert(IncidentAlert alert) {
        Map<String, Object> json = listed(alert);
        json.put("href", HREF + alert.alertId());
        json.put("report", HREF + alert.alertId() + "/report.md");
        return json;
    }

    private static boolean outages(String kind) {
        if (kind == null || kind.isBlank()) {
            return true;
        }
        return switch (kind.strip().toLowerCase(Locale.ROOT)) {
            case OUTAGE -> true;
            case ALERT -> false;
            default -> throw new IllegalArgumentException("kind must be outage (the outages of dependencies, the default)"
                    + " or alert (each alert's own incident)");
        };
    }

    public ApiReply one(@Header("id") String id) {
        Optional<ApiReply> malformed = PathIds.refuseIncidentId(id);
        if (malformed.isPresent()) {
            return malformed.get();
        }
        Optional<Incident> outage = incidents.find(id);
        if (outage.isPresent()) {
            return timelines.view(outage.get().id()).map(view -> ApiReply.ok(body(view))).orElseGet(() -> unknown(id));
        }
        List<AlertEvent> timeline = records.events(id);
        if (timeline.isEmpty()) {
            return unknown(id);
        }
        Map<String, Object> body = IncidentJson.summary(IncidentSummary.of(id, timeline));
        incidents.listing(id).stream().findFirst().ifPresent(listing -> body.put("incident", link(listing, id)));
        body.put("events", timeline.stream().map(IncidentApi::event).toList());
        body.put("notifications", timeline.stream().map(AlertEvent::incidentId).distinct()
                .flatMap(alert -> records.notifications(alert).stream())
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

    /** The outage of a dependency an alert is listed in, newest first when it is in two (a released alert). */
    private Map<String, Object> link(Incident incident, String alertId) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", incident.id());
        json.put("dependency", incident.dependency());
        json.put("state", incident.state().name());
        incidents.alertsOf(List.of(incident.id())).stream().filter(alert -> alert.alertId().equals(alertId)).findFirst()
                .ifPresent(alert -> json.put("role", alert.role().name()));
        json.put("href", HREF + incident.id());
        return json;
    }

    private static Map<String, Object> summary(Incident incident, List<IncidentAlert> listed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", incident.id());
        json.put("dependency", incident.dependency());
        json.put("title", incident.title());
        json.put("subject", listed.isEmpty() ? incident.dependency() : listed.get(0).subject());
        json.put("severity", incident.severity().label());
        json.put("state", incident.state().name());
        json.put("open", incident.state() == IncidentState.OPEN);
        json.put("openedAt", incident.openedAt().toString());
        json.put("startedAt", incident.openedAt().toString());
        if (incident.recoveredAt() != null) {
            json.put("recoveredAt", incident.recoveredAt().toString());
            json.put("resolvedAt", incident.recoveredAt().toString());
        }
        if (incident.closedAt() != null) {
            json.put("closedAt", incident.closedAt().toString());
        }
        return json;
    }

    private static Map<String, Object> body(IncidentView view) {
        Map<String, Object> json = summary(view.incident(), view.alerts());
        Impact impact = view.impact();
        if (impact.firstFailedProbe() != null) {
            json.put("startedAt", impact.firstFailedProbe().toString());
        }
        if (!impact.dependentsSummary().isEmpty()) {
            json.put("summary", impact.dependentsSummary());
        }
        Map<String, Object> impactJson = new LinkedHashMap<>();
        impactJson.put("affectedChecks", impact.affectedChecks());
        impactJson.put("dependentChecks", impact.dependentChecks());
        if (impact.firstFailedProbe() != null) {
            impactJson.put("firstFailedProbeAt", impact.firstFailedProbe().toString());
        }
        impactJson.put("duration", Durations.format(impact.duration().truncatedTo(ChronoUnit.SECONDS)));
        impactJson.put("durationSeconds", impact.duration().toSeconds());
        impactJson.put("failedProbes", impact.failedProbes());
        impactJson.put("failedPaidCallsUsd", impact.failedPaidCallsUsd());
        json.put("impact", impactJson);
        json.put("alerts", view.alerts().stream().map(alert -> alert(alert, view.events())).toList());
        json.put("timeline", view.timeline().stream().map(IncidentApi::entry).toList());
        json.put("events", view.events().stream().map(IncidentApi::event).toList());
        json.put("notifications", view.notifications().stream().map(IncidentApi::notification).toList());
        return json;
    }

    private static Map<String, Object> alert(IncidentAlert alert, List<AlertEvent> events) {
        Map<String, Object> json = listed(alert);
        json.put("listedAt", alert.joinedAt().toString());
        events.stream().filter(event -> event.incidentId().equals(alert.alertId()))
                .max(Comparator.comparing(AlertEvent::at)).ifPresent(last -> {
                    json.put("state", last.state().name());
                    json.put("firing", last.status() == AlertStatus.FIRING);
                });
        return json;
    }

    private static Map<String, Object> entry(TimelineEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", entry.at().toString());
        json.put("kind", entry.kind());
        if (!entry.subject().isEmpty()) {
            json.put("subject", entry.subject());
        }
        if (!entry.channel().isEmpty()) {
            json.put("channel", entry.channel());
        }
        json.put("text", entry.text());
        return json;
    }

    private static Map<String, Object> event(AlertEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("at", event.at().toString());
        json.put("alert", event.incidentId());
        json.put("subject", event.subject());
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
        json.put("key", entry.key());
        json.put("channel", entry.channelId());
        json.put("subject", entry.notification().event().subject());
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

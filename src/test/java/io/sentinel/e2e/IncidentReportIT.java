package io.sentinel.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.config.Durations;
import io.sentinel.model.FailureClass;
import io.sentinel.report.Recommendations;
import io.sentinel.testing.DaemonProcess;
import io.sentinel.testing.StatusView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incident built end to end against WireMock by the running jar (a check fails, its alert reaches a
 * Slack stand-in and the log channel, the check recovers), its post-incident draft compared line by line with the facts the API
 * gives, and {@code sentinel report} run as a user runs it, before and after the daemon stops.
 */
class IncidentReportIT {

    private static final String KEY = "it-key-5e1f0c9a77d24b31";
    /** The one line that depends on when the draft is asked for, not on the incident. */
    private static final String DRAFT_MADE = "- Draft made: (when it was asked for)";
    private static final java.util.regex.Pattern DRAFT_MADE_LINE = java.util.regex.Pattern.compile(
            "- Draft made: \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC, from the facts Sentinel recorded\\. Lines marked"
                    + " _\\(to be written: …\\)_ are for people to fill in\\.");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    @TempDir
    Path directory;

    private WireMockServer target;
    private WireMockServer slack;

    @BeforeEach
    void startStandIns() throws IOException {
        target = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        target.start();
        target.stubFor(get("/health").willReturn(aResponse().withStatus(500)
                .withBody("{\"error\": \"upstream rejected key " + KEY + "\"}")));
        slack = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        slack.start();
        slack.stubFor(post("/services/T000/B000/XXXX").willReturn(aResponse().withStatus(200).withBody("ok")));
        Files.createDirectories(directory.resolve("config"));
        Files.writeString(directory.resolve("config/sentinel.yaml"), """
                defaults:
                  interval: 300ms
                  timeout: 2s
                  failureThreshold: 2
                  successThreshold: 2
                dependencies:
                  - id: web
                    # this test watches one check's incident: keep the breaker out of it
                    breaker: {window: 100, minimumCalls: 100}
                checks:
                  - id: home
                    dependency: web
                    kind: http
                    severity: critical
                    url: http://127.0.0.1:%d/health
                    headers: {apikey: "${REPORT_IT_KEY}"}
                alerts:
                  channels:
                    - {id: ops-slack, type: slack, webhookUrl: "http://127.0.0.1:%d/services/T000/B000/XXXX"}
                  routing: {critical: [ops-slack], high: [ops-slack], medium: [ops-slack]}
                """.formatted(target.port(), slack.port()));
    }

    @AfterEach
    void stopStandIns() {
        target.stop();
        slack.stop();
    }

    @Test
    void theDraftOfARealIncidentHoldsExactlyItsRecordedFacts() throws Exception {
        String id;
        try (DaemonProcess daemon = DaemonProcess.start(directory, Map.of("REPORT_IT_KEY", KEY))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> json(daemon, "/api/incidents?kind=alert&state=open")
                    .path("incidents").size() == 1);
            id = json(daemon, "/api/incidents?kind=alert&state=open&since=1h").path("incidents").get(0).path("id").asText();
            awaitIncident(daemon, id, "its FIRING delivered to both channels", () -> allDelivered(daemon, id, 2));

            target.stubFor(get("/health").willReturn(okJson("{}")));
            awaitIncident(daemon, id, "closed, with its RESOLVED delivered to both channels", () -> json(daemon,
                    "/api/incidents?kind=alert&state=closed&since=1h").path("incidents").size() == 1
                    && allDelivered(daemon, id, 4));
            JsonNode incident = json(daemon, "/api/incidents/" + id);
            Instant resolvedAt = Instant.parse(incident.path("resolvedAt").asText());
            // results are written in order: once a later one is stored, every result of the incident is
            await().atMost(Duration.ofSeconds(60)).until(() -> Instant.parse(history(daemon).get(0).path("startedAt")
                    .asText()).isAfter(resolvedAt.plusSeconds(1)));

            List<JsonNode> results = history(daemon);
            var report = daemon.get("/api/incidents/" + id + "/report.md");
            assertThat(report.statusCode()).isEqualTo(200);
            assertThat(report.headers().firstValue("Content-Type")).hasValue("text/markdown; charset=utf-8");
            assertThat(report.body()).doesNotContain(KEY);
            List<String> draft = report.body().lines().map(line -> DRAFT_MADE_LINE.matcher(line).matches() ? DRAFT_MADE
                    : line).toList();
            assertThat(draft).containsExactlyElementsOf(expectedDraft(id, incident, results));

            Cli whileRunning = runReport("--since", "1h");
            assertThat(whileRunning.exitCode()).as("the daemon holds the embedded database: " + whileRunning.stderr())
                    .isEqualTo(1);
            assertThat(whileRunning.stderr()).contains("GET /api/report?since=1h");
            assertThat(whileRunning.stdout()).isEmpty();
        }

        Cli markdown = runReport("--since", "1h");
        assertThat(markdown.exitCode()).as(markdown.stderr()).isZero();
        assertThat(markdown.stdout()).startsWith("# Sentinel diagnostics: ").contains("### web")
                .containsPattern("\\| home \\| \\d+\\.\\d\\d% \\| \\d+ \\|").contains("| HTTP_5XX | ")
                .contains("- **HTTP_5XX** (").doesNotContain(KEY).doesNotContain(" INFO ");
        Cli json = runReport("--since=1h", "--format=json");
        assertThat(json.exitCode()).isZero();
        JsonNode parsed = StatusView.parse(json.stdout());
        assertThat(parsed.path("checks").get(0).path("check").asText()).isEqualTo("home");
        assertThat(parsed.path("failures").get(0).path("failureClass").asText()).isEqualTo("HTTP_5XX");
        Cli wrong = runReport("--since", "forever");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.stderr()).contains("sentinel report: since must be").contains("Usage:");
        assertThat(wrong.stdout()).isEmpty();
        Cli help = runReport("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).startsWith("Usage: java -jar sentinel.jar report");
    }

    /** The draft as it must read, every line worked out from the API's facts about the incident and the check. */
    private static List<String> expectedDraft(String id, JsonNode incident, List<JsonNode> newestFirst) {
        JsonNode firing = incident.path("events").get(0);
        JsonNode resolved = incident.path("events").get(1);
        Instant resolvedAt = Instant.parse(resolved.path("at").asText());
        List<JsonNode> failed = newestFirst.stream().filter(result -> result.path("outcome").asText().equals("DOWN"))
                .sorted(Comparator.comparing(result -> result.path("startedAt").asText())).toList();
        JsonNode first = failed.get(0);
        Instant began = Instant.parse(first.path("startedAt").asText());
        // the first probe can time out while the stand-in warms up: the classes are read from the results too
        Map<FailureClass, Long> byClass = new EnumMap<>(FailureClass.class);
        failed.stream().filter(result -> {
            Instant at = Instant.parse(result.path("startedAt").asText());
            return !at.isBefore(began) && !at.isAfter(resolvedAt);
        }).forEach(result -> byClass.merge(FailureClass.valueOf(result.path("failureClass").asText()), 1L, Long::sum));
        long failedInIncident = byClass.values().stream().mapToLong(Long::longValue).sum();
        String classes = byClass.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        FailureClass firstClass = FailureClass.valueOf(first.path("failureClass").asText());
        Set<FailureClass> hinted = new LinkedHashSet<>(List.of(firstClass));
        hinted.addAll(byClass.keySet());

        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(began, "first failed probe of home: " + firstClass + ", " + first.path("message").asText() + " (took "
                + Durations.format(Duration.ofMillis(first.path("latencyMs").asLong())) + ")"));
        for (JsonNode event : incident.path("events")) {
            String failure = event.has("failureClass") ? " (" + event.path("failureClass").asText() + ")" : "";
            facts.add(new Fact(Instant.parse(event.path("at").asText()), event.path("status").asText() + " [critical] home "
                    + event.path("state").asText() + failure + ": " + event.path("reason").asText()));
        }
        for (JsonNode notification : incident.path("notifications")) {
            String what = notification.path("status").asText() + " home "
                    + (notification.path("status").asText().equals("FIRING") ? "DOWN" : "UP");
            String channel = notification.path("channel").asText();
            facts.add(new Fact(Instant.parse(notification.path("createdAt").asText()), what + " queued for " + channel));
            int attempts = notification.path("attempts").asInt();
            facts.add(new Fact(Instant.parse(notification.path("deliveredAt").asText()), what + " delivered to " + channel
                    + " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)")));
        }
        facts.sort(Comparator.comparing(Fact::at));

        List<String> lines = new ArrayList<>(List.of(
                "# Post-incident report (draft): home",
                "",
                "- Incident: `" + id + "`",
                "- Dependency: web",
                "- Severity: critical",
                "- Status: resolved",
                "- Began: " + DATE_MINUTE.format(began) + " UTC",
                "- Resolved: " + DATE_MINUTE.format(resolvedAt) + " UTC",
                DRAFT_MADE));
        List<String> timeline = new ArrayList<>(List.of("", "## Timeline", "", "All times UTC."));
        LocalDate day = null;
        for (Fact fact : facts) {
            LocalDate factDay = LocalDate.ofInstant(fact.at(), ZoneOffset.UTC);
            if (!factDay.equals(day)) {
                timeline.addAll(List.of("", "**" + factDay + "**", ""));
                day = factDay;
            }
            timeline.add("- " + MINUTE.format(fact.at()) + " — " + fact.text());
        }
        String resolvedLine = "- " + MINUTE.format(resolvedAt) + " — RESOLVED [critical] home UP: "
                + resolved.path("reason").asText();
        List<String> rest = List.of(
                "",
                "## Root Cause",
                "",
                "_(to be written: why it failed; the facts below say what failed and when, not why)_",
                "",
                "Recorded:",
                "",
                "- home began with " + firstClass + ": " + first.path("message").asText(),
                "- Failure classes of the failed probes: " + classes,
                "",
                "## Impact Assessment",
                "",
                "- Affected checks: home (1)",
                "- Duration: " + Durations.format(Duration.between(began, resolvedAt).truncatedTo(ChronoUnit.SECONDS))
                        + " (" + MINUTE.format(began) + " to " + MINUTE.format(resolvedAt) + " UTC)",
                "- Failed probes: " + failedInIncident + " (" + classes + ")",
                "- Cost of failed paid calls: none; no failed probe was a paid call",
                "- Users and features affected: _(to be written: who noticed, what they could not do)_",
                "",
                "## Resolution Steps",
                "",
                resolvedLine,
                "- _(to be written: what people did to restore service, and what fixed it)_",
                "",
                "## Prevention Measures",
                "",
                "_(to be written: what will keep this from happening again)_",
                "",
                "Where to look first, from the recommendations table (docs/reports.md):",
                "");
        List<String> end = List.of(
                "",
                "## Action Items",
                "",
                "- [ ] _(to be written: action, owner, due date)_");
        assertThat(firing.path("status").asText()).isEqualTo("FIRING");
        List<String> all = new ArrayList<>(lines);
        all.addAll(timeline);
        all.addAll(rest);
        hinted.forEach(failureClass -> all.add("- " + failureClass + ": "
                + Recommendations.forFailure(failureClass, "").advice()));
        all.addAll(end);
        return all;
    }

    private record Fact(Instant at, String text) {
    }

    /** Waits for the incident to reach a stage; when it does not, the failure shows the incident and the daemon's log. */
    private static void awaitIncident(DaemonProcess daemon, String id, String stage, Callable<Boolean> reached) throws Exception {
        try {
            await().atMost(Duration.ofSeconds(60)).until(reached);
        } catch (ConditionTimeoutException timeout) {
            List<String> log = daemon.log().lines().toList();
            throw new AssertionError("incident " + id + " not " + stage + " within 60 s: "
                    + daemon.get("/api/incidents/" + id).body() + "\nclosed incidents: "
                    + daemon.get("/api/incidents?kind=alert&state=closed&since=1h").body() + "\nthe daemon's log ends with:\n"
                    + String.join("\n", log.subList(Math.max(0, log.size() - 80), log.size())), timeout);
        }
    }

    private static boolean allDelivered(DaemonProcess daemon, String id, int expected) throws Exception {
        JsonNode notifications = json(daemon, "/api/incidents/" + id).path("notifications");
        if (notifications.size() != expected) {
            return false;
        }
        for (JsonNode notification : notifications) {
            if (!notification.path("state").asText().equals("DELIVERED")) {
                return false;
            }
        }
        return true;
    }

    private static List<JsonNode> history(DaemonProcess daemon) throws Exception {
        List<JsonNode> results = new ArrayList<>();
        json(daemon, "/api/checks/home/history?limit=1000").path("results").forEach(results::add);
        return results;
    }

    private static JsonNode json(DaemonProcess daemon, String path) throws Exception {
        return StatusView.parse(daemon.get(path).body());
    }

    private record Cli(int exitCode, String stdout, String stderr) {
    }

    /** {@code java -jar sentinel.jar report …} in the daemon's working directory and environment, as a user runs it. */
    private Cli runReport(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", DaemonProcess.jar().toString(), "report"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(directory, "report-", ".out");
        Path err = Files.createTempFile(directory, "report-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("REPORT_IT_KEY", KEY);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("sentinel report did not finish within two minutes");
        }
        return new Cli(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}

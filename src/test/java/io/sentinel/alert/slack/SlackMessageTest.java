package io.sentinel.alert.slack;

import static io.sentinel.alert.TestNotifications.NOW;
import static io.sentinel.alert.TestNotifications.RUNBOOK;
import static io.sentinel.alert.TestNotifications.alert;
import static io.sentinel.alert.TestNotifications.firing;
import static io.sentinel.alert.TestNotifications.reminder;
import static io.sentinel.alert.TestNotifications.resolved;
import static io.sentinel.alert.TestNotifications.slackBroken;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.alert.Notification;
import io.sentinel.alert.NotificationKind;
import io.sentinel.config.Severity;
import io.sentinel.json.Json;
import io.sentinel.model.HealthState;
import io.sentinel.secret.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlackMessageTest {

    @Test
    void aFiringAlertHasBlocksForPeopleAndTheOneLineSummaryAsFallback() {
        Notification notification = alert("no answer within 10s");

        JsonNode payload = render(notification);

        assertThat(payload.get("text").asText()).isEqualTo(notification.event().summary())
                .isEqualTo("FIRING [critical] supabase-db DOWN (TIMEOUT): no answer within 10s");
        assertThat(header(payload)).isEqualTo(":red_circle: [CRITICAL] supabase-db DOWN");
        assertThat(sectionTexts(payload)).first().asString()
                .isEqualTo("*supabase-db went DOWN (was UP).*\nno answer within 10s");
        assertThat(fields(payload)).containsExactly(
                "*Severity*\ncritical",
                "*Check*\nsupabase-db",
                "*Dependency*\nsupabase",
                "*State*\nDOWN (was UP)",
                "*Failure*\nTIMEOUT",
                "*Latency*\n10s",
                "*Since*\n2026-03-01T10:00:00Z (12m ago)",
                "*Incident*\ninc-42");
        assertThat(context(payload)).isEqualTo("Sentinel notification key: `inc-42:FIRING:ops-slack`");
    }

    @Test
    void theRunbookIsALink() {
        assertThat(sectionTexts(render(alert("no answer within 10s"))))
                .contains(":book: *Runbook:* <" + RUNBOOK + ">");
    }

    @Test
    void aMessageWithoutRunbookOrNoteHasNoBlocksForThem() {
        Notification bare = new Notification("k-1", "ops-slack", NotificationKind.ALERT, firing("boom"),
                Optional.empty(), "", NOW);

        assertThat(sectionTexts(render(bare))).noneMatch(text -> text.contains("Runbook") || text.contains(":memo:"));
    }

    @Test
    void aResolvedAlertSaysHowLongItWasDown() {
        JsonNode payload = render(alert(resolved()));

        assertThat(header(payload)).isEqualTo(":large_green_circle: [CRITICAL] RESOLVED supabase-db UP");
        assertThat(sectionTexts(payload)).first().asString().startsWith("*supabase-db is UP again: it was DOWN for 12m30s.*");
        assertThat(fields(payload)).contains(
                "*Since*\n2026-03-01T10:00:00Z until 2026-03-01T10:12:30Z", "*DOWN for*\n12m30s", "*Latency*\n40ms");
        assertThat(payload.get("text").asText()).startsWith("RESOLVED [critical] supabase-db UP");
    }

    @Test
    void aReminderSaysItIsAReminderAndHowLongItHasLasted() {
        JsonNode payload = render(reminder(2));

        assertThat(header(payload)).isEqualTo(":red_circle: [CRITICAL] REMINDER supabase-db DOWN");
        assertThat(sectionTexts(payload)).first().asString()
                .startsWith("*Reminder: supabase-db is still DOWN (for 12m so far).*");
        assertThat(sectionTexts(payload)).contains(":memo: reminder 2: still firing");
        assertThat(payload.get("text").asText()).startsWith("REMINDER FIRING [critical] supabase-db DOWN");
    }

    @Test
    void aBrokenChannelWarningIsTitledByTheChannelThatBroke() {
        JsonNode payload = render(slackBroken());

        assertThat(header(payload)).isEqualTo(":warning: [HIGH] Slack channel ops-slack broken");
        assertThat(sectionTexts(payload)).first().asString().isEqualTo(
                "*Slack channel ops-slack broken: Slack answered 404 no_service*\n"
                        + "The alert it refused: FIRING [critical] supabase-db DOWN (TIMEOUT): no answer within 10s");
    }

    @Test
    void anAlertAboutAWholeDependencySaysItIsTheBreaker() {
        AlertEvent breaker = new AlertEvent("evt-9", "inc-9", AlertStatus.FIRING, Severity.HIGH, null, "google-places",
                HealthState.DOWN, HealthState.UP, null, "breaker opened after 5 failures", null,
                NOW.minusSeconds(30), NOW.minusSeconds(30));

        JsonNode payload = render(alert(breaker));

        assertThat(header(payload)).isEqualTo(":large_orange_circle: [HIGH] google-places breaker DOWN");
        assertThat(fields(payload)).contains("*Check*\nnone: the dependency's circuit breaker")
                .noneMatch(field -> field.startsWith("*Latency*") || field.startsWith("*Failure*"));
    }

    @Test
    void slackControlCharactersInTheReasonCannotPingOrLink() {
        JsonNode payload = render(alert("<!channel> upstream said <b>502</b> & gave up"));

        assertThat(sectionTexts(payload)).first().asString()
                .endsWith("&lt;!channel&gt; upstream said &lt;b&gt;502&lt;/b&gt; &amp; gave up");
        assertThat(payload.get("text").asText()).doesNotContain("<!channel>");
    }

    @Test
    void aVeryLongReasonIsCutToSlacksLimitsWithAnEllipsis() {
        String endless = "connection reset & retried; ".repeat(1_000);
        Notification notification = new Notification("k-long", "ops-slack", NotificationKind.REMINDER,
                firing(endless), Optional.of(RUNBOOK), "note: " + endless, NOW);

        JsonNode payload = render(notification);

        assertThat(payload.get("blocks").size()).isLessThanOrEqualTo(SlackText.MAX_BLOCKS);
        assertThat(header(payload).length()).isLessThanOrEqualTo(SlackText.HEADER_LIMIT);
        assertThat(sectionTexts(payload)).allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(3000));
        assertThat(sectionTexts(payload).get(0)).endsWith("…").doesNotEndWith("&…").doesNotEndWith("&am…");
        assertThat(fields(payload)).hasSizeLessThanOrEqualTo(10)
                .allSatisfy(field -> assertThat(field.length()).isLessThanOrEqualTo(2000));
        assertThat(payload.get("text").asText()).hasSizeLessThanOrEqualTo(SlackText.FALLBACK_LIMIT).endsWith("…");
    }

    @Test
    void noSecretSurvivesInAnyPartOfTheMessage() {
        String secret = "sk_live_fake_51HxYzSecretValue";
        Redactor.global().register(secret);
        Notification notification = new Notification("k-secret", "ops-slack", NotificationKind.REMINDER,
                firing("upstream rejected key " + secret), Optional.of(RUNBOOK + "?token=" + secret),
                "seen with " + secret, NOW);

        SlackMessage message = SlackMessage.render(notification, NOW);

        assertThat(message.json()).doesNotContain(secret).contains("****");
        assertThat(message.text()).doesNotContain(secret);
    }

    @Test
    void alertsSentTogetherAreOneMessageCountingThemWithEveryKey() throws Exception {
        List<Notification> notifications = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            AlertEvent event = new AlertEvent("evt-" + i, "fn-" + i + "@1", AlertStatus.FIRING, i == 1 ? Severity.CRITICAL
                    : Severity.HIGH, "fn-" + i, "supabase-functions", HealthState.DOWN, HealthState.UP,
                    io.sentinel.model.FailureClass.HTTP_5XX, "3 failed probes in a row: HTTP 503", null, NOW, NOW);
            notifications.add(new Notification("fn-" + i + "@1/FIRING-DOWN/ops-slack", "ops-slack",
                    NotificationKind.ALERT, event, Optional.empty(), "", NOW));
        }
        notifications.add(alert(resolved()));

        JsonNode payload = Json.mapper().readTree(SlackMessage.render(notifications, NOW).json());

        assertThat(header(payload)).isEqualTo(":red_circle: [CRITICAL] 4 alerts: 3 firing, 1 resolved");
        assertThat(payload.get("text").asText()).startsWith("[CRITICAL] 4 alerts: 3 firing, 1 resolved: [HIGH] fn-0 DOWN,"
                + " [CRITICAL] fn-1 DOWN, [HIGH] fn-2 DOWN, [CRITICAL] RESOLVED supabase-db UP");
        assertThat(sectionTexts(payload)).singleElement().asString()
                .startsWith(":large_orange_circle: *[HIGH] fn-0 DOWN* · supabase-functions · HTTP_5XX\n"
                        + "3 failed probes in a row: HTTP 503\n`fn-0@1/FIRING-DOWN/ops-slack`")
                .contains("`fn-1@1/FIRING-DOWN/ops-slack`", "`fn-2@1/FIRING-DOWN/ops-slack`",
                        ":large_green_circle: *[CRITICAL] RESOLVED supabase-db UP*", "`inc-42:RESOLVED:ops-slack`");
    }

    @Test
    void fiftyLongAlertsStayWithinSlacksLimits() throws Exception {
        String endless = "connection reset & retried; ".repeat(1_000);
        List<Notification> notifications = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            notifications.add(new Notification("k-" + i + "-" + "x".repeat(200), "ops-slack", NotificationKind.REMINDER,
                    firing(endless), Optional.of(RUNBOOK), "note: " + endless, NOW));
        }

        JsonNode payload = Json.mapper().readTree(SlackMessage.render(notifications, NOW).json());

        assertThat(payload.get("blocks").size()).isLessThanOrEqualTo(SlackText.MAX_BLOCKS);
        assertThat(header(payload)).isEqualTo(":red_circle: [CRITICAL] 50 reminders");
        assertThat(sectionTexts(payload)).allSatisfy(text -> assertThat(text.length()).isLessThanOrEqualTo(3000));
        for (int i = 0; i < 50; i++) {
            assertThat(String.join("\n", sectionTexts(payload))).as("key %d", i).contains("`k-" + i + "-xxx");
        }
        assertThat(payload.get("text").asText()).hasSizeLessThanOrEqualTo(SlackText.FALLBACK_LIMIT);
    }

    private static JsonNode render(Notification notification) {
        try {
            return Json.mapper().readTree(SlackMessage.render(notification, NOW).json());
        } catch (Exception unreadable) {
            throw new AssertionError("the payload is not JSON", unreadable);
        }
    }

    private static String header(JsonNode payload) {
        JsonNode header = payload.get("blocks").get(0);
        assertThat(header.get("type").asText()).isEqualTo("header");
        return header.get("text").get("text").asText();
    }

    private static List<String> sectionTexts(JsonNode payload) {
        List<String> texts = new ArrayList<>();
        payload.get("blocks").forEach(block -> {
            if (block.get("type").asText().equals("section") && block.has("text")) {
                texts.add(block.get("text").get("text").asText());
            }
        });
        return texts;
    }

    private static List<String> fields(JsonNode payload) {
        List<String> fields = new ArrayList<>();
        payload.get("blocks").forEach(block -> block.path("fields").forEach(field -> fields.add(field.get("text").asText())));
        return fields;
    }

    private static String context(JsonNode payload) {
        JsonNode last = payload.get("blocks").get(payload.get("blocks").size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("context");
        return last.get("elements").get(0).get("text").asText();
    }
}

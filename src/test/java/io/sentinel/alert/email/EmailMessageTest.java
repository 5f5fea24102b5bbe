package io.sentinel.alert.email;

import static io.sentinel.alert.TestNotifications.NOW;
import static io.sentinel.alert.TestNotifications.RUNBOOK;
import static io.sentinel.alert.TestNotifications.alert;
import static io.sentinel.alert.TestNotifications.firing;
import static io.sentinel.alert.TestNotifications.reminder;
import static io.sentinel.alert.TestNotifications.resolved;
import static io.sentinel.alert.TestNotifications.slackBroken;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.alert.Notification;
import io.sentinel.alert.NotificationKind;
import io.sentinel.secret.Redactor;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmailMessageTest {

    @Test
    void subjectsCarryStableTagsForMailFilters() {
        assertThat(render(alert("no answer within 10s")).subject()).isEqualTo("[Sentinel][CRITICAL] supabase-db DOWN");
        assertThat(render(alert(resolved())).subject()).isEqualTo("[Sentinel][CRITICAL] RESOLVED supabase-db UP");
        assertThat(render(reminder(3)).subject()).isEqualTo("[Sentinel][CRITICAL] REMINDER supabase-db DOWN");
        assertThat(render(slackBroken()).subject()).isEqualTo("[Sentinel][HIGH] Slack channel ops-slack broken");
    }

    @Test
    void alertsSentTogetherAreOneEmailWithEveryAlertAndEveryKey() {
        EmailMessage email = EmailMessage.render(List.of(alert("no answer within 10s"), reminder(2), alert(resolved())), NOW);

        assertThat(email.subject()).isEqualTo("[Sentinel][CRITICAL] 3 alerts: 1 firing, 1 reminders, 1 resolved:"
                + " supabase-db DOWN, supabase-db DOWN, supabase-db UP");
        assertThat(email.plainText()).startsWith("3 alerts: 1 firing, 1 reminders, 1 resolved, decided together:\n\n"
                        + "=== 1 of 3: [CRITICAL] supabase-db DOWN ===\n\nsupabase-db went DOWN (was UP).\n")
                .contains("=== 2 of 3: [CRITICAL] REMINDER supabase-db DOWN ===",
                        "Sentinel notification key: inc-42:reminder-2:ops-slack",
                        "=== 3 of 3: [CRITICAL] RESOLVED supabase-db UP ===");
        assertThat(email.html()).contains("[CRITICAL] REMINDER supabase-db DOWN</h2>").containsOnlyOnce("<html>");
        assertThat(email.key()).isEqualTo("inc-42:FIRING:ops-slack, inc-42:reminder-2:ops-slack, inc-42:RESOLVED:ops-slack");
        assertThat(email.messageId()).isNotEqualTo(render(alert("no answer within 10s")).messageId());
    }

    @Test
    void theMessageIdIsDerivedFromTheKeySoAResendIsRecognisable() {
        EmailMessage first = render(alert("no answer within 10s"));
        EmailMessage resent = EmailMessage.render(alert("no answer within 10s"), NOW.plusSeconds(300));

        assertThat(first.messageId()).matches("<[0-9a-f]{32}@sentinel>")
                .isEqualTo(resent.messageId())
                .isEqualTo(EmailMessage.messageIdFor("inc-42:FIRING:ops-slack"))
                .isNotEqualTo(render(reminder(1)).messageId());
        assertThat(resent.date()).isEqualTo(NOW.plusSeconds(300));
    }

    @Test
    void theTextPartHoldsWhatTheSlackMessageHolds() {
        String text = render(reminder(2)).plainText();

        assertThat(text).startsWith("Reminder: supabase-db is still DOWN (for 12m so far).\nno answer within 10s\n")
                .contains("Severity:   critical\n", "Check:      supabase-db\n", "Dependency: supabase\n",
                        "State:      DOWN (was UP)\n", "Failure:    TIMEOUT\n", "Latency:    10s\n",
                        "Since:      2026-03-01T10:00:00Z (12m ago)\n", "Incident:   inc-42\n",
                        "Runbook: " + RUNBOOK + "\n", "Note: reminder 2: still firing\n")
                .endsWith("\n-- \nSentinel notification key: inc-42:reminder-2:ops-slack\n");
    }

    @Test
    void theHtmlPartHoldsTheSameContentEscaped() {
        String html = render(alert("upstream said <script>alert(1)</script> & gave up")).html();

        assertThat(html).contains("<h2 style=\"color:#b00020\">[CRITICAL] supabase-db DOWN</h2>",
                        "<strong>supabase-db went DOWN (was UP).</strong>",
                        "upstream said &lt;script&gt;alert(1)&lt;/script&gt; &amp; gave up",
                        "<tr><th align=\"left\">Latency</th><td>10s</td></tr>",
                        "<a href=\"" + RUNBOOK + "\">" + RUNBOOK + "</a>",
                        "<code>inc-42:FIRING:ops-slack</code>")
                .doesNotContain("<script>");
    }

    @Test
    void aResolvedEmailSaysHowLongItWasDown() {
        assertThat(render(alert(resolved())).plainText())
                .startsWith("supabase-db is UP again: it was DOWN for 12m30s.")
                .contains("DOWN for:   12m30s\n");
    }

    @Test
    void noSecretSurvivesInSubjectOrBody() {
        String secret = "smtp-app-password-fake-0042";
        Redactor.global().register(secret);
        Notification notification = new Notification("k-" + secret, "ops-email", NotificationKind.REMINDER,
                firing("relay said " + secret), Optional.empty(), "seen " + secret, NOW);

        EmailMessage email = render(notification);

        assertThat(email.subject() + email.plainText() + email.html() + email.key()).doesNotContain(secret);
    }

    private static EmailMessage render(Notification notification) {
        return EmailMessage.render(notification, NOW);
    }
}

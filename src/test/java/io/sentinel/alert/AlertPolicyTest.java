package io.sentinel.alert;

import io.sentinel.model.AlertEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.CheckIndex;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.Severity;
import io.sentinel.daemon.BuiltInKinds;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routing by severity, and a check's or a dependency's own alert settings over it. */
class AlertPolicyTest {

    private static final String CONFIG = """
            dependencies:
              - id: supabase
              - id: hunter
                alerts: {channels: [ops-email], sendOnResolved: false, reminderInterval: 4h}
            checks:
              - id: db-ping
                dependency: supabase
                kind: http
                url: https://db.example.com/
                runbook: https://runbooks.example.com/db
              - id: auth-health
                dependency: supabase
                kind: http
                url: https://auth.example.com/
                alerts: {channels: [ops-slack], reminderInterval: 15m}
              - id: hunter-account
                dependency: hunter
                kind: http
                url: https://hunter.example.com/
            alerts:
              channels:
                - {id: ops-slack, type: slack, webhookUrl: "https://hooks.slack.example/T/B/X"}
                - {id: ops-email, type: email, host: smtp.example.com, from: sentinel@example.com, to: [oncall@example.com]}
            """;

    private final AlertPolicy policy = policy();

    private static AlertPolicy policy() {
        try {
            var config = new ConfigLoader(BuiltInKinds.index(), Map.<String, String>of()::get).parse(Path.of("sentinel.yaml"), CONFIG);
            return new AlertPolicy(config.alerts(), new CheckIndex(config));
        } catch (Exception invalid) {
            throw new IllegalStateException(invalid);
        }
    }

    @Test
    void criticalGoesEverywhereAndHighAndMediumGoToSlackByDefault() {
        assertThat(policy.channelsFor(event("db-ping", Severity.CRITICAL))).containsExactly("ops-slack", "ops-email", "log");
        assertThat(policy.channelsFor(event("db-ping", Severity.HIGH))).containsExactly("ops-slack", "log");
        assertThat(policy.channelsFor(event("db-ping", Severity.MEDIUM))).containsExactly("ops-slack", "log");
    }

    @Test
    void aChecksOwnSettingsWinOverItsDependencyAndTheSeverity() {
        AlertEvent auth = event("auth-health", Severity.CRITICAL);

        assertThat(policy.channelsFor(auth)).containsExactly("ops-slack", "log");
        assertThat(policy.reminderInterval(auth)).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.sendsResolved(auth)).isTrue();
    }

    @Test
    void aDependencysSettingsApplyToItsChecks() {
        AlertEvent hunter = event("hunter-account", Severity.HIGH);

        assertThat(policy.channelsFor(hunter)).containsExactly("ops-email", "log");
        assertThat(policy.sendsResolved(hunter)).isFalse();
        assertThat(policy.reminderInterval(hunter)).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void theRunbookComesFromTheCheckAndFallbacksAreEveryOtherChannel() {
        assertThat(policy.runbook(event("db-ping", Severity.HIGH))).hasValue("https://runbooks.example.com/db");
        assertThat(policy.fallbacksFor("ops-slack")).containsExactly("ops-email", "log");
        assertThat(policy.fallbacksFor("ops-email")).containsExactly("ops-slack", "log");
    }

    private static AlertEvent event(String checkId, Severity severity) {
        AlertEvent base = AlertTesting.firing("inc", checkId, severity, Instant.parse("2026-11-26T10:00:00Z"));
        return new AlertEvent(base.id(), base.incidentId(), base.status(), severity, checkId,
                checkId.startsWith("hunter") ? "hunter" : "supabase", base.state(), base.previousState(),
                base.failureClass(), base.reason(), base.latency(), base.since(), base.at());
    }
}

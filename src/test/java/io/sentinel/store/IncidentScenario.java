package io.sentinel.store;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.sentinel.alert.Notification;
import io.sentinel.alert.NotificationKeys;
import io.sentinel.alert.NotificationKind;
import io.sentinel.alert.outbox.OutboxEntry;
import io.sentinel.alert.silence.Silence;
import io.sentinel.breaker.BreakerTransition;
import io.sentinel.config.Severity;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.model.FailureClass;
import io.sentinel.model.HealthState;
import io.sentinel.probe.ProbeResult;
import io.sentinel.secret.Redactor;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One outage stored the way the daemon stores it, row by row in every table an incident touches: Google Places
 * rejects the key, the breaker opens, an operator silences the dependency, forces the breaker open while the key
 * is rotated and closes it again, a timeout on the way back, then two good probes. Slack takes both alerts, the
 * email channel refuses the first for good.
 */
final class IncidentScenario {

    static final String INCIDENT = "places-search@20261126T091300.200Z";
    static final String CHECK = "places-search";
    static final String DEPENDENCY = "google-places";
    /** A key that must never appear in a report; it is in an operator's reason as typed. */
    static final String SECRET = "AIzaSyD3adb33fC0ffee0123456789abcdefXYZ";
    static final Instant DRAFTED = Instant.parse("2026-11-26T10:00:00Z");
    static final String DENIED = "REQUEST_DENIED: The provided API key is invalid.";

    private IncidentScenario() {
    }

    static Instant at(String time) {
        return Instant.parse("2026-11-26T" + time + "Z");
    }

    static void store(Database database) throws SQLException {
        Redactor.global().register(SECRET);
        List<ProbeResult> results = new ArrayList<>();
        results.add(paid(ProbeResult.of(CHECK, DEPENDENCY, at("09:10:00")).latency(Duration.ofMillis(180)).httpStatus(200)
                .up("3 places")));
        for (String time : List.of("09:11:00", "09:12:00", "09:13:00")) {
            results.add(paid(ProbeResult.of(CHECK, DEPENDENCY, at(time)).latency(Duration.ofMillis(210)).httpStatus(200)
                    .down(FailureClass.AUTH, DENIED)));
        }
        results.add(ProbeResult.of(CHECK, DEPENDENCY, at("09:14:00")).shortCircuited("breaker open"));
        results.add(paid(ProbeResult.of(CHECK, DEPENDENCY, at("09:41:00")).latency(Duration.ofSeconds(10))
                .down(FailureClass.TIMEOUT, "no complete response within 10s")));
        results.add(paid(ProbeResult.of(CHECK, DEPENDENCY, at("09:42:00")).latency(Duration.ofMillis(190))
                .httpStatus(200).up("3 places")));
        results.add(paid(ProbeResult.of(CHECK, DEPENDENCY, at("09:43:00")).latency(Duration.ofMillis(200))
                .httpStatus(200).up("3 places")));
        // another check's failure in the same minutes: not this incident's
        results.add(ProbeResult.of("hunter-account", "hunter", at("09:12:30")).latency(Duration.ofMillis(90))
                .down(FailureClass.QUOTA, "no searches left"));
        new ProbeResultTable(database.dataSource(), new ResultCodec()).insertAll(results.iterator());

        AlertEvent firing = new AlertEvent(INCIDENT + "/FIRING-DOWN@20261126T091300.200Z", INCIDENT,
                AlertStatus.FIRING, Severity.HIGH, CHECK, DEPENDENCY, HealthState.DOWN, HealthState.UP,
                FailureClass.AUTH, "3 failed probes in a row: " + DENIED, Duration.ofMillis(210), at("09:13:00.200"),
                at("09:13:00.200"));
        AlertEvent resolved = new AlertEvent(INCIDENT + "/RESOLVED-UP@20261126T094300.300Z", INCIDENT,
                AlertStatus.RESOLVED, Severity.HIGH, CHECK, DEPENDENCY, HealthState.UP, HealthState.DOWN, null,
                "2 good probes in a row; was DOWN for 30m0s", Duration.ofMillis(200), at("09:13:00.200"),
                at("09:43:00.300"));
        AlertEventStore events = new AlertEventStore(database);
        events.save(firing);
        events.save(resolved);

        OutboxStore outbox = new OutboxStore(database);
        outbox.upsert(OutboxEntry.pending(notification(firing, "ops-slack", at("09:13:00.250")))
                .delivered(at("09:13:01.100")));
        OutboxEntry email = OutboxEntry.pending(notification(firing, "ops-email", at("09:13:00.250")));
        outbox.upsert(email.retryAt(at("09:13:05"), "421 try later").retryAt(at("09:13:20"), "421 try later")
                .failed("535 authentication failed"));
        outbox.upsert(OutboxEntry.pending(notification(resolved, "ops-slack", at("09:43:00.350")))
                .delivered(at("09:43:00.900")));

        BreakerStore breakers = new BreakerStore(database, Clock.fixed(DRAFTED, ZoneOffset.UTC));
        breakers.record(new BreakerTransition(DEPENDENCY, CircuitBreaker.State.OPEN, CircuitBreaker.State.CLOSED,
                at("08:00:00"), "an earlier outage", BreakerTransition.AUTOMATIC));
        breakers.record(new BreakerTransition(DEPENDENCY, CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN,
                at("09:13:30"), "failure rate 100.0% over 4 calls", BreakerTransition.AUTOMATIC));
        breakers.record(new BreakerTransition(DEPENDENCY, CircuitBreaker.State.OPEN, CircuitBreaker.State.FORCED_OPEN,
                at("09:20:00"), "rotating key " + SECRET + ", see INC-7", BreakerTransition.OPERATOR));
        breakers.record(new BreakerTransition(DEPENDENCY, CircuitBreaker.State.FORCED_OPEN, CircuitBreaker.State.CLOSED,
                at("09:40:00"), "new key deployed", BreakerTransition.OPERATOR));

        new SilenceStore(database).save(new Silence("6f0c2a9e-1c4b-4d3a-9f1e-2b7c8d9e0a1b", Optional.empty(),
                Optional.of(DEPENDENCY), Optional.empty(), at("09:15:00"), at("10:15:00"), "key rotation",
                at("09:15:00")));
        new SpendStore(database).add(DEPENDENCY, at("09:00:00").atZone(ZoneOffset.UTC).toLocalDate(), 0.224);
    }

    /** A Places search costs $0.032; the daemon books it on every call that reached Google. */
    private static ProbeResult paid(ProbeResult result) {
        var readings = new java.util.LinkedHashMap<>(result.readings());
        readings.put("cost.usd", 0.032);
        return new ProbeResult(result.checkId(), result.dependency(), result.startedAt(), result.latency(),
                result.outcome(), result.failureClass(), result.httpStatus(), result.message(), readings);
    }

    private static Notification notification(AlertEvent event, String channel, Instant createdAt) {
        return new Notification(NotificationKeys.alert(event, channel), channel, NotificationKind.ALERT, event,
                Optional.empty(), "", createdAt);
    }
}

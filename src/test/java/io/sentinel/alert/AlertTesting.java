package io.sentinel.alert;

import io.sentinel.model.AlertStatus;
import io.sentinel.model.AlertEvent;
import io.sentinel.config.Severity;
import io.sentinel.config.StorageConfig;
import io.sentinel.model.FailureClass;
import io.sentinel.model.HealthState;
import io.sentinel.secret.Secret;
import io.sentinel.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Events, notifications and a real H2 database for the alert tests. */
final class AlertTesting {

    private AlertTesting() {
    }

    static Database h2(Path directory) {
        return Database.open(new StorageConfig("jdbc:h2:file:" + directory.resolve("db/sentinel"), "sa", Secret.none(),
                directory.resolve("reports"), Duration.ofDays(1)));
    }

    static AlertEvent firing(String incident, String checkId, Severity severity, Instant at) {
        return new AlertEvent("evt-" + incident + "-f-" + at.toEpochMilli(), incident, AlertStatus.FIRING, severity, checkId,
                "supabase", HealthState.DOWN, HealthState.UP, FailureClass.TIMEOUT, "3 failed probes in a row: timeout",
                Duration.ofSeconds(10), at, at);
    }

    static AlertEvent resolved(AlertEvent firing, Instant at) {
        return new AlertEvent("evt-" + firing.incidentId() + "-r", firing.incidentId(), AlertStatus.RESOLVED,
                firing.severity(), firing.checkId(), firing.dependency(), HealthState.UP, HealthState.DOWN, null,
                "2 good probes in a row", null, firing.since(), at);
    }

    static Notification notification(String key, String channel, AlertEvent event) {
        return new Notification(key, channel, NotificationKind.ALERT, event, Optional.empty(), "", event.at());
    }
}

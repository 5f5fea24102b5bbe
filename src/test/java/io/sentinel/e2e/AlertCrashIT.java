package io.sentinel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sentinel.testing.DaemonProcess;
import io.sentinel.testing.FailoverDrill;
import io.sentinel.testing.SlackAlertsConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 with notifications still undelivered: after a restart every one is delivered, and none twice. */
class AlertCrashIT {

    private static final int CHECKS = 5;

    @TempDir
    Path directory;

    private FailoverDrill drill;

    @BeforeEach
    void start() throws Exception {
        drill = new FailoverDrill();
        drill.slackTakes(false);
        for (int check = 0; check < CHECKS; check++) {
            drill.fail(check);
        }
        SlackAlertsConfig.write(directory, drill.checks(CHECKS));
    }

    @AfterEach
    void stop() {
        drill.close();
    }

    @Test
    void everyPendingNotificationIsDeliveredExactlyOnceAfterAKill() throws Exception {
        Set<String> queued;
        try (DaemonProcess first = DaemonProcess.start(directory, Map.of())) {
            // Slack fails, so the channel pauses and only its oldest notification is tried: wait until all five are
            // in the outbox and the channel has been tried
            await().atMost(Duration.ofSeconds(30)).until(() -> FailoverDrill.queued(first).size() == CHECKS
                    && !drill.attempted().isEmpty());
            queued = FailoverDrill.queued(first);
            first.kill();
        }
        assertThat(drill.delivered()).as("nothing could be delivered before the kill").isEmpty();

        drill.slackTakes(true);
        try (DaemonProcess second = DaemonProcess.start(directory, Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> drill.delivered().size() == CHECKS);
            Thread.sleep(2_000);

            Map<String, Long> deliveries = drill.delivered().stream().collect(Collectors.groupingBy(Function.identity(),
                    Collectors.counting()));
            assertThat(deliveries).hasSize(CHECKS).allSatisfy((key, times) -> assertThat(times).as(key).isEqualTo(1L));
            assertThat(deliveries.keySet()).isEqualTo(queued);
        }
    }
}

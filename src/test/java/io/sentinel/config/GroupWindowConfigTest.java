package io.sentinel.config;

import static io.sentinel.config.ConfigTexts.MINIMAL;
import static io.sentinel.config.ConfigTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code groupWindow}: under {@code alerts:} for every channel, or on one channel for itself. */
class GroupWindowConfigTest {

    @Test
    void withoutASettingEveryChannelGathersForAQuarterOfASecond() throws InvalidConfigException {
        AlertsConfig alerts = ConfigTexts.load(MINIMAL, Map.of()).alerts();

        assertThat(alerts.groupWindowFor("log")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aChannelsOwnWindowOverridesTheGlobalOne() throws InvalidConfigException {
        AlertsConfig alerts = ConfigTexts.load(MINIMAL + """
                alerts:
                  groupWindow: 1s
                  channels:
                    - {id: ops-slack, type: slack, webhookUrl: "https://hooks.slack.com/services/T0/B0/x", groupWindow: 500ms}
                    - {id: audit, type: log, groupWindow: 0s}
                """, Map.of()).alerts();

        assertThat(alerts.groupWindowFor("ops-slack")).isEqualTo(Duration.ofMillis(500));
        assertThat(alerts.groupWindowFor("audit")).isZero();
        assertThat(alerts.groupWindowFor("log")).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aWindowOutsideItsRangeIsAProblemAtItsPosition() {
        assertThat(problems(MINIMAL + """
                alerts:
                  groupWindow: 11s
                  channels:
                    - {id: audit, type: log, groupWindow: -1s}
                """)).containsExactly(
                "sentinel.yaml:11:43: 'groupWindow' is not a duration: '-1s' — write a duration like 500ms, 30s, 5m,"
                        + " 1h or 1h30m, from 0s to 10s",
                "sentinel.yaml:9:16: 'groupWindow' is 11s, above the maximum — use at most 10s");
    }
}

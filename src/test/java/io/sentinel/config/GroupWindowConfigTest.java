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
    void withoutASettingEveryChannelGathersForAFifthOfASecond() throws InvalidConfigException {
        AlertsConfig alerts = ConfigTexts.load(MINIMAL, Map.of()).alerts();

        assertThat(alerts.groupWindowFor("log")).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aSlackChannelLetsFiveAlertsOutSoonerThanOneASecondUnlessItSaysOtherwise() throws InvalidConfigException {
        AlertsConfig alerts = ConfigTexts.load(MINIMAL + """
                alerts:
                  channels:
                    - {id: ops-slack, type: slack, webhookUrl: "https://hooks.slack.com/services/T0/B0/x"}
                    - {id: quiet-slack, type: slack, webhookUrl: "https://hooks.slack.com/services/T0/B1/y", burst: 1}
                """, Map.of()).alerts();

        assertThat(alerts.channel("ops-slack")).containsInstanceOf(SlackChannelConfig.class).get()
                .extracting(channel -> ((SlackChannelConfig) channel).burst()).isEqualTo(5);
        assertThat(alerts.channel("quiet-slack")).get()
                .extracting(channel -> ((SlackChannelConfig) channel).burst()).isEqualTo(1);
    }

    @Test
    void aBurstOutsideItsRangeOrOnAChannelWithoutAPaceIsAProblemAtItsPosition() {
        assertThat(problems(MINIMAL + """
                alerts:
                  channels:
                    - {id: ops-slack, type: slack, webhookUrl: "https://hooks.slack.com/services/T0/B0/x", burst: 11}
                    - {id: audit, type: log, burst: 2}
                """)).containsExactly(
                "sentinel.yaml:10:99: 'burst' must be between 1 and 10, got 11 — pick a value in that range",
                "sentinel.yaml:11:30: unknown key 'burst' in alerts.channels[1] — allowed here: groupWindow, id, type");
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

package io.sentinel.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.alert.AlertDelivery;
import io.sentinel.alert.dispatch.ChannelRate;
import io.sentinel.alert.dispatch.Grouping;
import io.sentinel.config.AlertsConfig;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.InvalidConfigException;
import io.sentinel.http.HttpCaller;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each channel's pace and grouping, as the configuration sets them. */
class ChannelSendersTest {

    @Test
    void slackIsPacedWithItsBurstAndARouteGroupsOnlyWhenItSetsItsOwnWindow() throws InvalidConfigException {
        AlertsConfig alerts = new ConfigLoader(BuiltInKinds.index(), name -> null).parse(Path.of("sentinel.yaml"), """
                dependencies: [{id: api}]
                checks: [{id: home, dependency: api, kind: http, url: "https://api.example.com/health"}]
                alerts:
                  groupWindow: 300ms
                  channels:
                    - {id: ops-slack, type: slack, webhookUrl: "https://hooks.slack.com/services/T0/B0/x"}
                    - {id: pagerduty, type: route, endpoint: "direct:pagerduty"}
                    - {id: teams, type: route, endpoint: "direct:teams", groupWindow: 500ms}
                """).alerts();

        try (HttpCaller http = new HttpCaller()) {
            Map<String, AlertDelivery.Channel> channels = ChannelSenders.of(alerts, http, (endpoint, body, headers) -> null,
                    Clock.systemUTC()).stream().collect(Collectors.toMap(channel -> channel.sender().channelId(),
                    Function.identity()));

            assertThat(channels.get("ops-slack").rate()).isEqualTo(new ChannelRate(Duration.ofSeconds(1), 5));
            assertThat(channels.get("ops-slack").grouping()).isEqualTo(Grouping.within(Duration.ofMillis(300)));
            assertThat(channels.get("pagerduty").grouping()).as("one event per alert, as PagerDuty's dedup keys need")
                    .isEqualTo(Grouping.NONE);
            assertThat(channels.get("teams").grouping()).isEqualTo(Grouping.within(Duration.ofMillis(500)));
            assertThat(List.of("pagerduty", "teams", "log")).allSatisfy(id ->
                    assertThat(channels.get(id).rate()).isEqualTo(ChannelRate.UNLIMITED));
        }
    }
}

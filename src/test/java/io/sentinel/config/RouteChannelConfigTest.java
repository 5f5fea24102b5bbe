package io.sentinel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code type: route} channels: a {@code direct:} endpoint, or a problem at the line that says what is allowed. */
class RouteChannelConfigTest {

    private static String withChannel(String channel) {
        return ConfigTexts.MINIMAL + """
                alerts:
                  routing:
                    critical: [teams]
                  channels:
                """ + channel;
    }

    @Test
    void aRouteChannelNamesADirectEndpoint() throws InvalidConfigException {
        SentinelConfig config = ConfigTexts.load(withChannel("""
                    - id: teams
                      type: route
                      endpoint: direct:teams-alerts
                """), Map.of());

        assertThat(config.alerts().channel("teams")).contains(new RouteChannelConfig("teams", "direct:teams-alerts"));
        assertThat(config.alerts().channelsFor(Severity.CRITICAL)).containsExactly("teams");
    }

    @Test
    void anEndpointThatIsNotDirectIsRefusedAtItsLine() {
        assertThat(ConfigTexts.problems(withChannel("""
                    - id: teams
                      type: route
                      endpoint: "https://outlook.office.com/webhook/abc"
                """))).anySatisfy(problem -> assertThat(problem).startsWith("sentinel.yaml:14:17: ")
                .contains("endpoint 'https://outlook.office.com/webhook/abc' is not a direct: endpoint")
                .contains("direct:<name>"));
    }

    @Test
    void aMissingEndpointIsNamed() {
        assertThat(ConfigTexts.problems(withChannel("""
                    - id: teams
                      type: route
                """))).anySatisfy(problem -> assertThat(problem).contains("endpoint").contains("direct:teams"));
    }
}

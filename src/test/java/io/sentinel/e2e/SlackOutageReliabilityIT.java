package io.sentinel.e2e;

import java.time.Duration;

/**
 * The Slack outage drill with the five-minute outage of the fault report: the channel's pause reaches its
 * 30 s ceiling. Slow, so it runs with {@code mvn verify -Preliability}.
 */
class SlackOutageReliabilityIT extends SlackOutageDrill {

    @Override
    Duration outage() {
        return Duration.ofMinutes(5);
    }
}

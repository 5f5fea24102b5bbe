package io.sentinel.e2e;

import java.time.Duration;

/** The Slack outage drill with a short outage: long enough for the channel's pause to grow. */
class SlackOutageIT extends SlackOutageDrill {

    @Override
    Duration outage() {
        return Duration.ofSeconds(15);
    }
}

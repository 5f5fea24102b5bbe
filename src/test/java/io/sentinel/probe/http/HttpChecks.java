package io.sentinel.probe.http;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.Severity;
import io.sentinel.probe.condition.Condition;
import io.sentinel.probe.condition.ConditionSyntaxException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builds http checks for tests, the way the configuration would. */
final class HttpChecks {

    private HttpChecks() {
    }

    /** A GET of {@code url} with the given conditions, a 10 s timeout and no latency limit. */
    static CheckConfig get(URI url, String... conditions) {
        return check(HttpCheckOptions.get(url).withConditions(parse(conditions)));
    }

    static CheckConfig check(HttpCheckOptions options) {
        return check(options, Duration.ofSeconds(10), Optional.empty());
    }

    static CheckConfig check(HttpCheckOptions options, Duration timeout, Optional<Duration> latencyLimit) {
        CheckConfig.Builder check = CheckConfig.builder("web-home", "web", HttpCheckKind.NAME, options)
                .interval(Duration.ofMinutes(1)).timeout(timeout).severity(Severity.HIGH).thresholds(3, 2);
        latencyLimit.ifPresent(check::latencyLimit);
        return check.build();
    }

    /** A port nothing listens on: bound once to get a free number, then released. */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static List<Condition> parse(String... conditions) {
        List<Condition> parsed = new ArrayList<>();
        for (String condition : conditions) {
            try {
                parsed.add(Condition.parse(condition));
            } catch (ConditionSyntaxException error) {
                throw new AssertionError(condition + ": " + error.getMessage() + " — " + error.hint(), error);
            }
        }
        return parsed;
    }
}

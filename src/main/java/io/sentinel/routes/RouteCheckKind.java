package io.sentinel.routes;

import io.sentinel.config.CheckKind;
import io.sentinel.config.CheckOptions;
import io.sentinel.config.ConfigSection;

/**
 * The {@code route} check kind: probed by an operator's own route, which starts from
 * {@code kamelet:sentinel-check-source?check=<id>} and ends in {@code kamelet:sentinel-result-sink}. The check
 * keeps everything a check has (dependency, interval, thresholds, severity, alerts); how it probes is the
 * route's. Validation refuses such a check when no route runs it.
 *
 * <pre>
 * - id: partner-login
 *   dependency: partner-api
 *   kind: route
 *   interval: 60s
 * </pre>
 */
public final class RouteCheckKind implements CheckKind {

    public static final String NAME = "route";

    /** A route check has no options of its own: the route holds its URLs and logic. */
    public record Options() implements CheckOptions {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOptions readOptions(ConfigSection check) {
        return new Options();
    }
}

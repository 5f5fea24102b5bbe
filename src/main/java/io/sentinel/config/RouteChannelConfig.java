package io.sentinel.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An alert channel written as a Camel route: the dispatcher sends each notification to {@code endpoint}, a
 * {@code direct:} endpoint that a route in {@code routes/} reads, through the same outbox, order and retries as
 * Slack and email.
 *
 * @param id       the name routing refers to
 * @param endpoint {@code direct:<name>}
 */
public record RouteChannelConfig(String id, String endpoint) implements ChannelConfig {

    public static final String TYPE = "route";
    /** Only {@code direct:}: the call must be synchronous, so that its answer (or exception) is the delivery's. */
    public static final Pattern ENDPOINT = Pattern.compile("direct:[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    public static final String ENDPOINT_RULE = "direct:<name> (letters, digits, '.', '_' and '-'), read by a route"
            + " in routes/ with from: direct:<name>";

    public RouteChannelConfig {
        Identifiers.require(id, "channel id");
        Objects.requireNonNull(endpoint, "endpoint");
        if (!ENDPOINT.matcher(endpoint).matches()) {
            throw new IllegalArgumentException("endpoint must be " + ENDPOINT_RULE + ", was " + endpoint);
        }
    }

    @Override
    public String type() {
        return TYPE;
    }
}

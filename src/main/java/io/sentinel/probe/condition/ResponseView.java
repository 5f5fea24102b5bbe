package io.sentinel.probe.condition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The parts of one response that conditions read. The body is parsed as JSON only when a condition asks for a
 * JSON path, and then only once: most checks test the status alone, and an HTML page should not be parsed for
 * nothing. A view belongs to one response and is read by one thread.
 */
public final class ResponseView {

    /** Trailing text after a JSON value means the body is not the JSON document it seems to start with. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final int status;
    private final Duration latency;
    private final Function<String, Optional<String>> headers;
    private final String body;
    private Optional<JsonNode> json;

    /**
     * @param status  the HTTP status
     * @param latency how long the response took
     * @param headers looks a header up by name, without regard to case
     * @param body    the body as text, empty when there was none
     */
    public ResponseView(int status, Duration latency, Function<String, Optional<String>> headers, String body) {
        this.status = status;
        this.latency = Objects.requireNonNull(latency, "latency");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.body = Objects.requireNonNull(body, "body");
    }

    /** A view over a plain map of headers, matched without regard to case. */
    public static ResponseView of(int status, Duration latency, Map<String, String> headers, String body) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return new ResponseView(status, latency, name -> Optional.ofNullable(byName.get(name)), body);
    }

    public int status() {
        return status;
    }

    public Duration latency() {
        return latency;
    }

    public Optional<String> header(String name) {
        return headers.apply(name);
    }

    public String body() {
        return body;
    }

    /** The body as JSON, or empty when it is not JSON. */
    public Optional<JsonNode> json() {
        if (json == null) {
            json = parse(body);
        }
        return json;
    }

    private static Optional<JsonNode> parse(String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readTree(text)).filter(node -> !node.isMissingNode());
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }
}

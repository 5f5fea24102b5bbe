package io.sentinel.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentinel.probe.Excerpts;
import io.sentinel.model.FailureClass;
import io.sentinel.probe.ProbeResult;
import io.sentinel.http.HttpResponseSnapshot;
import java.io.IOException;
import java.util.Optional;

/** What the readers of provider answers share: parsing the body, and saying the shape is not the one we know. */
public final class ProviderAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderAnswers() {
    }

    /** The body as JSON, or empty when it is not JSON at all. */
    public static Optional<JsonNode> json(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(body));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** A field's text, when it is text and not blank. */
    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    /**
     * The provider answered, but not in the shape we know: SCHEMA, never UP. The status and an excerpt are
     * kept so a person can see what really came back.
     */
    public static ProbeResult schemaChanged(ProbeResult.Builder result, HttpResponseSnapshot response, String expected) {
        return result.down(FailureClass.SCHEMA, "HTTP " + response.status() + ", expected " + expected + "; got: "
                + Excerpts.of(response.body()));
    }
}

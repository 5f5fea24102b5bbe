package io.sentinel.provider.supabase;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.sentinel.provider.ProviderFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The recorded Supabase answers in {@code fixtures/supabase/}, served with the status and headers their
 * {@code index.json} entry gives, so a test states which answer it replays and nothing else.
 */
final class SupabaseFixtures {

    private static final JsonNode INDEX = readIndex();

    private SupabaseFixtures() {
    }

    /** The fixture as WireMock's answer: its recorded status, headers and body. */
    static ResponseDefinitionBuilder response(String file) {
        JsonNode entry = entry(file);
        ResponseDefinitionBuilder response = aResponse().withStatus(entry.get("http_status").asInt()).withBody(body(file));
        Iterator<Map.Entry<String, JsonNode>> headers = entry.path("headers").fields();
        while (headers.hasNext()) {
            Map.Entry<String, JsonNode> header = headers.next();
            response.withHeader(header.getKey(), header.getValue().asText());
        }
        return response;
    }

    static int status(String file) {
        return entry(file).get("http_status").asInt();
    }

    static String body(String file) {
        return ProviderFixtures.body("supabase/" + file);
    }

    private static JsonNode entry(String file) {
        for (JsonNode entry : INDEX.get("fixtures")) {
            if (entry.get("file").asText().equals(file)) {
                return entry;
            }
        }
        throw new IllegalArgumentException("fixture " + file + " is not in index.json");
    }

    private static JsonNode readIndex() {
        try {
            return new ObjectMapper().readTree(body("index.json"));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}

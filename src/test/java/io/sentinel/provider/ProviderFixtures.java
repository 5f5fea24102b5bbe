package io.sentinel.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Provider response bodies from {@code src/test/resources/fixtures/}, and checks to probe them with. */
public final class ProviderFixtures {

    private ProviderFixtures() {
    }

    /** The body stored at {@code fixtures/<path>}, e.g. {@code cobalt/throttled.json}. */
    public static String body(String path) {
        try (InputStream in = ProviderFixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** The fixture served as JSON with the HTTP status the fixture index gives for it. */
    public static ResponseDefinitionBuilder json(int status, String path) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body(path));
    }

    /** A check of {@code kind} with a 10 s timeout, as a configuration would make it. */
    public static CheckConfig check(String kind, CheckOptions options) {
        return check(kind, options, Duration.ofSeconds(10));
    }

    public static CheckConfig check(String kind, CheckOptions options, Duration timeout) {
        return CheckConfig.builder(kind + "-probe", kind, kind, options).timeout(timeout).build();
    }
}

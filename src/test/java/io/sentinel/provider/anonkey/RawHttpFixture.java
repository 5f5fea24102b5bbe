package io.sentinel.provider.anonkey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** A raw HTTP response kept in {@code src/test/resources/fixtures/} (status line, headers, blank line, body). */
final class RawHttpFixture {

    private RawHttpFixture() {
    }

    static ResponseDefinitionBuilder response(String resource) {
        String raw = read(resource).replace("\r\n", "\n");
        int split = raw.indexOf("\n\n");
        String[] head = raw.substring(0, split).split("\n");
        ResponseDefinitionBuilder response = aResponse().withStatus(Integer.parseInt(head[0].split(" ")[1]));
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            response.withHeader(head[i].substring(0, colon).strip(), head[i].substring(colon + 1).strip());
        }
        return response.withBody(raw.substring(split + 2));
    }

    private static String read(String resource) {
        try (InputStream in = RawHttpFixture.class.getResourceAsStream("/fixtures/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}

package io.sentinel.provider.vercel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A raw HTTP response from the fixtures ({@code HTTP/1.1 404 Not Found}, headers, blank line, body), served
 * by WireMock exactly as written.
 */
record RawHttpFixture(int status, Map<String, String> headers, String body) {

    static RawHttpFixture load(String name) {
        String text = resource(name).replace("\r\n", "\n");
        int end = text.indexOf("\n\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 2);
        String[] lines = head.split("\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new IllegalArgumentException(name + " does not start with an HTTP status line: " + lines[0]);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
        }
        return new RawHttpFixture(Integer.parseInt(statusLine[1]), headers, body);
    }

    ResponseDefinitionBuilder response() {
        ResponseDefinitionBuilder response = aResponse().withStatus(status).withBody(body);
        headers.forEach(response::withHeader);
        return response;
    }

    static String resource(String name) {
        try (InputStream in = RawHttpFixture.class.getResourceAsStream("/fixtures/vercel/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}

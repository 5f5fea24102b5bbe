package io.sentinel.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A raw HTTP response from {@code src/test/resources/fixtures/} ({@code HTTP/1.1 404 Not Found}, headers, blank
 * line, body), served by WireMock exactly as written.
 */
public record RawHttpFixture(int status, Map<String, String> headers, String body) {

    /** The fixture at {@code fixtures/<path>}, e.g. {@code vercel/site-function-timeout.txt}. */
    public static RawHttpFixture load(String name) {
        String text = ProviderFixtures.body(name).replace("\r\n", "\n");
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

    public ResponseDefinitionBuilder response() {
        ResponseDefinitionBuilder response = aResponse().withStatus(status).withBody(body);
        headers.forEach(response::withHeader);
        return response;
    }
}

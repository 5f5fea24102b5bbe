package io.sentinel.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/** Turns a {@link HttpRequestSpec} into an Apache HttpClient request with the timeouts of one call. */
final class ClassicRequests {

    private ClassicRequests() {
    }

    static HttpUriRequestBase build(HttpRequestSpec spec, Duration connectTimeout, Duration deadline) {
        HttpUriRequestBase request = new HttpUriRequestBase(spec.method().name(), spec.uri());
        spec.headers().forEach(request::addHeader);
        // The connection is never reused, so say so: the server then closes its side at once too.
        request.setHeader(HttpHeaders.CONNECTION, "close");
        spec.body().ifPresent(body -> request.setEntity(new StringEntity(body, contentType(spec.headers(), body))));
        request.setConfig(config(connectTimeout, deadline));
        return request;
    }

    @SuppressWarnings("deprecation") // per-request connect timeouts: ConnectionConfig would fix one per route
    private static RequestConfig config(Duration connectTimeout, Duration deadline) {
        return RequestConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setConnectionRequestTimeout(Timeout.of(deadline))
                .setResponseTimeout(Timeout.of(deadline))
                // HttpCaller follows redirects itself, so that each target is judged first
                .setRedirectsEnabled(false)
                .build();
    }

    /**
     * The configured Content-Type when there is one. Otherwise a body that looks like JSON is sent as JSON,
     * because that is what health and API endpoints expect and operators forget the header. UTF-8 unless the
     * type names another charset (HttpClient would default to ISO-8859-1).
     */
    private static ContentType contentType(Map<String, String> headers, String body) {
        ContentType type = headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE))
                .findFirst()
                .map(header -> ContentType.parseLenient(header.getValue()))
                .orElseGet(() -> ContentType.create(looksLikeJson(body) ? "application/json" : "text/plain", StandardCharsets.UTF_8));
        return type.getCharset() == null ? type.withCharset(StandardCharsets.UTF_8) : type;
    }

    private static boolean looksLikeJson(String body) {
        String start = body.stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }
}

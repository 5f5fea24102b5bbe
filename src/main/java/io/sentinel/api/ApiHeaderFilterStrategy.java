package io.sentinel.api;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.apache.camel.spi.HeaderFilterStrategy;

/**
 * Which values cross between HTTP and the Camel message, as two allow-lists.
 *
 * <p>platform-http copies every request header, query parameter and form field into the message, and copies
 * every message header back into the response. Left at that, {@code ?Set-Cookie=…} came back as a real
 * {@code Set-Cookie} header, and a query name that cannot be a header name failed the response with a 500.
 * So only the values the handlers read come in, and only the API's own headers go out.
 */
public final class ApiHeaderFilterStrategy implements HeaderFilterStrategy {

    /**
     * The headers {@link ApiReplies} and {@link StatusPage} set; Vert.x adds Content-Length or Transfer-Encoding
     * itself.
     */
    static final Set<String> RESPONSE_HEADERS = caseInsensitive("Content-Type", "Cache-Control", "WWW-Authenticate",
            "Retry-After", "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy");

    /** The query parameters the handlers read. */
    static final Set<String> QUERY_PARAMETERS = caseInsensitive("limit", "reason", "state", "since", "offset",
            "format", "kind");

    static final String AUTHORIZATION = "Authorization";

    /** Camel message to HTTP response: true means "do not send". */
    @Override
    public boolean applyFilterToCamelHeaders(String headerName, Object headerValue, Exchange exchange) {
        return !RESPONSE_HEADERS.contains(headerName);
    }

    /** HTTP request to Camel message: true means "do not copy". */
    @Override
    public boolean applyFilterToExternalHeaders(String headerName, Object headerValue, Exchange exchange) {
        if (AUTHORIZATION.equalsIgnoreCase(headerName)) {
            return !isTheAuthorizationHeader(headerValue, exchange);
        }
        return !QUERY_PARAMETERS.contains(headerName);
    }

    /**
     * The admin token counts only in the {@code Authorization} header. platform-http offers query parameters
     * and form fields to this filter under the same name as headers, so a value is let in only when the
     * request really carries it as a header, and only once: headers are copied before parameters, and a
     * second copy would turn the header into a list.
     */
    private static boolean isTheAuthorizationHeader(Object value, Exchange exchange) {
        Message message = exchange.getIn();
        if (!(message instanceof HttpMessage http) || message.getHeader(AUTHORIZATION) != null) {
            return false;
        }
        return http.getRequest().headers().getAll(AUTHORIZATION).contains(String.valueOf(value));
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(Set.of(names));
        return Collections.unmodifiableSet(set);
    }
}

package io.sentinel.api.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Looks at every request before the router does and refuses, in JSON, what the API can never accept: a URL
 * with a malformed {@code %} escape (Vert.x would fail it deep in routing and log a stack trace), a body over
 * the limit, and a body that is not JSON (form and multipart bodies would otherwise be parsed, and multipart
 * files written to disk, before any handler could refuse them). Everything else goes on to the router.
 *
 * <p>A refused body is not read; Vert.x discards it as it arrives, so the connection stays usable.
 */
final class RequestGate implements Handler<HttpServerRequest> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RequestGate.class);
    private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

    /** Why a request is refused. */
    record Refusal(int status, String message) {
    }

    private final Handler<HttpServerRequest> next;
    private final long maxBodyBytes;

    RequestGate(Handler<HttpServerRequest> next, long maxBodyBytes) {
        this.next = next;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpServerRequest request) {
        Optional<Refusal> refusal;
        try {
            refusal = inspect(request.uri(), request.headers());
        } catch (RuntimeException unexpected) {
            // the checks only read what the client sent; whatever they trip over, the request is not one to route
            LOG.warn("Could not inspect {} {}: {}", request.method(), request.path(), unexpected.toString());
            refusal = refuse(400, "the request is malformed");
        }
        if (refusal.isPresent()) {
            LOG.debug("Refused {} {} with {}", request.method(), request.path(), refusal.get().status());
            ErrorAnswers.send(request.response(), refusal.get().status(), refusal.get().message());
            return;
        }
        next.handle(request);
    }

    Optional<Refusal> inspect(String uri, MultiMap headers) {
        if (uri == null || MALFORMED_ESCAPE.matcher(uri).find()) {
            return refuse(400, "the URL has a malformed %-escape: write escapes as % and two hex digits, and % itself as %25");
        }
        String contentLength = headers.get("Content-Length");
        long length;
        try {
            length = contentLength == null ? 0 : Long.parseLong(contentLength.strip());
        } catch (NumberFormatException notANumber) {
            length = -1;
        }
        if (length < 0) {
            return refuse(400, "Content-Length must be a number of bytes");
        }
        if (length > maxBodyBytes) {
            return refuse(413, "the body is larger than " + maxBodyBytes + " bytes");
        }
        boolean hasBody = length > 0 || headers.contains("Transfer-Encoding");
        return hasBody ? inspectContentType(headers.get("Content-Type")) : Optional.empty();
    }

    /** Bodies are JSON; without a Content-Type the handler finds out whether it is. */
    private static Optional<Refusal> inspectContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return Optional.empty();
        }
        String[] parts = contentType.split(";", -1);
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            return refuse(415, "send the body as JSON with Content-Type: application/json");
        }
        for (int index = 1; index < parts.length; index++) {
            String parameter = parts[index].strip();
            if (parameter.regionMatches(true, 0, "charset=", 0, 8) && !isKnownCharset(parameter.substring(8))) {
                return refuse(415, "unknown charset in Content-Type: send the body as UTF-8");
            }
        }
        return Optional.empty();
    }

    private static boolean isKnownCharset(String name) {
        String unquoted = name.strip().replace("\"", "");
        try {
            return !unquoted.isEmpty() && Charset.isSupported(unquoted);
        } catch (IllegalCharsetNameException malformed) {
            return false;
        }
    }

    private static Optional<Refusal> refuse(int status, String message) {
        return Optional.of(new Refusal(status, message));
    }
}

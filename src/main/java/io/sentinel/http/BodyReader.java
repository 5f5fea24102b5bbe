package io.sentinel.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/** Reads a response body up to a size limit, so that a huge or endless body cannot exhaust memory. */
final class BodyReader {

    /**
     * What was read.
     *
     * @param text      the body, decoded
     * @param truncated true when the body was longer than the limit; the caller must abort the connection
     *                  rather than close it, because closing would read the rest
     */
    record Body(String text, boolean truncated) {
        static final Body NONE = new Body("", false);
    }

    private BodyReader() {
    }

    /** Reads one byte past the limit: that is how a body of exactly the limit is told from a longer one. */
    static Body read(HttpEntity entity, int limit) throws IOException {
        if (entity == null) {
            return Body.NONE;
        }
        InputStream content = entity.getContent();
        if (content == null) {
            return Body.NONE;
        }
        byte[] bytes = content.readNBytes(limit + 1);
        boolean truncated = bytes.length > limit;
        return new Body(new String(bytes, 0, Math.min(bytes.length, limit), charsetOf(entity)), truncated);
    }

    private static Charset charsetOf(HttpEntity entity) {
        String contentType = entity.getContentType();
        // most answers name no charset: no need to parse the header to learn that the default applies
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("charset")) {
            return StandardCharsets.UTF_8;
        }
        try {
            ContentType type = ContentType.parseLenient(contentType);
            return ContentType.getCharset(type, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknownCharset) {
            return StandardCharsets.UTF_8;
        }
    }
}

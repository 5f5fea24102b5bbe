package io.sentinel.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code GET /}: the status page, one self-contained HTML file from the classpath (its CSS and script inline, no
 * other request but the API's JSON), so it works offline and behind any proxy. It holds no data: the script reads
 * {@code /api/status}, {@code /api/breakers}, {@code /api/incidents} and {@code /api/latency}, which redact as every
 * API answer does.
 *
 * <p>The Content-Security-Policy allows exactly the page's own inline script and style, by their SHA-256 hashes
 * computed here from the file, and requests to this origin only: an edit of the page cannot forget to update it,
 * and nothing injected into the page could run or send data elsewhere.
 */
public final class StatusPage {

    static final String RESOURCE = "/status/index.html";
    private static final Pattern SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    private final String html;
    private final String contentSecurityPolicy;

    public StatusPage() {
        this.html = load();
        this.contentSecurityPolicy = policyFor(html);
    }

    /** Answers with the page, replacing whatever headers the request brought into the message. */
    public void render(Exchange exchange) {
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        message.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
        message.setHeader("Cache-Control", "no-cache");
        message.setHeader("Content-Security-Policy", contentSecurityPolicy);
        message.setHeader("X-Content-Type-Options", "nosniff");
        message.setHeader("Referrer-Policy", "no-referrer");
        message.setBody(html);
    }

    String html() {
        return html;
    }

    String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    static String policyFor(String page) {
        return "default-src 'none'; script-src " + hashes(SCRIPT, page) + "; style-src " + hashes(STYLE, page)
                + "; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    private static String hashes(Pattern element, String page) {
        List<String> sources = new ArrayList<>();
        Matcher matcher = element.matcher(page);
        while (matcher.find()) {
            sources.add("'sha256-" + sha256(matcher.group(1)) + "'");
        }
        if (sources.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " has no inline " + element.pattern());
        }
        return String.join(" ", sources);
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    private static String load() {
        try (InputStream in = StatusPage.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar has no status page at " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the status page " + RESOURCE, unreadable);
        }
    }
}

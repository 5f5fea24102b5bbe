package io.sentinel.probe.http;

import io.sentinel.http.ResponseHeaders;
import io.sentinel.http.HttpResponseSnapshot;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeBlockTest {

    @Test
    void cloudflaresDocumentedChallengeHeaderDecidesWhateverTheBody() {
        assertThat(EdgeBlock.in(response(403, "{}", "cf-mitigated", "challenge")))
                .contains(new EdgeBlock("Cloudflare", "cf-mitigated: challenge"));
    }

    @Test
    void vercelAndAwsMitigationHeadersDecide() {
        assertThat(EdgeBlock.in(response(429, "", "x-vercel-mitigated", "challenge")))
                .contains(new EdgeBlock("Vercel Firewall", "x-vercel-mitigated: challenge"));
        assertThat(EdgeBlock.in(response(202, "", "x-amzn-waf-action", "captcha")))
                .contains(new EdgeBlock("AWS WAF", "x-amzn-waf-action: captcha"));
    }

    @Test
    void aCloudflareBlockPageWithoutTheHeaderIsRecognisedByItsMarks() {
        String page = "<html><title>Attention Required! | Cloudflare</title><h1>Sorry, you have been blocked</h1></html>";

        assertThat(EdgeBlock.in(response(403, page, "Content-Type", "text/html", "Server", "cloudflare")))
                .map(EdgeBlock::vendor).contains("Cloudflare");
    }

    @Test
    void anOriginPageServedThroughCloudflareIsNotABlock() {
        String page = "<html><title>403 Forbidden</title><body>nginx</body></html>";

        assertThat(EdgeBlock.in(response(403, page, "Content-Type", "text/html", "Server", "cloudflare", "CF-RAY", "8f1a-IAD")))
                .isEmpty();
    }

    @Test
    void cloudflaresOriginErrorPagesAreOutagesNotBlocks() {
        String page = "<html><title>example.com | 522: Connection timed out</title>Cloudflare Ray ID: 8f1a</html>";

        assertThat(EdgeBlock.in(response(522, page, "Content-Type", "text/html", "Server", "cloudflare"))).isEmpty();
    }

    @Test
    void aJsonErrorIsNeverABlockPage() {
        assertThat(EdgeBlock.in(response(403, "{\"message\":\"Access denied\"}", "Content-Type", "application/json"))).isEmpty();
    }

    @Test
    void theDescriptionSaysTheCredentialsWereNotChecked() {
        assertThat(new EdgeBlock("Akamai", "\"Access Denied\" page").describe(403))
                .isEqualTo("HTTP 403 from Akamai (\"Access Denied\" page): blocked by the CDN/firewall in front of the service, "
                        + "not an answer from it; the credentials were not checked");
    }

    private static HttpResponseSnapshot response(int status, String body, String... headerPairs) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int index = 0; index < headerPairs.length; index += 2) {
            headers.put(headerPairs[index], List.of(headerPairs[index + 1]));
        }
        return new HttpResponseSnapshot(status, new ResponseHeaders(headers), body, false, Duration.ofMillis(5));
    }
}

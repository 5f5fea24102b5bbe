package io.sentinel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** The page's own promises, without a browser: self-contained, its policy matching its inline code exactly. */
class StatusPageTest {

    private final StatusPage page = new StatusPage();

    @Test
    void thePolicyAllowsExactlyThePagesInlineScriptAndStyleByHash() throws Exception {
        String html = page.html();
        String script = html.substring(html.indexOf("<script>") + 8, html.indexOf("</script>"));
        String style = html.substring(html.indexOf("<style>") + 7, html.indexOf("</style>"));

        assertThat(page.contentSecurityPolicy())
                .contains("script-src 'sha256-" + sha256(script) + "'")
                .contains("style-src 'sha256-" + sha256(style) + "'")
                .contains("default-src 'none'", "connect-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe");
    }

    @Test
    void thePageIsSelfContainedAndUsableOnAPhone() {
        assertThat(page.html())
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("@media (max-width: 600px)")
                .doesNotContainPattern("(src|href)=\"(https?:)?//")
                .doesNotContain(" style=\"")
                .doesNotContain("innerHTML");
    }

    @Test
    void aPageWithoutInlineCodeHasNoPolicyToGive() {
        assertThatThrownBy(() -> StatusPage.policyFor("<html><body>nothing</body></html>"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void renderingDropsWhatTheRequestBroughtAndSetsThePagesHeaders() {
        CamelContext camel = new DefaultCamelContext();
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader("Set-Cookie", "from=request");
        exchange.getMessage().setHeader("Authorization", "Bearer token-from-request");

        page.render(exchange);

        assertThat(exchange.getMessage().getHeaders()).containsOnlyKeys(Exchange.HTTP_RESPONSE_CODE, Exchange.CONTENT_TYPE,
                "Cache-Control", "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy");
        assertThat(exchange.getMessage().getHeader(Exchange.CONTENT_TYPE)).isEqualTo("text/html; charset=utf-8");
        assertThat(exchange.getMessage().getBody(String.class)).startsWith("<!DOCTYPE html>");
    }

    private static String sha256(String text) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}

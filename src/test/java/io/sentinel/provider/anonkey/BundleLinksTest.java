package io.sentinel.provider.anonkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class BundleLinksTest {

    private static final URI PAGE = URI.create("https://app.example.com/dashboard/");

    @Test
    void scriptsPreloadsAndAssetPathsAreFoundSameOriginFirst() {
        String html = """
                <script src="https://cdn.example.net/analytics.js" async></script>
                <script type="module" crossorigin src="/assets/index-A1.js"></script>
                <script data-src="/static/lazy.js"></script>
                <link rel="modulepreload" href="./assets/vendor-B2.js">
                <link rel=preload as=script href='/assets/router-C3.js'>
                <link rel="preload" as="style" href="/assets/index-D4.css">
                <link rel="stylesheet" href="/static/theme.js">
                <script>window.__chunks = ["/assets/extra-E5.js"]</script>
                <script type="module" src="/assets/index-A1.js"></script>
                """;

        assertThat(BundleLinks.inPage(PAGE, html)).containsExactly(
                URI.create("https://app.example.com/assets/index-A1.js"),
                URI.create("https://app.example.com/dashboard/assets/vendor-B2.js"),
                URI.create("https://app.example.com/assets/router-C3.js"),
                URI.create("https://app.example.com/assets/extra-E5.js"),
                URI.create("https://cdn.example.net/analytics.js"));
    }

    @Test
    void chunksABundleImportsAreResolvedBesideIt() {
        URI bundle = URI.create("https://app.example.com/assets/index-A1.js");
        String code = "import(\"./Dashboard-x1.js\");const m=[\"assets/Settings-y2.js\",\"assets/app.css\"];"
                + "fetch(\"/api/data.json\")";

        assertThat(BundleLinks.inBundle(URI.create("https://app.example.com/"), bundle, code)).containsExactly(
                URI.create("https://app.example.com/assets/Dashboard-x1.js"),
                URI.create("https://app.example.com/assets/Settings-y2.js"));
    }

    @Test
    void unusableReferencesAreSkipped() {
        String html = "<script src=\"data:text/javascript,alert(1)\"></script><script src=\"\"></script>"
                + "<script src=\"javascript:void(0)\"></script>";

        assertThat(BundleLinks.inPage(PAGE, html)).isEmpty();
    }
}

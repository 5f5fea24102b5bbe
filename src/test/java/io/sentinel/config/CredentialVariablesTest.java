package io.sentinel.config;

import static io.sentinel.config.ConfigTexts.MINIMAL;
import static io.sentinel.config.ConfigTexts.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.secret.Redactor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A value taken from a credential-named environment variable is masked wherever the configuration puts it, not
 * only in headers: a key in a URL's path or in a parameter the redactor does not know by name still never shows.
 */
class CredentialVariablesTest {

    @Test
    void aKeyInAUrlPathOrAnUnusualParameterIsMaskedOnceTheConfigurationIsRead() throws Exception {
        String pathKey = "path-key-3c9e1a7f55d0";
        String queryToken = "query-token-b81f4e2a9c63";
        load(MINIMAL.replace("url: https://api.example.com/health",
                "url: https://api.example.com/v1/${ACME_API_KEY}/health?q=${ACME_SEARCH_TOKEN}"), Map.of(
                "ACME_API_KEY", pathKey, "ACME_SEARCH_TOKEN", queryToken));

        String line = Redactor.global().redact("GET https://api.example.com/v1/" + pathKey + "/health?q=" + queryToken
                + " failed");

        assertThat(line).doesNotContain(pathKey).doesNotContain(queryToken).contains("api.example.com");
    }

    @Test
    void aValueFromAVariableWhoseNameSaysNothingOfCredentialsStaysReadable() throws Exception {
        String region = "europe-west-3-zone-b";
        load(MINIMAL.replace("url: https://api.example.com/health", "url: https://api.example.com/${ACME_REGION}/health"),
                Map.of("ACME_REGION", region));

        assertThat(Redactor.global().redact("probing " + region)).contains(region);
    }
}

package io.sentinel.config;

import static io.sentinel.config.ConfigTexts.MINIMAL;
import static io.sentinel.config.ConfigTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Problems quote what the operator wrote: a {@code ${VAR}} stays a reference in every message, whichever
 * reader wrote it, and credentials written into a URL are masked.
 */
class ProblemSecrecyTest {

    private static final String WEBHOOK = "https://hooks.slack.com/services/T0PLANT/B0PLANT/plantedWebhookSecret42";
    private static final String TOKEN = "planted-token-7f3a9c1e5b2d";
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "SLACK_WEBHOOK_URL", WEBHOOK,
            "SECRET_ID", TOKEN,
            "SECRET_SLUG", "sk live/" + TOKEN,
            "DATABASE_URL", "jdbc:mysql://app:" + TOKEN + "@db.example.com/x");

    private static void assertNoSecretIn(List<String> problems) {
        for (String secret : List.of(WEBHOOK, TOKEN)) {
            for (String form : List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
                    Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)),
                    secret.substring(secret.length() - 12))) {
                assertThat(problems).noneMatch(problem -> problem.contains(form));
            }
        }
    }

    @Test
    void aWrongWordFromTheEnvironmentIsQuotedAsItsReference() {
        List<String> problems = problems(MINIMAL + "    severity: ${SLACK_WEBHOOK_URL}\n", ENVIRONMENT);

        assertThat(problems).containsExactly(
                "sentinel.yaml:8:15: 'severity' cannot be '${SLACK_WEBHOOK_URL}' — use one of critical, high, medium");
        assertNoSecretIn(problems);
    }

    @Test
    void durationsNumbersAndUrlsFromTheEnvironmentAreQuotedAsReferences() {
        List<String> problems = problems(MINIMAL.replace("url: https://api.example.com/health", "url: ${SECRET_ID}") + """
                    interval: ${SLACK_WEBHOOK_URL}
                    failureThreshold: ${SECRET_ID}
                    costPerCall: x${SECRET_ID}
                    latencyLimit: ${SLACK_WEBHOOK_URL:5s}
                """, ENVIRONMENT);

        assertThat(problems).containsExactlyInAnyOrder(
                "sentinel.yaml:7:10: 'url' has no scheme: '${SECRET_ID}' — write the full URL, e.g. https://api.example.com/health",
                "sentinel.yaml:8:15: 'interval' is not a duration: '${SLACK_WEBHOOK_URL}' — write a duration like 500ms, 30s, 5m,"
                        + " 1h or 1h30m, from 100ms to 7d",
                "sentinel.yaml:9:23: 'failureThreshold' must be a whole number, got '${SECRET_ID}' — for example failureThreshold: 3"
                        + " (from 1 to 1000)",
                "sentinel.yaml:10:18: 'costPerCall' must be a number, got 'x${SECRET_ID}' — US dollars per probe, e.g. costPerCall: 0.015",
                "sentinel.yaml:11:19: 'latencyLimit' is not a duration: '${SLACK_WEBHOOK_URL:5s}' — write a duration like 500ms,"
                        + " 30s, 5m, 1h or 1h30m, from 1ms to 10m");
        assertNoSecretIn(problems);
    }

    @Test
    void aValueAnotherReaderQuotesIsShownAsItsReferenceToo() {
        // the supabase-function kind quotes the slug it was given; it cannot know where the slug came from
        List<String> problems = problems("""
                dependencies:
                  - id: fns
                checks:
                  - id: fn
                    dependency: fns
                    kind: supabase-function
                    projectUrl: https://abcdefghijklmnopqrst.supabase.co
                    anonKey: key
                    function: ${SECRET_SLUG}
                """, ENVIRONMENT);

        assertThat(problems).singleElement().asString().contains("'function' must be the function's slug, got '${SECRET_SLUG}'");
        assertNoSecretIn(problems);
    }

    @Test
    void idsFromTheEnvironmentStayReferencesInEveryListAndRepetition() {
        List<String> problems = problems("""
                dependencies:
                  - id: ${SECRET_ID}
                checks:
                  - {id: "${SECRET_ID}", dependency: "${SECRET_ID}", kind: http, url: "https://a.example/"}
                  - {id: "${SECRET_ID}", dependency: "${SECRET_ID}", kind: http, url: "https://a.example/"}
                  - {id: other, dependency: nope, kind: http, url: "https://a.example/"}
                """, ENVIRONMENT);

        assertThat(problems).containsExactly(
                "sentinel.yaml:5:10: check id '${SECRET_ID}' is used twice — give each check its own id, e.g. ${SECRET_ID}-2",
                "sentinel.yaml:6:29: check names dependency 'nope', which is not defined under dependencies: — defined: ${SECRET_ID}");
        assertNoSecretIn(problems);
    }

    @Test
    void credentialsInAStorageUrlAreMaskedWhetherWrittenOrFromTheEnvironment() {
        List<String> written = problems("storage: {url: \"jdbc:mysql://app:hunter2-pass@db/x?user=a&password=Lit3ralPassw0rd&sslpassword=also-secret\"}\n"
                + MINIMAL);
        List<String> fromEnvironment = problems("storage: {url: \"${DATABASE_URL}\"}\n" + MINIMAL, ENVIRONMENT);

        assertThat(written).containsExactly("sentinel.yaml:1:16: storage url 'jdbc:mysql://app:****@db/x?user=a&password=****"
                + "&sslpassword=****' is neither H2 nor PostgreSQL — use jdbc:postgresql://host:5432/db or jdbc:h2:file:./data/sentinel");
        assertThat(String.join("\n", written)).doesNotContain("hunter2-pass", "Lit3ralPassw0rd", "also-secret");
        assertThat(fromEnvironment).singleElement().asString().contains("storage url '${DATABASE_URL}' is neither H2 nor PostgreSQL");
        assertNoSecretIn(fromEnvironment);
    }

    @Test
    void aLongValueIsCutAndControlCharactersAreShownEscaped() {
        List<String> problems = problems(MINIMAL + "    severity: \"" + "x".repeat(10_000) + "\\e[31m\\n\"\n");

        assertThat(problems).singleElement().asString()
                .startsWith("sentinel.yaml:8:15: 'severity' cannot be 'xxxx")
                .contains("…' — use one of")
                .doesNotContain("\n", "\u001b")
                .hasSizeLessThan(250);
        assertThat(problems(MINIMAL + "    severity: \"\\e[31mred\\r\\nend\"\n")).singleElement().asString()
                .contains("'severity' cannot be '\\u001B[31mred\\r\\nend'");
    }
}

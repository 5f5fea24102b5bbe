package io.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.ConfigLoader;
import io.sentinel.config.RuleConfig;
import io.sentinel.config.SentinelConfig;
import io.sentinel.daemon.BuiltInKinds;
import io.sentinel.provider.github.GitHubActionsOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The configuration shipped in config/sentinel.yaml: valid with no environment at all, and with every key set. */
class ShippedConfigTest {

    private static final Path SHIPPED = Path.of("config", "sentinel.yaml");

    @Test
    void theShippedConfigurationIsValidOnAFreshMachine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Sentinel.run(new String[] {"validate", "--config", SHIPPED.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                name -> null);

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("valid (25 checks, 13 dependencies)");
    }

    @Test
    void theOpsTeamsAlertConditionsAreRules() throws Exception {
        SentinelConfig config = new ConfigLoader(BuiltInKinds.index(), name -> null).load(SHIPPED);

        assertThat(rules(config, "edge-function-traffic")).as("error rate > 1%% of any edge function, on real traffic").contains(
                "error-rate-of-function.any.server-errors-per-function.any.invocations-above-1pct-over-15m-min-20",
                "function.any.p95-ms-above-5000");
        assertThat(rules(config, "fn-enrichment-orchestrator")).as("response time > 5 s").contains("p95-above-5s-over-15m-min-10");
        assertThat(rules(config, "supabase-db-ping")).as("database connection failures").contains("error-rate-above-5pct-over-15m-min-10");
        for (String provider : List.of("google-places-search", "foursquare-search", "hunter-account", "neverbounce-account",
                "cobalt-cached-search")) {
            assertThat(rules(config, provider)).as("third-party failure rate > 5%% of %s", provider)
                    .contains("error-rate-above-5pct-over-6h-min-10");
        }
        assertThat(rules(config, "api-cost-per-discovery")).as("cost anomalies > 150%% of baseline")
                .contains("discovery.cost-per-lead-above-150pct-of-its-7d-median");
    }

    @Test
    void ciOnGitHubIsWatchedAndSkipsUntilItsTokenIsSet() throws Exception {
        SentinelConfig config = new ConfigLoader(BuiltInKinds.index(), name -> null).load(SHIPPED);

        GitHubActionsOptions ci = config.check("prospectpro-ci").orElseThrow().options(GitHubActionsOptions.class);
        assertThat(ci.repository()).isEqualTo("Appsmithery/ProspectPro");
        assertThat(ci.branch()).isEqualTo("main");
        assertThat(ci.missingCredential()).contains("set GITHUB_TOKEN");
        assertThat(config.check("leads-freshness")).isPresent();
        assertThat(config.check("enrichment-cache-freshness")).isPresent();
    }

    private static List<String> rules(SentinelConfig config, String checkId) {
        return config.check(checkId).orElseThrow().rules().stream().map(RuleConfig::id).toList();
    }

    @Test
    void everyVariableTheConfigurationUsesIsDocumentedInTheEnvironmentExample() throws Exception {
        String yaml = Files.readAllLines(SHIPPED).stream().filter(line -> !line.strip().startsWith("#"))
                .collect(java.util.stream.Collectors.joining("\n"));
        String example = Files.readString(Path.of(".env.example"));
        Matcher variable = Pattern.compile("\\$\\{([A-Z0-9_]+)").matcher(yaml);
        while (variable.find()) {
            assertThat(example).as("%s in .env.example", variable.group(1)).containsPattern("(?m)^" + variable.group(1) + "=");
        }
    }

    @Test
    void withEveryKeySetTheChecksUseThemAndTheChannelsAreEnabled() throws Exception {
        Map<String, String> environment = new HashMap<>();
        environment.put("HUNTER_API_KEY", "hunter-test-key-123");
        environment.put("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T0/B0/XYZ");
        environment.put("SMTP_HOST", "smtp.example.com");

        SentinelConfig config = new ConfigLoader(BuiltInKinds.index(), environment::get).load(SHIPPED);

        assertThat(config.alerts().channels()).allMatch(channel -> channel.isEnabled());
        assertThat(config.check("hunter-account").orElseThrow().options().toString()).doesNotContain("hunter-test-key-123");
        assertThat(config.dependency("foursquare").orElseThrow().dailyBudget()).hasValue(0.50);
        assertThat(config.check("supabase-auth-health").orElseThrow().latencyLimit()).hasValue(java.time.Duration.ofMillis(500));
        assertThat(config.dependency("supabase-functions").orElseThrow().dependsOn())
                .containsExactly("supabase-db", "supabase-auth");
        assertThat(config.checks()).filteredOn(check -> check.connectivity()).extracting(check -> check.id())
                .containsExactly("internet-google", "internet-cloudflare");
    }
}

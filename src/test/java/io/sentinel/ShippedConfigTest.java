package io.sentinel;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.ConfigLoader;
import io.sentinel.config.SentinelConfig;
import io.sentinel.daemon.BuiltInKinds;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("valid (20 checks, 12 dependencies)");
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

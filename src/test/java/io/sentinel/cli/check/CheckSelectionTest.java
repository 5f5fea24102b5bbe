package io.sentinel.cli.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.SentinelConfig;
import io.sentinel.daemon.BuiltInKinds;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckSelectionTest {

    private final SentinelConfig config = load();

    @Test
    void nothingNamedMeansEveryCheck() {
        assertThat(ids(List.of(), List.of())).containsExactly("site", "auth", "auth-latency", "hunter-account");
    }

    @Test
    void idsAndDependenciesAddUpInTheConfigurationsOrder() {
        assertThat(ids(List.of("hunter-account"), List.of("supabase-auth"))).containsExactly("auth", "auth-latency", "hunter-account");
    }

    @Test
    void anUnknownIdIsRefusedWithTheNearestOne() {
        assertThatThrownBy(() -> ids(List.of("hunter-acount"), List.of()))
                .hasMessage("no check with id 'hunter-acount' in the configuration; did you mean 'hunter-account'?");
        assertThatThrownBy(() -> ids(List.of(), List.of("nowhere")))
                .hasMessageStartingWith("no dependency with id 'nowhere' in the configuration");
    }

    private List<String> ids(List<String> only, List<String> dependencies) {
        return CheckSelection.select(config, only, dependencies).stream().map(CheckConfig::id).toList();
    }

    private static SentinelConfig load() {
        try {
            return new ConfigLoader(BuiltInKinds.index(), name -> null).parse(Path.of("selection.yaml"), """
                    dependencies:
                      - id: frontend
                      - id: supabase-auth
                      - id: hunter
                    checks:
                      - {id: site, dependency: frontend, kind: http, url: "http://127.0.0.1:9/"}
                      - {id: auth, dependency: supabase-auth, kind: http, url: "http://127.0.0.1:9/auth"}
                      - {id: auth-latency, dependency: supabase-auth, kind: http, url: "http://127.0.0.1:9/auth"}
                      - {id: hunter-account, dependency: hunter, kind: hunter, apiKey: "x"}
                    """);
        } catch (Exception invalid) {
            throw new AssertionError(invalid);
        }
    }
}

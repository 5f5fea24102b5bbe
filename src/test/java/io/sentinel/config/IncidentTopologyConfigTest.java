package io.sentinel.config;

import static io.sentinel.config.ConfigTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code dependsOn} between dependencies and the connectivity checks: read, and refused where they cannot hold. */
class IncidentTopologyConfigTest {

    private static final String CHECKS = """
            checks:
              - {id: db-ping, dependency: supabase-db, kind: http, url: "https://db.example.com"}
              - {id: fn-export, dependency: supabase-functions, kind: http, url: "https://fn.example.com"}
              - {id: generate-204, dependency: internet, kind: http, url: "https://www.google.com/generate_204"}
              - {id: cloudflare-trace, dependency: internet, kind: http, url: "https://1.1.1.1/cdn-cgi/trace", connectivity: true}
            """;

    @Test
    void dependenciesNameTheOnesTheyNeedAndChecksCanWatchSentinelsOwnNetwork() throws InvalidConfigException {
        SentinelConfig config = ConfigTexts.load("""
                dependencies:
                  - id: supabase-db
                  - id: supabase-auth
                  - id: supabase-functions
                    dependsOn: [supabase-db, supabase-auth]
                  - id: internet
                connectivity: [generate-204]
                """ + CHECKS, Map.of());

        assertThat(config.dependency("supabase-functions").orElseThrow().dependsOn())
                .containsExactly("supabase-db", "supabase-auth");
        assertThat(config.dependency("supabase-db").orElseThrow().dependsOn()).isEmpty();
        assertThat(config.checks()).filteredOn(CheckConfig::connectivity).extracting(CheckConfig::id)
                .containsExactly("generate-204", "cloudflare-trace");
    }

    @Test
    void anUnknownDependencyOrCheckIsAProblemAtItsPositionWithTheNearestName() {
        assertThat(problems("""
                dependencies:
                  - id: supabase-db
                  - id: supabase-functions
                    dependsOn: [supabase-dbb]
                  - id: internet
                connectivity: [generate-205]
                """ + CHECKS)).containsExactly(
                "sentinel.yaml:4:17: dependsOn names 'supabase-dbb', which is not defined under dependencies: — did you"
                        + " mean 'supabase-db'? defined: supabase-db, internet",
                "sentinel.yaml:6:16: connectivity names check 'generate-205', which is not defined under checks: — did"
                        + " you mean 'generate-204'? defined: db-ping, fn-export, generate-204, cloudflare-trace");
    }

    @Test
    void aCycleIsRefusedAtTheEntryThatClosesIt() {
        assertThat(problems("""
                dependencies:
                  - {id: supabase-db, dependsOn: [supabase-functions]}
                  - {id: supabase-functions, dependsOn: [supabase-auth]}
                  - {id: supabase-auth, dependsOn: [supabase-db]}
                  - id: internet
                """ + CHECKS)).containsExactly(
                "sentinel.yaml:4:37: dependsOn forms a cycle: supabase-auth → supabase-db → supabase-functions →"
                        + " supabase-auth — a dependency cannot depend on itself through others; remove one of these"
                        + " dependsOn entries");
    }

    @Test
    void aDependencyCannotDependOnItselfNorNameAParentTwice() {
        assertThat(problems("""
                dependencies:
                  - {id: supabase-db, dependsOn: [supabase-db]}
                  - {id: supabase-functions, dependsOn: [supabase-db, supabase-db]}
                  - id: internet
                """ + CHECKS)).containsExactly(
                "sentinel.yaml:3:55: dependsOn names 'supabase-db' twice — list each dependency once",
                "sentinel.yaml:2:35: dependency 'supabase-db' cannot depend on itself — list only the other"
                        + " dependencies it needs");
    }
}

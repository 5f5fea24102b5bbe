package io.sentinel.config;

import static io.sentinel.config.ConfigTexts.MINIMAL;
import static io.sentinel.config.ConfigTexts.load;
import static io.sentinel.config.ConfigTexts.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConfigTest {

    private static final String POSTGRES = "storage:\n  url: jdbc:postgresql://db:5432/sentinel\n";

    @Test
    void withoutTheSectionSentinelRunsAloneAtTheLocationLocal() throws Exception {
        ClusterConfig cluster = load(MINIMAL, Map.of()).cluster();

        assertThat(cluster.isClustered()).isFalse();
        assertThat(cluster.location()).isEqualTo("local");
        assertThat(cluster.confirmationsAmong(3)).isEqualTo(2);
    }

    @Test
    void aLocationAloneNeedsNoClusterAndNoPostgres() throws Exception {
        ClusterConfig cluster = load(MINIMAL + "cluster:\n  location: ${SENTINEL_LOCATION:eu-1}\n", Map.of()).cluster();

        assertThat(cluster.location()).isEqualTo("eu-1");
        assertThat(cluster.service()).isEqualTo(ClusterConfig.Service.NONE);
    }

    @Test
    void theFileServiceSharesALockDirectory() throws Exception {
        ClusterConfig cluster = load(MINIMAL + POSTGRES + """
                cluster:
                  location: us-1
                  service: file
                  directory: /srv/sentinel/cluster
                  lockInterval: 1s
                  confirmations: 2
                """, Map.of()).cluster();

        assertThat(cluster.isClustered()).isTrue();
        assertThat(cluster.lockDirectory()).contains(Path.of("/srv/sentinel/cluster"));
        assertThat(cluster.lockInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(cluster.confirmationsAmong(1)).isEqualTo(2);
    }

    @Test
    void aMajorityOfTheLocationsReportingConfirms() {
        ClusterConfig majority = new ClusterConfig("eu-1", ClusterConfig.Service.NONE, null,
                ClusterConfig.DEFAULT_LOCK_INTERVAL, 0, "");

        assertThat(majority.confirmationsAmong(0)).isEqualTo(1);
        assertThat(majority.confirmationsAmong(1)).isEqualTo(1);
        assertThat(majority.confirmationsAmong(2)).isEqualTo(2);
        assertThat(majority.confirmationsAmong(3)).isEqualTo(2);
        assertThat(majority.confirmationsAmong(4)).isEqualTo(3);
    }

    @Test
    void aClusterOnTheEmbeddedDatabaseIsRefused() {
        assertThat(problems(MINIMAL + "cluster:\n  service: file\n  directory: /tmp/lock\n", Map.of()))
                .singleElement().asString().contains("a cluster needs one PostgreSQL database")
                .contains("storage.url");
    }

    @Test
    void theFileServiceWithoutADirectoryIsRefused() {
        assertThat(problems(MINIMAL + POSTGRES + "cluster:\n  service: file\n", Map.of()))
                .singleElement().asString().contains("needs 'directory'");
    }

    @Test
    void kubernetesIsRefusedWithTheWayToGetItWhenThisBuildLacksIt() {
        if (!ClusterConfig.Service.KUBERNETES.isAvailable()) {
            assertThat(problems(MINIMAL + POSTGRES + "cluster:\n  service: kubernetes\n", Map.of()))
                    .singleElement().asString().contains("-Pkubernetes");
        }
    }

    @Test
    void jgroupsFindsTheMembersListedFromTheAddressItBinds() throws Exception {
        ClusterConfig cluster = load(MINIMAL + POSTGRES + """
                cluster:
                  location: eu-1
                  service: jgroups
                  jgroups:
                    bind: ${BIND}
                    members: [sentinel-eu:7800, "10.0.0.6:7801", sentinel-us]
                """, Map.of("BIND", "sentinel-eu:7800")).cluster();

        JGroupsConfig jgroups = cluster.jgroupsSettings().orElseThrow();
        assertThat(jgroups.bind()).isEqualTo(new JGroupsConfig.Address("sentinel-eu", 7800));
        assertThat(jgroups.members()).extracting(JGroupsConfig.Address::toString)
                .containsExactly("sentinel-eu:7800", "10.0.0.6:7801", "sentinel-us:7800");
        assertThat(jgroups.ownStack()).isEmpty();
    }

    @Test
    void jgroupsTakesAnOperatorsOwnStack(@TempDir Path directory) throws Exception {
        Path stack = Files.writeString(directory.resolve("jgroups.xml"), "<config/>");

        ClusterConfig cluster = load(MINIMAL + POSTGRES + "cluster:\n  service: jgroups\n  jgroups:\n    stack: \""
                + stack + "\"\n", Map.of()).cluster();

        assertThat(cluster.jgroupsSettings().orElseThrow().ownStack()).contains(stack);
    }

    @Test
    void jgroupsWithoutItsSettingsIsRefusedWithAnExample() {
        assertThat(problems(MINIMAL + POSTGRES + "cluster:\n  service: jgroups\n", Map.of()))
                .singleElement().asString().contains("needs 'jgroups'").contains("members: [sentinel-eu:7800");
    }

    @Test
    void wrongJGroupsAddressesAreRefusedWhereTheyAreWritten() {
        List<String> problems = problems(MINIMAL + POSTGRES + """
                cluster:
                  service: jgroups
                  jgroups:
                    bind: "10.0.0.5:99999"
                    members: [sentinel-eu:7800, "sentinel us:7800", "sentinel-us:http"]
                    bindd: x
                """, Map.of());

        assertThat(problems).hasSize(4)
                .anySatisfy(problem -> assertThat(problem).contains("'bind' must be host:port").contains("99999"))
                .anySatisfy(problem -> assertThat(problem).contains("each member must be host:port")
                        .contains("sentinel us:7800"))
                .anySatisfy(problem -> assertThat(problem).contains("sentinel-us:http"))
                .anySatisfy(problem -> assertThat(problem).contains("unknown key 'bindd'").contains("bind"));
    }

    @Test
    void jgroupsStackMustExistAndSaysItAll() {
        List<String> problems = problems(MINIMAL + POSTGRES + """
                cluster:
                  service: jgroups
                  jgroups:
                    stack: /nowhere/jgroups.xml
                    members: [sentinel-eu:7800]
                """, Map.of());

        assertThat(problems).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("/nowhere/jgroups.xml").contains("not a readable"))
                .anySatisfy(problem -> assertThat(problem).contains("'bind' and 'members' are not used"));
    }

    @Test
    void jgroupsSettingsWaitUnusedUnderAnotherServiceAsTheShippedFileHasThem() throws Exception {
        String yaml = MINIMAL + POSTGRES + """
                cluster:
                  service: ${SERVICE}
                  directory: /tmp/lock
                  jgroups:
                    bind: ${BIND:}
                    members: ${MEMBERS:}
                """;

        assertThat(load(yaml, Map.of("SERVICE", "file")).cluster().jgroupsSettings()).isEmpty();
        JGroupsConfig jgroups = load(yaml, Map.of("SERVICE", "jgroups", "BIND", "sentinel-us:7800",
                "MEMBERS", "sentinel-eu:7800, sentinel-us:7800")).cluster().jgroupsSettings().orElseThrow();
        assertThat(jgroups.members()).extracting(JGroupsConfig.Address::host).containsExactly("sentinel-eu", "sentinel-us");
        assertThat(problems(MINIMAL + POSTGRES + "cluster:\n  service: file\n  directory: /tmp/lock\n"
                + "  jgroups:\n    bnd: a:1\n", Map.of()))
                .singleElement().asString().contains("unknown key 'bnd'").contains("bind");
        assertThat(problems(yaml, Map.of("SERVICE", "jgroups"))).hasSize(2)
                .anySatisfy(problem -> assertThat(problem).contains("missing 'bind'"))
                .anySatisfy(problem -> assertThat(problem).contains("'members' must list"));
    }

    @Test
    void wrongWordsAreRefusedWithWhatIsAllowed() {
        assertThat(problems(MINIMAL + POSTGRES + "cluster:\n  service: zookeeper\n  location: EU 1\n"
                + "  confirmations: 40\n  lockInterval: 2h\n", Map.of()))
                .hasSize(4)
                .anySatisfy(problem -> assertThat(problem).contains("'location'"))
                .anySatisfy(problem -> assertThat(problem).contains("zookeeper"))
                .anySatisfy(problem -> assertThat(problem).contains("confirmations"))
                .anySatisfy(problem -> assertThat(problem).contains("lockInterval"));
    }
}

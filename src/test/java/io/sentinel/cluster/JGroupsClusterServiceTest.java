package io.sentinel.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.sentinel.config.ClusterConfig;
import io.sentinel.config.JGroupsConfig;
import io.sentinel.testing.DaemonProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two members of one JGroups group on loopback, each in a Camel context of its own, as two daemons would be: the
 * coordinator leads, the leader-only route runs on it alone, and when it leaves the other takes over.
 */
class JGroupsClusterServiceTest {

    private final List<CamelContext> contexts = new ArrayList<>();

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
    }

    @Test
    void theCoordinatorLeadsAndItsLeaderOnlyRouteRunsThereAlone() throws Exception {
        int[] ports = {DaemonProcess.freePort(), DaemonProcess.freePort()};
        CamelContext eu = member("eu-1-1-aaa", ports[0], ports);
        CamelContext us = member("us-1-2-bbb", ports[1], ports);
        CamelClusterView euView = view(eu);
        CamelClusterView usView = view(us);

        await().atMost(Duration.ofSeconds(30)).until(() -> euView.getMembers().size() == 2
                && usView.getMembers().size() == 2 && euView.getLeader().isPresent());
        boolean euLeads = euView.getLocalMember().isLeader();
        assertThat(usView.getLocalMember().isLeader()).isNotEqualTo(euLeads);
        assertThat(euView.getLeader().orElseThrow().getId()).isEqualTo(usView.getLeader().orElseThrow().getId())
                .isIn("eu-1-1-aaa", "us-1-2-bbb");
        CamelContext leader = euLeads ? eu : us;
        CamelContext follower = euLeads ? us : eu;
        await().atMost(Duration.ofSeconds(30)).until(() -> leader.getRouteController().getRouteStatus("duty").isStarted());
        assertThat(follower.getRouteController().getRouteStatus("duty").isStarted()).isFalse();

        leader.stop();
        CamelClusterView remaining = euLeads ? usView : euView;
        await().atMost(Duration.ofSeconds(30)).until(() -> remaining.getLocalMember().isLeader()
                && follower.getRouteController().getRouteStatus("duty").isStarted());
        assertThat(remaining.getMembers()).hasSize(1);
    }

    @Test
    void aBindPortInUseIsRefusedWithWhatToChange() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> member("eu-1-1-aaa", port, new int[] {port}))
                    .hasStackTraceContaining("cluster.jgroups.bind must be an address of this host with a free port");
        }
    }

    @Test
    void sentinelsOwnStackIsFilledInFromTheConfiguration() {
        JGroupsConfig config = new JGroupsConfig(new JGroupsConfig.Address("10.0.0.5", 7800),
                List.of(new JGroupsConfig.Address("sentinel-eu", 7800), new JGroupsConfig.Address("sentinel-us", 7801)),
                null);

        String xml = JGroupsStacks.xml(config, Duration.ofSeconds(2));

        assertThat(xml).contains("bind_addr=\"10.0.0.5\"", "bind_port=\"7800\"",
                "initial_hosts=\"sentinel-eu[7800],sentinel-us[7801]\"", "<FD_ALL3 interval=\"2000\"",
                "timeout=\"10000\"").doesNotContain("{{");
    }

    @Test
    void anOperatorsStackIsTakenAsItIs(@org.junit.jupiter.api.io.TempDir Path directory) throws Exception {
        Path stack = java.nio.file.Files.writeString(directory.resolve("jgroups.xml"), "<config><TCP/></config>");

        assertThat(JGroupsStacks.xml(new JGroupsConfig(null, List.of(), stack), Duration.ofSeconds(2)))
                .isEqualTo("<config><TCP/></config>");
    }

    private CamelContext member(String id, int port, int[] ports) throws Exception {
        List<JGroupsConfig.Address> members = new ArrayList<>();
        for (int each : ports) {
            members.add(new JGroupsConfig.Address("127.0.0.1", each));
        }
        ClusterConfig config = new ClusterConfig("eu-1", ClusterConfig.Service.JGROUPS, null, Duration.ofMillis(500),
                0, "", new JGroupsConfig(new JGroupsConfig.Address("127.0.0.1", port), members, null));
        CamelContext camel = new DefaultCamelContext();
        CamelClusterService service = ClusterServices.create(config, id, camel).orElseThrow();
        camel.addService(service);
        ClusteredRoutePolicy leaderOnly = ClusteredRoutePolicy.forNamespace(service, ClusterServices.NAMESPACE);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:duty?period=1000").routeId("duty")
                        .routePolicy(leaderOnly)
                        .log("leading");
            }
        });
        camel.start();
        contexts.add(camel);
        return camel;
    }

    private static CamelClusterView view(CamelContext camel) throws Exception {
        return camel.hasService(CamelClusterService.class).getView(ClusterServices.NAMESPACE);
    }
}

package io.sentinel.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.sentinel.config.ClusterConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.kubernetes.cluster.KubernetesClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two pods of one namespace elect their leader with a Kubernetes Lease, as {@code cluster.service: kubernetes} makes
 * the service, against the fabric8 client's API server stand-in in CRUD mode (it keeps the objects written to it, as a
 * real API server does): the lease lands in the configured namespace, one pod runs the leader-only route, and when
 * its pod goes (Camel's lease service counts running, ready pods as the members) the other takes over. Built and
 * run with {@code -Pkubernetes} only.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesLeaseElectionTest {

    private static final String NAMESPACE = "monitoring";

    KubernetesClient client;

    private final List<CamelContext> contexts = new ArrayList<>();
    private final Map<String, String> before = new java.util.HashMap<>();

    @BeforeEach
    void pointTheClientsAtTheStandIn() {
        // the service builds its own client from the environment, as in a pod: here from these properties
        setProperty("kubernetes.master", client.getMasterUrl().toString());
        setProperty("kubernetes.auth.tryKubeConfig", "false");
        setProperty("kubernetes.auth.tryServiceAccount", "false");
        setProperty("kubernetes.namespace", "default");
    }

    @AfterEach
    void stop() {
        contexts.forEach(CamelContext::stop);
        before.forEach((key, value) -> {
            if (value == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, value);
            }
        });
    }

    @Test
    void onePodLeadsFromALeaseInTheConfiguredNamespaceAndTheOtherTakesOverWhenItStops() throws Exception {
        runningPod("sentinel-0");
        runningPod("sentinel-1");
        CamelContext first = member("sentinel-0");
        CamelContext second = member("sentinel-1");

        await().atMost(Duration.ofSeconds(30)).until(() -> runs(first) != runs(second));
        CamelContext leader = runs(first) ? first : second;
        CamelContext follower = leader == first ? second : first;
        String leaderPod = leader == first ? "sentinel-0" : "sentinel-1";
        List<Lease> leases = client.leases().inNamespace(NAMESPACE).list().getItems();
        assertThat(leases).as("the lease, in the namespace the configuration names").singleElement()
                .satisfies(lease -> assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(leaderPod));
        assertThat(client.leases().inNamespace("default").list().getItems()).isEmpty();

        leader.stop();
        // what Kubernetes does with a pod whose process died: it is no longer a running, ready member
        client.pods().inNamespace(NAMESPACE).withName(leaderPod).delete();

        await().atMost(Duration.ofSeconds(30)).until(() -> runs(follower));
        assertThat(client.leases().inNamespace(NAMESPACE).list().getItems()).singleElement()
                .satisfies(lease -> assertThat(lease.getSpec().getHolderIdentity()).isNotEqualTo(leaderPod));
    }

    /** A pod as the lease service looks for its members: running and ready. */
    private void runningPod(String name) {
        client.pods().inNamespace(NAMESPACE).resource(new PodBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withNewStatus().withPhase("Running")
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus().build()).create();
    }

    private CamelContext member(String pod) throws Exception {
        ClusterConfig config = new ClusterConfig("eu-1", ClusterConfig.Service.KUBERNETES, null, Duration.ofMillis(500),
                0, NAMESPACE);
        CamelContext camel = new DefaultCamelContext();
        CamelClusterService service = ClusterServices.create(config, pod + "-member", camel).orElseThrow();
        // in a pod this is its host name, Camel's default; two members in one JVM need one each
        ((KubernetesClusterService) service).setPodName(pod);
        camel.addService(service);
        ClusteredRoutePolicy leaderOnly = ClusteredRoutePolicy.forNamespace(service, ClusterServices.NAMESPACE);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:duty?period=500").routeId("duty").routePolicy(leaderOnly).log("leading");
            }
        });
        camel.start();
        contexts.add(camel);
        return camel;
    }

    private static boolean runs(CamelContext camel) {
        return camel.getRouteController().getRouteStatus("duty").isStarted();
    }

    private void setProperty(String key, String value) {
        before.putIfAbsent(key, System.getProperty(key));
        System.setProperty(key, value);
    }
}

package io.sentinel.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sentinel.config.ClusterConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class ClusterServicesTest {

    @Test
    void aloneThereIsNoService() {
        assertThat(ClusterServices.create(ClusterConfig.NONE, "local-1", new DefaultCamelContext())).isEmpty();
    }

    @Test
    void theFileServiceLocksInTheSharedDirectoryAtTheConfiguredPace() {
        ClusterConfig config = new ClusterConfig("eu-1", ClusterConfig.Service.FILE, Path.of("/srv/sentinel/cluster"),
                Duration.ofSeconds(1), 0, "");

        CamelClusterService service = ClusterServices.create(config, "eu-1-1-abc", new DefaultCamelContext()).orElseThrow();

        FileLockClusterService file = (FileLockClusterService) service;
        assertThat(file.getId()).isEqualTo("eu-1-1-abc");
        assertThat(file.getRoot()).isEqualTo("/srv/sentinel/cluster");
        assertThat(file.getAcquireLockInterval()).isEqualTo(1_000);
        assertThat(file.getHeartbeatTimeoutMultiplier()).isEqualTo(ClusterServices.STALE_AFTER_INTERVALS);
    }

    /** Runs in a build with {@code -Pkubernetes} only. */
    @Test
    void theKubernetesServiceIsMadeByNameWithItsNamespace() throws Exception {
        assumeTrue(ClusterConfig.Service.KUBERNETES.isAvailable(), "camel-kubernetes is not in this build");
        ClusterConfig config = new ClusterConfig("eu-1", ClusterConfig.Service.KUBERNETES, null, Duration.ofSeconds(2),
                0, "monitoring");

        CamelClusterService service = ClusterServices.create(config, "eu-1-1-abc", new DefaultCamelContext()).orElseThrow();

        assertThat(service.getClass().getName()).isEqualTo(ClusterConfig.Service.KUBERNETES.implementation());
        assertThat(service.getId()).isEqualTo("eu-1-1-abc");
        assertThat(service.getClass().getMethod("getKubernetesResourcesNamespace").invoke(service)).isEqualTo("monitoring");
        assertThat(service.getClass().getMethod("getLeaseDurationMillis").invoke(service)).isEqualTo(10_000L);
    }

    @Test
    void theKubernetesLeaseLivesInTheConfiguredNamespaceAndFollowsTheLockInterval() {
        ClusterConfig config = new ClusterConfig("eu-1", ClusterConfig.Service.KUBERNETES, null, Duration.ofSeconds(2),
                0, "monitoring");

        assertThat(ClusterServices.kubernetes(config)).containsEntry("kubernetesResourcesNamespace", "monitoring")
                .containsEntry("retryPeriodMillis", 2_000L).containsEntry("renewDeadlineMillis", 8_000L)
                .containsEntry("leaseDurationMillis", 10_000L);
    }
}

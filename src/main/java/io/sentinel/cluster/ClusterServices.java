package io.sentinel.cluster;

import io.sentinel.config.ClusterConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * Makes the Camel cluster service the configuration names. Sentinel elects nothing itself: the file-lock service
 * (camel-file), the Kubernetes lease service (camel-kubernetes) or JGroups' group membership
 * ({@link JGroupsClusterService}) decides who leads, and {@link Leadership} only listens.
 */
public final class ClusterServices {

    /** The namespace every instance's view of the cluster is in: one leader for the whole of Sentinel. */
    public static final String NAMESPACE = "sentinel";
    /** A file-lock leader silent for this many lock intervals is taken for dead. Camel's default, written out. */
    static final int STALE_AFTER_INTERVALS = 5;

    private ClusterServices() {
    }

    /**
     * The service for {@code config}, or empty for a single instance.
     *
     * @param memberId this instance's id in the cluster
     */
    public static Optional<CamelClusterService> create(ClusterConfig config, String memberId, CamelContext camel) {
        return switch (config.service()) {
            case NONE -> Optional.empty();
            case FILE -> Optional.of(file(config, memberId));
            case JGROUPS -> Optional.of(new JGroupsClusterService(memberId,
                    JGroupsStacks.xml(config.jgroupsSettings().orElseThrow(), config.lockInterval())));
            case KUBERNETES -> Optional.of(byName(config, memberId, camel));
        };
    }

    private static CamelClusterService file(ClusterConfig config, String memberId) {
        FileLockClusterService service = new FileLockClusterService();
        service.setId(memberId);
        service.setRoot(config.lockDirectory().orElseThrow().toAbsolutePath().toString());
        service.setAcquireLockDelay(config.lockInterval().toMillis(), TimeUnit.MILLISECONDS);
        service.setAcquireLockInterval(config.lockInterval().toMillis(), TimeUnit.MILLISECONDS);
        service.setHeartbeatTimeoutMultiplier(STALE_AFTER_INTERVALS);
        return service;
    }

    /**
     * The Kubernetes lease service's settings. The lease's namespace is {@code kubernetesResourcesNamespace}: the
     * service's {@code namespace} property is dropped by Camel 4.18 when no client configuration is given, and the
     * lease then lands in the pod's own namespace whatever was asked (KubernetesLeaseElectionTest). Its timing
     * follows {@code lockInterval} as the other services do: read every interval, renewed within four, and a new
     * leader waits five before it leads. The pod's name (the lease holder, which must be a running, ready pod of the
     * namespace) stays Camel's default, the pod's host name.
     */
    static Map<String, Object> kubernetes(ClusterConfig config) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (!config.namespace().isEmpty()) {
            properties.put("kubernetesResourcesNamespace", config.namespace());
        }
        long interval = config.lockInterval().toMillis();
        properties.put("retryPeriodMillis", interval);
        properties.put("renewDeadlineMillis", (STALE_AFTER_INTERVALS - 1) * interval);
        properties.put("leaseDurationMillis", STALE_AFTER_INTERVALS * interval);
        return properties;
    }

    /** A service whose component comes with a build profile: made by its class name, set by its properties. */
    private static CamelClusterService byName(ClusterConfig config, String memberId, CamelContext camel) {
        try {
            CamelClusterService service = (CamelClusterService) Class.forName(config.service().implementation())
                    .getDeclaredConstructor().newInstance();
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", memberId);
            if (config.service() == ClusterConfig.Service.KUBERNETES) {
                properties.putAll(kubernetes(config));
            }
            PropertyBindingSupport.build().withCamelContext(camel).withTarget(service).withProperties(properties)
                    .withRemoveParameters(false).bind();
            return service;
        } catch (ReflectiveOperationException | LinkageError absent) {
            throw new IllegalStateException("the " + config.service().label() + " cluster service cannot be made: "
                    + absent, absent);
        }
    }
}

package io.sentinel.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where this instance stands and how it finds the others (docs/cluster.md). Every instance probes and stores its
 * results under its {@code location}; with a cluster {@code service}, one instance, the leader elected through
 * Camel's cluster service, decides states and incidents and sends the notifications.
 *
 * @param location      this instance's vantage point ({@code eu-1}); its results and views carry it
 * @param service       how the leader is elected; {@link Service#NONE} for a single instance
 * @param directory     the file service's lock directory, shared by every instance ({@code service: file})
 * @param lockInterval  how often the file service's leader writes its heartbeat and followers look; a leader
 *                      silent for five of them is replaced
 * @param confirmations how many locations must see a check failing before it is DOWN; 0 for a majority of those
 *                      reporting recently
 * @param namespace     the Kubernetes namespace of the lease ({@code service: kubernetes}); empty for the pod's own
 * @param jgroups       how the members find each other ({@code service: jgroups}); null otherwise. Its failure
 *                      detection follows {@code lockInterval}: a member silent for five of them is suspected
 */
public record ClusterConfig(String location, Service service, Path directory, Duration lockInterval, int confirmations,
                            String namespace, JGroupsConfig jgroups) {

    public static final String DEFAULT_LOCATION = "local";
    public static final Duration DEFAULT_LOCK_INTERVAL = Duration.ofSeconds(2);
    static final Duration SHORTEST_LOCK_INTERVAL = Duration.ofMillis(500);
    static final Duration LONGEST_LOCK_INTERVAL = Duration.ofSeconds(30);
    static final int MOST_CONFIRMATIONS = 16;
    /** A single instance: the default, on H2 or PostgreSQL. */
    public static final ClusterConfig NONE = new ClusterConfig(DEFAULT_LOCATION, Service.NONE, null,
            DEFAULT_LOCK_INTERVAL, 0, "", null);

    /** The cluster services Sentinel can elect its leader with, all of them Camel's own. */
    public enum Service {
        NONE(""),
        FILE("org.apache.camel.component.file.cluster.FileLockClusterService"),
        KUBERNETES("org.apache.camel.component.kubernetes.cluster.KubernetesClusterService"),
        JGROUPS("io.sentinel.cluster.JGroupsClusterService");

        private final String implementation;

        Service(String implementation) {
            this.implementation = implementation;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The Camel class that implements it. */
        public String implementation() {
            return implementation;
        }

        /**
         * Whether its implementation is in this build (camel-file and JGroups always are; camel-kubernetes comes with a
         * build profile).
         */
        public boolean isAvailable() {
            if (this == NONE) {
                return true;
            }
            try {
                Class.forName(implementation, false, ClusterConfig.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError absent) {
                return false;
            }
        }
    }

    public ClusterConfig {
        Identifiers.require(location, "location");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(lockInterval, "lockInterval");
        namespace = namespace == null ? "" : namespace;
        if (service == Service.FILE && directory == null) {
            throw new IllegalArgumentException("the file cluster service needs a directory");
        }
        if (service == Service.JGROUPS && jgroups == null) {
            throw new IllegalArgumentException("the jgroups cluster service needs its members or a stack");
        }
        if (confirmations < 0 || confirmations > MOST_CONFIRMATIONS) {
            throw new IllegalArgumentException("confirmations must be from 0 (a majority) to " + MOST_CONFIRMATIONS);
        }
        if (lockInterval.compareTo(SHORTEST_LOCK_INTERVAL) < 0 || lockInterval.compareTo(LONGEST_LOCK_INTERVAL) > 0) {
            throw new IllegalArgumentException("lockInterval must be from 500ms to 30s, was " + lockInterval);
        }
    }

    /** A cluster without JGroups settings: the file and Kubernetes services, and a single instance. */
    public ClusterConfig(String location, Service service, Path directory, Duration lockInterval, int confirmations,
                         String namespace) {
        this(location, service, directory, lockInterval, confirmations, namespace, null);
    }

    public boolean isClustered() {
        return service != Service.NONE;
    }

    /** How the members of the jgroups service find each other. */
    public Optional<JGroupsConfig> jgroupsSettings() {
        return Optional.ofNullable(jgroups);
    }

    /** The lock directory of the file service. */
    public Optional<Path> lockDirectory() {
        return Optional.ofNullable(directory);
    }

    /**
     * How many of {@code reporting} locations must see a check failing: the configured number, or a majority.
     * Never less than one.
     */
    public int confirmationsAmong(int reporting) {
        return confirmations > 0 ? confirmations : Math.max(1, reporting / 2 + 1);
    }
}

package io.sentinel.cluster;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.cluster.CamelClusterEventListener;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.cluster.CamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this instance leads, as Camel's cluster service says, and the duties that come and go with it. A single
 * instance always leads. The leader-only routes follow the same view through Camel's {@code ClusteredRoutePolicy};
 * what is not a route (the dispatchers, the incident tracker restored from the database) follows from here.
 */
public final class Leadership {

    /** What an instance does when it starts or stops leading; called on the cluster service's thread. */
    public interface Duties {
        void lead();

        void follow();
    }

    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

    private final boolean clustered;
    private final List<Duties> duties = new CopyOnWriteArrayList<>();
    private volatile CamelClusterService service;
    private volatile boolean leader;
    private volatile boolean started;

    private Leadership(boolean clustered) {
        this.clustered = clustered;
        this.leader = !clustered;
    }

    /** A single instance: it leads from the moment it exists, so its duties are taken up as they are added. */
    public static Leadership alone() {
        return new Leadership(false);
    }

    /** One member of a cluster: it follows until the cluster service passed to {@link #start} elects it. */
    public static Leadership inCluster() {
        return new Leadership(true);
    }

    public boolean isClustered() {
        return clustered;
    }

    public boolean isLeader() {
        return leader;
    }

    /** The cluster service, when there is one. */
    public Optional<CamelClusterService> service() {
        return Optional.ofNullable(service);
    }

    /** Duties are taken up at once when this instance leads already. */
    public synchronized void onChange(Duties more) {
        duties.add(more);
        if (leader) {
            more.lead();
        }
    }

    /**
     * Listens to the service's view of {@link ClusterServices#NAMESPACE}, whose leadership events arrive once the
     * service runs (Camel starts it with the context). Nothing to do alone.
     */
    public synchronized void start(CamelClusterService electedBy) throws Exception {
        if (started || !clustered) {
            return;
        }
        started = true;
        this.service = electedBy;
        CamelClusterView view = electedBy.getView(ClusterServices.NAMESPACE);
        view.addEventListener((CamelClusterEventListener.Leadership) (source, member) -> changed(member != null && member.isLocal()));
        changed(view.getLeader().map(CamelClusterMember::isLocal).orElse(false));
    }

    /** Stops leading, for a stop: the duties end before the parts they use close. */
    public synchronized void stop() {
        changed(false);
    }

    private synchronized void changed(boolean leads) {
        if (leads == leader) {
            return;
        }
        leader = leads;
        if (clustered) {
            LOG.info(leads ? "This instance leads: it decides states and incidents and sends the notifications"
                    : "This instance follows: it probes and stores its results; the leader decides");
        }
        for (Duties one : duties) {
            try {
                if (leads) {
                    one.lead();
                } else {
                    one.follow();
                }
            } catch (RuntimeException failure) {
                LOG.error("Taking up or handing over the leader's duties failed: {}",
                        io.sentinel.secret.Redactor.global().describe(failure));
            }
        }
    }
}

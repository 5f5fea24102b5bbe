package io.sentinel.cluster;

import java.util.Objects;
import org.apache.camel.support.cluster.AbstractCamelClusterService;

/**
 * Camel's cluster service SPI on a JGroups group: each namespace is a JGroups cluster of that name, and the leader is
 * the coordinator of its current view, the member JGroups' group membership protocol (GMS) puts first. JGroups
 * elects; Sentinel only reports what the view says, as {@code ClusteredRoutePolicy} and {@link Leadership} expect.
 * Written for Sentinel because camel-jgroups has no cluster service in its 4.17 and 4.18 jars (docs/decisions.md,
 * "JGroups between plain hosts").
 */
public final class JGroupsClusterService extends AbstractCamelClusterService<JGroupsClusterView> {

    private final String stackXml;

    /**
     * @param id       this member's name in the group, shown by the others
     * @param stackXml the JGroups protocol stack ({@link JGroupsStacks#xml})
     */
    public JGroupsClusterService(String id, String stackXml) {
        super(id);
        this.stackXml = Objects.requireNonNull(stackXml, "stackXml");
    }

    @Override
    protected JGroupsClusterView createView(String namespace) {
        return new JGroupsClusterView(this, namespace, stackXml);
    }
}

package io.sentinel.cluster;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.jgroups.Address;
import org.jgroups.JChannel;
import org.jgroups.MergeView;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.util.NameCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One namespace's JGroups group. Joining it connects a channel; every view JGroups installs names the members and,
 * first of them, the coordinator, which leads. A member the others no longer hear from (killed, frozen, cut off) is
 * dropped from their view after the stack's failure detection, and the next member becomes coordinator; when two
 * halves of a split find each other again, JGroups merges them into one view with one coordinator.
 */
final class JGroupsClusterView extends AbstractCamelClusterView implements Receiver {

    private static final Logger LOG = LoggerFactory.getLogger(JGroupsClusterView.class);

    private final String stackXml;
    private volatile JChannel channel;
    private volatile View view;
    /**
     * Listeners are told on a thread of their own: JGroups must not wait for a new leader's duties (reading the
     * outbox from the database) before it acknowledges a view.
     */
    private ExecutorService announcements;

    JGroupsClusterView(JGroupsClusterService service, String namespace, String stackXml) {
        super(service, namespace);
        this.stackXml = Objects.requireNonNull(stackXml, "stackXml");
    }

    @Override
    protected synchronized void doStart() throws Exception {
        announcements = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "cluster-view-" + getNamespace());
            thread.setDaemon(true);
            return thread;
        });
        JChannel opened = new JChannel(JGroupsStacks.open(stackXml)).name(getClusterService().getId());
        opened.setReceiver(this);
        // set before connecting: the first view arrives during connect() and asks who the local member is
        channel = opened;
        try {
            opened.connect(getNamespace());
        } catch (Exception failed) {
            channel = null;
            opened.close();
            throw new IllegalStateException(cannotJoin(failed), failed);
        }
        LOG.info("Joined the JGroups group '{}' as {}; members: {}", getNamespace(), opened.getAddress(),
                opened.getView() == null ? "none yet" : opened.getView().getMembers());
    }

    /** Why the group could not be joined, in the operator's terms: mostly the bind address or its port. */
    private String cannotJoin(Exception failed) {
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.net.BindException) {
                return "Cannot join the JGroups group '" + getNamespace() + "': " + cause.getMessage()
                        + ". cluster.jgroups.bind must be an address of this host with a free port (and that port"
                        + " + 100 free too, for failure detection); another Sentinel may be using it";
            }
        }
        return "Cannot join the JGroups group '" + getNamespace() + "': " + failed.getMessage()
                + ". Check cluster.jgroups (bind, members) or the stack file";
    }

    @Override
    protected synchronized void doStop() throws Exception {
        JChannel closing = channel;
        channel = null;
        if (closing != null) {
            closing.close();
        }
        view = null;
        if (announcements != null) {
            announcements.execute(() -> fireLeadershipChangedEvent(Optional.empty()));
            announcements.shutdown();
            announcements.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    /** Called by JGroups for each view it installs, in order. */
    @Override
    public void viewAccepted(View next) {
        View previous = view;
        view = next;
        LOG.info("Cluster view {}: coordinator (leader) {}", next, next.getCoord());
        ExecutorService executor = announcements;
        if (executor != null && !executor.isShutdown()) {
            executor.execute(() -> announce(previous, next));
        }
    }

    private void announce(View previous, View next) {
        if (next instanceof MergeView) {
            // two groups that did not hear each other each had a leader, and each acted on what it held in memory:
            // every member lets go, and the one that leads the merged group takes its duties up again from the
            // database, as at any election (a leader frozen for a while comes back here too)
            LOG.info("Two groups merged ({} subgroups): leadership starts over", ((MergeView) next).getSubgroups().size());
            fireLeadershipChangedEvent(Optional.empty());
        }
        List<Address> before = previous == null ? List.of() : previous.getMembers();
        Set<Address> now = new HashSet<>(next.getMembers());
        before.stream().filter(member -> !now.contains(member)).forEach(gone -> fireMemberRemovedEvent(member(gone)));
        next.getMembers().stream().filter(member -> !before.contains(member))
                .forEach(joined -> fireMemberAddedEvent(member(joined)));
        fireLeadershipChangedEvent(getLeader());
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        View current = view;
        return current == null ? Optional.empty() : Optional.of(member(current.getCoord()));
    }

    @Override
    public CamelClusterMember getLocalMember() {
        JChannel open = channel;
        return new Member(open == null ? null : open.getAddress());
    }

    @Override
    public List<CamelClusterMember> getMembers() {
        View current = view;
        return current == null ? List.of() : current.getMembers().stream().map(this::member).toList();
    }

    private CamelClusterMember member(Address address) {
        return new Member(address);
    }

    /** A member as the current view sees it: whether it leads is read when asked. */
    private final class Member implements CamelClusterMember {

        private final Address address;

        private Member(Address address) {
            this.address = address;
        }

        @Override
        public String getId() {
            if (address == null) {
                return getClusterService().getId();
            }
            String name = NameCache.get(address);
            return name != null ? name : address.toString();
        }

        @Override
        public boolean isLeader() {
            View current = view;
            return address != null && current != null && address.equals(current.getCoord());
        }

        @Override
        public boolean isLocal() {
            JChannel open = channel;
            return address != null && open != null && address.equals(open.getAddress());
        }

        @Override
        public String toString() {
            return getId();
        }
    }
}

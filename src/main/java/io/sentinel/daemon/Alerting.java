package io.sentinel.daemon;

import io.micrometer.core.instrument.MeterRegistry;
import io.sentinel.alert.AlertDelivery;
import io.sentinel.alert.AlertPolicy;
import io.sentinel.alert.AlertRouter;
import io.sentinel.alert.ChannelFallbacks;
import io.sentinel.alert.Decision;
import io.sentinel.alert.HeldNotifications;
import io.sentinel.alert.LeaderAlertPath;
import io.sentinel.alert.OpenIncidents;
import io.sentinel.alert.Reminders;
import io.sentinel.alert.dispatch.RetryPolicy;
import io.sentinel.alert.route.RouteCaller;
import io.sentinel.alert.outbox.Outbox;
import io.sentinel.alert.silence.Muting;
import io.sentinel.cluster.Leadership;
import io.sentinel.config.ChannelConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.SentinelConfig;
import io.sentinel.model.AlertEvent;
import io.sentinel.incident.IncidentTracker;
import io.sentinel.incident.Topology;
import io.sentinel.metrics.AlertMetrics;
import io.sentinel.http.HttpCaller;
import java.nio.file.Path;
import io.sentinel.store.DecisionLog;
import io.sentinel.writer.WriterMetrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerting side, assembled: decisions committed with their notifications, silences, reminders and
 * per-channel delivery. The outbox, the silences and the decision log live as long as the daemon; the incident
 * tracker, the router and the dispatchers exist while this instance leads, and are restored from the database
 * each time it starts to ({@link #lead()}): a single instance at its start, a cluster member when it takes over.
 */
final class Alerting implements AutoCloseable, Leadership.Duties {

    private static final Logger LOG = LoggerFactory.getLogger(Alerting.class);

    final Muting muting;
    final Outbox outbox;
    final DecisionLog decisions;
    final LeaderAlertPath path = new LeaderAlertPath();
    private final SentinelConfig config;
    /** The checks in force, live: a held alert's wait follows an interval changed in place. */
    private final CheckIndex checks;
    private final Storage storage;
    private final AlertPolicy policy;
    private final HttpCaller http;
    private final RouteCaller routes;
    private final AlertMetrics alertMetrics;
    private final Clock clock;
    private AlertDelivery delivery;
    private boolean started;

    /** @param claimant this instance's id when it shares the outbox with others; null alone */
    Alerting(SentinelConfig config, CheckIndex checks, Storage storage, Path dataDirectory, MeterRegistry metrics,
             HttpCaller http, RouteCaller routes, Clock clock, String claimant) {
        this.config = config;
        this.checks = checks;
        this.storage = storage;
        this.http = http;
        this.routes = routes;
        this.clock = clock;
        this.policy = new AlertPolicy(config.alerts(), checks);
        config.alerts().channels().stream().filter(channel -> !channel.isEnabled()).forEach(channel -> LOG.warn(
                "Alert channel {} is not set up ({}); its alerts go to the other channels and the log",
                channel.id(), channel.howToEnable()));
        this.decisions = storage.decisions;
        this.outbox = new Outbox(storage.outbox, dataDirectory.resolve("spool"), claimant);
        this.muting = new Muting(config.alerts().maintenance(), storage.silences);
        this.alertMetrics = new AlertMetrics(metrics, outbox,
                config.alerts().channels().stream().map(ChannelConfig::id).toList());
        WriterMetrics.bind(metrics, List.of(outbox.writerStatus()));
    }

    /** Reads the silences in force, once the database is open; a leader reads them again as it takes over. */
    void loadSilences() {
        muting.load();
    }

    /**
     * Takes up the leader's work where the database (and this instance's spools) left it: the unclosed incidents,
     * the alerts told and waiting, the unfinished notifications; then the dispatchers run.
     */
    @Override
    public synchronized void lead() {
        if (path.isLeading()) {
            return;
        }
        List<Decision> uncopied = decisions.uncopied();
        IncidentTracker incidentTracker = new IncidentTracker(Topology.of(config, checks));
        IncidentRestore.into(incidentTracker, storage, uncopied, clock);
        List<AlertEvent> recent = new ArrayList<>();
        try {
            recent.addAll(storage.alertEvents.recent(1_000));
        } catch (RuntimeException databaseUnavailable) {
            LOG.warn("Could not restore open incidents ({}); reminders start with the next alert",
                    databaseUnavailable.getMessage());
        }
        uncopied.forEach(decision -> recent.addAll(decision.events()));
        incidentTracker.restoreWaiting(recent);
        OpenIncidents incidents = new OpenIncidents();
        incidents.restore(recent.stream().filter(event -> incidentTracker.isTold(event.incidentId())).toList());
        outbox.reload(uncopied.stream().flatMap(decision -> decision.notifications().stream()).toList());
        muting.load();
        AlertRouter router = new AlertRouter(policy, outbox, muting, decisions, incidents, incidentTracker, clock);
        delivery = new AlertDelivery(ChannelSenders.of(config.alerts(), http, routes, clock), outbox,
                new ChannelFallbacks(policy, outbox, clock),
                new HeldNotifications(outbox, muting, incidents, clock),
                new Reminders(incidents, policy, outbox, muting, clock), RetryPolicy.STANDARD, alertMetrics, clock);
        path.lead(router, delivery);
        if (started) {
            delivery.start();
        }
    }

    /** Hands the leader's work over: the dispatchers stop (a send in flight finishes first); nothing more is decided. */
    @Override
    public synchronized void follow() {
        path.follow();
        if (delivery != null) {
            delivery.close();
            delivery = null;
        }
    }

    /**
     * The decision and outbox spools left by an outage start being copied to the database, and delivery starts if
     * this instance leads: only now, since the restore read them.
     */
    synchronized void start() {
        decisions.start();
        outbox.start();
        started = true;
        if (delivery != null) {
            delivery.start();
        }
    }

    /** Delivery stops first, so that its last outbox changes are written or spooled by the outbox's writer. */
    @Override
    public void close() {
        follow();
        outbox.close();
    }
}

package io.sentinel.daemon;

import io.micrometer.core.instrument.MeterRegistry;
import io.sentinel.alert.AlertDelivery;
import io.sentinel.alert.AlertPolicy;
import io.sentinel.alert.AlertRouter;
import io.sentinel.alert.ChannelFallbacks;
import io.sentinel.alert.Decision;
import io.sentinel.alert.HeldNotifications;
import io.sentinel.alert.OpenIncidents;
import io.sentinel.alert.Reminders;
import io.sentinel.alert.dispatch.RetryPolicy;
import io.sentinel.alert.route.RouteCaller;
import io.sentinel.alert.outbox.Outbox;
import io.sentinel.alert.silence.Muting;
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
 * per-channel delivery.
 */
final class Alerting implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Alerting.class);

    final AlertRouter router;
    final Muting muting;
    final Outbox outbox;
    final AlertDelivery delivery;
    final DecisionLog decisions;
    final IncidentTracker incidentTracker;

    Alerting(SentinelConfig config, CheckIndex checks, Storage storage, Path dataDirectory, MeterRegistry metrics,
             HttpCaller http, RouteCaller routes, Clock clock) {
        AlertPolicy policy = new AlertPolicy(config.alerts(), checks);
        config.alerts().channels().stream().filter(channel -> !channel.isEnabled()).forEach(channel -> LOG.warn(
                "Alert channel {} is not set up ({}); its alerts go to the other channels and the log",
                channel.id(), channel.howToEnable()));
        this.decisions = storage.decisions;
        List<Decision> uncopied = decisions.uncopied();
        this.incidentTracker = new IncidentTracker(Topology.of(config, checks));
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
        this.outbox = new Outbox(storage.outbox, dataDirectory.resolve("spool"));
        outbox.load(uncopied.stream().flatMap(decision -> decision.notifications().stream()).toList());
        this.muting = new Muting(config.alerts().maintenance(), storage.silences);
        muting.load();
        this.router = new AlertRouter(policy, outbox, muting, decisions, incidents, incidentTracker, clock);
        this.delivery = new AlertDelivery(ChannelSenders.of(config.alerts(), http, routes, clock), outbox,
                new ChannelFallbacks(policy, outbox, clock),
                new HeldNotifications(outbox, muting, incidents, clock),
                new Reminders(incidents, policy, outbox, muting, clock), RetryPolicy.STANDARD,
                new AlertMetrics(metrics, outbox, config.alerts().channels().stream().map(ChannelConfig::id).toList()),
                clock);
        WriterMetrics.bind(metrics, List.of(outbox.writerStatus()));
    }

    /**
     * Delivery starts, and the decision and outbox spools left by an outage start being copied to the database:
     * only now, since the restore read them.
     */
    void start() {
        decisions.start();
        outbox.start();
        delivery.start();
    }

    /** Delivery stops first, so that its last outbox changes are written or spooled by the outbox's writer. */
    @Override
    public void close() {
        delivery.close();
        outbox.close();
    }
}

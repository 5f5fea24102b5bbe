package io.sentinel.daemon;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sentinel.api.AdminAuth;
import io.sentinel.api.ApiHeaderFilterStrategy;
import io.sentinel.api.ApiReplies;
import io.sentinel.api.BreakerApi;
import io.sentinel.api.CostApi;
import io.sentinel.api.IncidentApi;
import io.sentinel.api.ReportApi;
import io.sentinel.api.SilenceApi;
import io.sentinel.api.StatusApi;
import io.sentinel.api.StatusPage;
import io.sentinel.api.http.ApiHttpServer;
import io.sentinel.alert.Decision;
import io.sentinel.breaker.BreakerJournal;
import io.sentinel.breaker.BreakerVerdict;
import io.sentinel.breaker.Breakers;
import io.sentinel.cluster.ClusterMembership;
import io.sentinel.cluster.ClusterServices;
import io.sentinel.cluster.ClusterStates;
import io.sentinel.cluster.LocationViews;
import io.sentinel.cluster.Leadership;
import io.sentinel.cluster.MemberIds;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.SentinelConfig;
import io.sentinel.connectivity.ConnectivityGate;
import io.sentinel.cost.ProbeCosts;
import io.sentinel.incident.timeline.IncidentTimelines;
import io.sentinel.metrics.BreakerMetrics;
import io.sentinel.metrics.ProbeMetrics;
import io.sentinel.metrics.StorageMetrics;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeResult;
import io.sentinel.probe.ProbeRunner;
import io.sentinel.probe.ProbeToolkit;
import io.sentinel.probe.schedule.CheckScheduleComponent;
import io.sentinel.probe.schedule.ProbeScheduler;
import io.sentinel.reload.ConfigurationChanges;
import io.sentinel.reload.ConfigurationVersion;
import io.sentinel.routes.RouteFiles;
import io.sentinel.routes.LoadedRoutes;
import io.sentinel.heartbeat.Heartbeat;
import io.sentinel.http.HttpCaller;
import io.sentinel.report.DailyReport;
import io.sentinel.report.diagnostics.DailyDiagnostics;
import io.sentinel.report.diagnostics.Diagnostics;
import io.sentinel.report.incident.IncidentReports;
import io.sentinel.results.ResultIntake;
import io.sentinel.results.ResultRecorder;
import io.sentinel.model.AlertEvent;
import io.sentinel.model.AlertStatus;
import io.sentinel.rules.IncidentIds;
import io.sentinel.rules.AlertRules;
import io.sentinel.rules.CheckState;
import io.sentinel.rules.CheckStates;
import io.sentinel.rules.FlapDetection;
import io.sentinel.rules.Rules;
import io.sentinel.rules.Verdict;
import io.sentinel.rules.VerdictDecides;
import io.sentinel.secret.Redactor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.support.RoutePolicySupport;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running daemon: builds every component from the configuration, binds them as beans for the YAML
 * routes, instantiates one probe route per check, and starts Camel. This is the only place that knows how
 * the parts fit together.
 */
public final class SentinelDaemon implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SentinelDaemon.class);
    /** Results of one check read for an incident's impact: a day and more of probes every ten seconds. */
    private static final int MAX_INCIDENT_RESULTS = 10_000;

    private final Main main;
    private final LiveChange live;
    private final ConfigurationChanges configurationChanges;
    private final Alerting alerting;
    private final Rules rules;
    private final List<AutoCloseable> resources;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private SentinelDaemon(SentinelConfig config, Main main, Alerting alerting, Rules rules,
                           List<AutoCloseable> resources, LiveChange live, ConfigurationChanges configurationChanges) {
        this.main = main;
        this.alerting = alerting;
        this.rules = rules;
        this.resources = resources;
        this.live = live;
        this.configurationChanges = configurationChanges;
    }

    public static SentinelDaemon start(SentinelConfig config, DaemonOptions options) throws Exception {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            return assemble(config, options, resources);
        } catch (Exception | Error failure) {
            closeAll(resources);
            throw failure;
        }
    }

    /** Resources are closed in the reverse order of their creation: delivery and probes before the database. */
    private static SentinelDaemon assemble(SentinelConfig config, DaemonOptions options,
                                           List<AutoCloseable> resources) throws Exception {
        CheckIndex checks = new CheckIndex(config);
        List<ProbeKind> kinds = BuiltInKinds.all();
        Storage storage = new Storage(config.storage(), config.cluster().location(), options.dataDirectory(),
                options.clock());
        resources.add(0, storage);
        DailyReport report = new DailyReport(config.storage().reportsDirectory());
        resources.add(0, report);

        Leadership leadership = config.cluster().isClustered() ? Leadership.inCluster() : Leadership.alone();
        String memberId = MemberIds.next(config.cluster().location());
        // in a cluster the thresholds give this location's view, and the leader writes the decided states
        CheckStates states = new CheckStates(checks::check,
                leadership.isClustered() ? LocationViews.NOT_DECIDED : storage.checkStates, options.clock());
        ClusterStates clusterStates = new ClusterStates(config.cluster(), checks, storage.locationViews, options.clock());
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        StorageMetrics.bind(metrics, storage.database, List.of(storage.results.writerStatus(),
                storage.checkStates.writerStatus(), storage.decisions.writerStatus(), report.writerStatus()));
        Breakers breakers = new Breakers(config.dependencies(), options.clock());
        BreakerJournal breakerJournal = new BreakerJournal(breakers, storage.breakers);
        HttpCaller http = new HttpCaller();
        resources.add(0, http);
        CamelRouteCaller routeCaller = new CamelRouteCaller();
        Alerting alerting = new Alerting(config, checks, storage, options.dataDirectory(), metrics, http, routeCaller,
                options.clock(), leadership.isClustered() ? memberId : null);
        resources.add(0, alerting);
        ProbeToolkit toolkit = new ProbeToolkit(http, options.clock());
        AdminAuth adminAuth = new AdminAuth(config.server().adminToken());
        ProbeCosts costs = new ProbeCosts(checks::dependency,
                kinds.stream().collect(Collectors.toMap(ProbeKind::name, kind -> kind)), storage.spending, options.clock());
        ConfigurationChanges configurationChanges = new ConfigurationChanges(ConfigurationVersion.of(config.source(),
                RouteFiles.in(options.routesDirectory(), config.routes()).watched()), options.clock());
        AlertRules alertRules = new AlertRules(storage.results, options.clock());
        FlapDetection flapping = new FlapDetection();
        Rules rules = new Rules(states, flapping, List.of(alertRules),
                List.of(breakerJournal.alerts(), costs.alerts(), configurationChanges), options.clock(),
                leadership::isLeader, leadership.isClustered()
                        ? new LocationViews(config.cluster().location(), storage.locationViews)::record : null);
        ProbeScheduler scheduler = new ProbeScheduler(config.server().probeThreads(), metrics);
        resources.add(0, scheduler);
        ProbeMetrics probeMetrics = new ProbeMetrics(metrics, checks, states);

        Main main = new Main();
        main.setInitialProperties(CamelSettings.of(config, options));
        main.bind(BeanNames.METRICS_REGISTRY, metrics);
        main.bind(BeanNames.CIRCUIT_BREAKER_REGISTRY, breakers.registry());
        breakers.beans().forEach(main::bind);
        for (ProbeKind kind : kinds) {
            main.bind(kind.probeBean(), new ProbeRunner(kind.newProbe(toolkit), costs, options.clock()));
        }
        main.bind(BeanNames.CHECKS, checks);
        ConnectivityGate connectivity = new ConnectivityGate(config.checks().stream().filter(CheckConfig::connectivity)
                .map(CheckConfig::id).collect(Collectors.toSet()), states);
        main.bind(BeanNames.BREAKER_VERDICT, new BreakerVerdict(breakers, options.clock(), connectivity::isNotCountedByBreakers));
        main.bind(BeanNames.RESULT_INTAKE, new ResultIntake(checks));
        main.bind(BeanNames.CONNECTIVITY_GATE, connectivity);
        main.bind(BeanNames.PROBE_METRICS, probeMetrics);
        main.bind(BeanNames.RESULT_RECORDER, new ResultRecorder(List.of(storage.results, report)));
        main.bind(BeanNames.RULES, rules);
        main.bind(BeanNames.VERDICT_DECIDES, new VerdictDecides());
        main.bind(BeanNames.CLUSTER_STATES, clusterStates);
        main.bind(BeanNames.ALERT_ROUTER, alerting.path);
        main.bind(BeanNames.ALERT_DELIVERY, alerting.path);
        main.bind(BeanNames.RETENTION, storage.retention);
        main.bind(BeanNames.DATABASE, storage.database);
        main.bind(BeanNames.HEARTBEAT, new Heartbeat(config.heartbeat(), http, metrics, options.clock()));
        ClusterMembership membership = new ClusterMembership(config.cluster(), memberId, apiUrl(config), leadership,
                storage.members, storage.locationViews, storage.checkStates, metrics, options.clock());
        main.bind(BeanNames.CLUSTER_MEMBERSHIP, membership);
        main.bind(BeanNames.STATUS_API, new StatusApi(checks, states, storage.results, alertRules::timeUntilExhausted,
                options.clock(), scheduler::routeOf, configurationChanges::status, membership));
        main.bind(BeanNames.STATUS_PAGE, new StatusPage());
        main.bind(BeanNames.BREAKER_API, new BreakerApi(breakers, checks, adminAuth));
        main.bind(BeanNames.SILENCE_API, new SilenceApi(alerting.muting, checks, adminAuth, options.clock()));
        main.bind(BeanNames.COST_API, new CostApi(checks, costs));
        main.bind(BeanNames.INCIDENT_API, new IncidentApi(storage.incidentReports,
                new IncidentReports(storage.incidentReports, options.clock()), storage.incidents,
                new IncidentTimelines(storage.incidents, storage.alertEvents::forIncident, storage.outbox::forIncident,
                        storage.breakers, (check, from, to) -> storage.results.between(check, from, to, MAX_INCIDENT_RESULTS),
                        dependency -> checks.checksOf(dependency).stream().map(CheckConfig::id).toList(),
                        storage.silences::all, options.clock()), options.clock()));
        Diagnostics diagnostics = new Diagnostics(storage.observations, storage.incidentReports, storage.spending, checks,
                options.clock());
        main.bind(BeanNames.REPORT_API, new ReportApi(diagnostics, options.clock()));
        main.bind(BeanNames.DAILY_DIAGNOSTICS, new DailyDiagnostics(diagnostics,
                DailyDiagnostics.besideMonitoringReports(config.storage().reportsDirectory()), options.clock()));
        main.bind(BeanNames.RELOAD_API, new io.sentinel.api.ReloadApi(options.reloads(), adminAuth));
        main.bind(BeanNames.API_REPLIES, new ApiReplies());
        main.bind(BeanNames.API_HEADER_FILTER, new ApiHeaderFilterStrategy());
        main.bind(BeanNames.API_HTTP_SERVER, new ApiHttpServer());
        RouteExtensions.bind(main, checks, metrics, http, options.clock());
        main.bind(CheckScheduleComponent.SCHEME, new CheckScheduleComponent(scheduler));

        main.init();
        Optional<CamelClusterService> clusterService = ClusterServices.create(config.cluster(), memberId,
                main.getCamelContext());
        bindLeaderOnlyPolicy(main, clusterService);
        routeCaller.connect(main.getCamelContext());
        RouteExtensions.configure(main.getCamelContext());
        LoadedRoutes routes = loadRoutes(main.getCamelContext(), config, options, kinds);

        // The database opened and migrated on its own thread while the above was built; the previous run's state is
        // read from it now, before the first probe and the first alert.
        if (leadership.isClustered()) {
            storage.awaitOpen();
        } else {
            Restore.checkStates(states, checks, storage);
        }
        Restore.breakers(breakerJournal, storage);
        breakers.onTransition(breakerJournal);
        breakers.onTransition(new BreakerMetrics(metrics, breakers));
        costs.restoreToday();
        alerting.loadSilences();
        if (leadership.isClustered()) {
            // a new leader continues from the states and signals the previous one decided, and from the rule alerts
            // it told (it judged them on its own location's results)
            leadership.onChange(Restore.decisionsOnTakeover(clusterStates, storage));
            leadership.onChange(Restore.ruleAlertsOnTakeover(alertRules, storage));
        }
        // a check flapping when the previous run (or leader) stopped deciding is flapping still
        leadership.onChange(Restore.flappingLeftOpen(flapping, checks, storage, options.clock()));
        leadership.onChange(alerting);
        main.start();
        // planned once the probe routes run, so no first probe finds its route missing
        scheduler.plan(config.checks());
        LiveChange live = new LiveChange(main.getCamelContext(), config, checks, states, probeMetrics, scheduler, kinds,
                options.routesDirectory(), routes.byFile());
        alerting.start();
        if (clusterService.isPresent()) {
            leadership.start(clusterService.get());
            LOG.info("Sentinel is member {} of a cluster at location {}, elected by the {} cluster service", memberId,
                    config.cluster().location(), config.cluster().service().label());
        }
        LOG.info("Sentinel is watching {} check(s) of {} dependencies; API on http://{}:{}/api/status",
                config.checks().size(), config.dependencies().size(), config.server().host(), config.server().port());
        return new SentinelDaemon(config, main, alerting, rules, resources, live, configurationChanges);
    }

    /** Where this instance's API answers, as other members and people should call it. */
    private static String apiUrl(SentinelConfig config) {
        String host = config.server().host();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            try {
                host = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException unnamed) {
                host = "localhost";
            }
        }
        return "http://" + host + ":" + config.server().port();
    }

    /**
     * The routes only the leader runs carry the {@code leaderOnly} route policy: Camel's ClusteredRoutePolicy on
     * the cluster service, which starts them when this instance is elected and stops them when it is not; alone,
     * a policy that does nothing.
     */
    private static void bindLeaderOnlyPolicy(Main main, Optional<CamelClusterService> service) throws Exception {
        org.apache.camel.CamelContext camel = main.getCamelContext();
        if (service.isPresent()) {
            camel.addService(service.get());
            camel.getRegistry().bind(BeanNames.LEADER_ONLY,
                    ClusteredRoutePolicy.forNamespace(service.get(), ClusterServices.NAMESPACE));
        } else {
            camel.getRegistry().bind(BeanNames.LEADER_ONLY, new RoutePolicySupport() { });
        }
    }

    /** The routes as {@code validate} assembles them; the start reports what the operator's files changed. */
    private static LoadedRoutes loadRoutes(org.apache.camel.CamelContext camel, SentinelConfig config,
                                           DaemonOptions options, List<ProbeKind> kinds) throws Exception {
        LoadedRoutes loaded = RouteAssembly.assemble(camel, config, options.routesDirectory(), kinds);
        loaded.overridden().forEach(id -> LOG.info("Route '{}' is the operator's: it replaces the built-in one"
                + " (routes.override)", id));
        loaded.byFile().forEach((file, ids) -> LOG.info("Routes from {}: {}", file, ids.isEmpty() ? "(none)" : ids));
        return loaded;
    }

    /**
     * How long a start waits for a database server that did not answer at once before reading the previous state:
     * a server can be down for long, and checks are better probed from UNKNOWN than not probed.
     */
    private static final java.time.Duration DATABASE_SERVER_AT_START = java.time.Duration.ofSeconds(3);

    /**
     * How long a start waits for the embedded H2 file. It is not down, only slow to open on a loaded machine (or held
     * by another process for a moment); starting without the previous states would decide a check that is still
     * DOWN afresh, under a new incident id, and tell people a second time about the outage they know of.
     */
    private static final java.time.Duration EMBEDDED_DATABASE_AT_START = java.time.Duration.ofSeconds(60);

    /** Picks up where the previous run stopped; with the database down there is nothing to pick up, and the log says so. */
    private static final class Restore {

        /** From the database, overlaid with the states of decisions made while it was down (they are newer). */
        static void checkStates(CheckStates states, CheckIndex checks, Storage storage) {
            List<String> ids = checks.checks().stream().map(CheckConfig::id).toList();
            Map<String, CheckState> stored = new HashMap<>();
            Map<String, ProbeResult> lastResults = Map.of();
            storage.database.awaitReady(storage.database.isPostgres() ? DATABASE_SERVER_AT_START
                    : EMBEDDED_DATABASE_AT_START);
            try {
                stored.putAll(storage.checkStates.loadAll());
                lastResults = storage.results.latestOf(ids);
            } catch (RuntimeException unavailable) {
                LOG.warn("Could not restore check states from the database ({}); checks start from the decisions in"
                        + " the local spool, or UNKNOWN", unavailable.getMessage());
            }
            for (Decision decision : storage.decisions.uncopied()) {
                decision.checkState().ifPresent(state -> stored.merge(state.checkId(), state, Restore::newer));
            }
            states.restore(ids, stored, lastResults);
        }

        private static CheckState newer(CheckState stored, CheckState spooled) {
            return stored.lastProbeAt() != null && spooled.lastProbeAt() != null
                    && stored.lastProbeAt().isAfter(spooled.lastProbeAt()) ? stored : spooled;
        }

        /** For a cluster member: the decided states and the locations' signals, read again each time it is elected. */
        static Leadership.Duties decisionsOnTakeover(ClusterStates clusterStates, Storage storage) {
            return new Leadership.Duties() {
                @Override
                public void lead() {
                    try {
                        clusterStates.restore(storage.checkStates.loadAll(), storage.alertEvents.recent(1_000));
                    } catch (RuntimeException unavailable) {
                        LOG.warn("Could not read the decided states ({}); checks are decided afresh from the"
                                + " locations' views", unavailable.getMessage());
                        clusterStates.restore(Map.of(), List.of());
                    }
                }

                @Override
                public void follow() {
                    // nothing to hand over: the decisions are in the database
                }
            };
        }

        /** For a cluster member: the rule alerts the previous leader told and did not resolve, at each election. */
        static Leadership.Duties ruleAlertsOnTakeover(AlertRules alertRules, Storage storage) {
            return new Leadership.Duties() {
                @Override
                public void lead() {
                    try {
                        alertRules.takeOver(openRuleAlerts(storage.alertEvents.recent(1_000)));
                    } catch (RuntimeException unavailable) {
                        LOG.warn("Could not read the rule alerts left open ({}); rules go on from this location's"
                                + " judgement", unavailable.getMessage());
                    }
                }

                @Override
                public void follow() {
                    // the rules keep judging, quietly, so they are warm at the next election
                }
            };
        }

        /** The checks whose FLAPPING alert is still open, read at the start of a single instance and at each election. */
        static Leadership.Duties flappingLeftOpen(FlapDetection flapping, CheckIndex checks, Storage storage,
                                                  java.time.Clock clock) {
            return new Leadership.Duties() {
                @Override
                public void lead() {
                    try {
                        flapping.restore(storage.alertEvents.recent(1_000), checks::check, clock.instant());
                    } catch (RuntimeException unavailable) {
                        LOG.warn("Could not read which checks were flapping ({}); flap detection counts afresh",
                                unavailable.getMessage());
                    }
                }

                @Override
                public void follow() {
                    // the leader decides what people hear of flapping checks
                }
            };
        }

        /** Of events newest first: the FIRING of each rule alert whose newest event is a FIRING. */
        private static List<AlertEvent> openRuleAlerts(List<AlertEvent> newestFirst) {
            Map<String, AlertEvent> newestByIncident = new java.util.LinkedHashMap<>();
            newestFirst.stream().filter(event -> IncidentIds.ruleSeriesOf(event.incidentId()).isPresent())
                    .forEach(event -> newestByIncident.putIfAbsent(event.incidentId(), event));
            return newestByIncident.values().stream().filter(event -> event.status() == AlertStatus.FIRING).toList();
        }

        static void breakers(BreakerJournal journal, Storage storage) {
            try {
                journal.restore(storage.breakers.loadAll());
            } catch (RuntimeException unavailable) {
                LOG.warn("Could not restore circuit breakers ({}); every breaker starts CLOSED", unavailable.getMessage());
            }
        }
    }

    public SentinelConfig config() {
        return live.config();
    }

    /**
     * Applies a validated configuration change in place, changing only what changed.
     *
     * @return false when the change needs the daemon rebuilt (nothing was changed then)
     */
    public boolean apply(SentinelConfig changed, String version) throws Exception {
        boolean applied = live.apply(changed);
        if (applied) {
            configurationChanges.applied(version);
        }
        return applied;
    }

    /** Where refused changes are recorded and raised as an alert. */
    public ConfigurationChanges configurationChanges() {
        return configurationChanges;
    }

    /** The running Camel context, for tools that inspect routes and beans. */
    public org.apache.camel.CamelContext camelContext() {
        return main.getCamelContext();
    }

    /** Blocks until {@link #close()} runs, for example from the shutdown hook on SIGTERM. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            main.stop();
        } catch (Exception failure) {
            LOG.warn("Camel did not stop cleanly: {}", Redactor.global().describe(failure));
        }
        commitPendingAlerts();
        closeAll(resources);
        stopped.countDown();
        LOG.info("Sentinel stopped");
    }

    /**
     * Alert events raised since the pending-alerts route last ran (an operator's action a moment before the
     * stop) are committed now, so the next start sends them instead of nobody ever hearing of them.
     */
    private void commitPendingAlerts() {
        try {
            Verdict pending = rules.pending();
            if (!pending.isEmpty()) {
                alerting.path.route(pending);
            }
        } catch (RuntimeException failure) {
            LOG.warn("Alert events raised just before the stop could not be committed: {}",
                    Redactor.global().describe(failure));
        }
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception failure) {
                LOG.warn("Closing {} failed: {}", resource.getClass().getSimpleName(), Redactor.global().describe(failure));
            }
        }
    }
}

package io.sentinel.daemon;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sentinel.api.AdminAuth;
import io.sentinel.api.ApiHeaderFilterStrategy;
import io.sentinel.api.ApiReplies;
import io.sentinel.api.BreakerApi;
import io.sentinel.api.CostApi;
import io.sentinel.api.IncidentApi;
import io.sentinel.api.SilenceApi;
import io.sentinel.api.StatusApi;
import io.sentinel.api.http.ApiHttpServer;
import io.sentinel.alert.Decision;
import io.sentinel.breaker.BreakerJournal;
import io.sentinel.breaker.BreakerVerdict;
import io.sentinel.breaker.Breakers;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.CheckKinds;
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
import io.sentinel.http.HttpCaller;
import io.sentinel.report.DailyReport;
import io.sentinel.readings.ReadingAlerts;
import io.sentinel.results.ResultIntake;
import io.sentinel.results.ResultRecorder;
import io.sentinel.rules.CheckState;
import io.sentinel.rules.CheckStates;
import io.sentinel.rules.Rules;
import io.sentinel.rules.Verdict;
import io.sentinel.secret.Redactor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final SentinelConfig config;
    private final Main main;
    private final Alerting alerting;
    private final Rules rules;
    private final List<AutoCloseable> resources;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private SentinelDaemon(SentinelConfig config, Main main, Alerting alerting, Rules rules,
                           List<AutoCloseable> resources) {
        this.config = config;
        this.main = main;
        this.alerting = alerting;
        this.rules = rules;
        this.resources = resources;
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
        Storage storage = new Storage(config.storage(), options.dataDirectory(), options.clock());
        resources.add(0, storage);
        DailyReport report = new DailyReport(config.storage().reportsDirectory());
        resources.add(0, report);

        CheckStates states = new CheckStates(checks::check, storage.checkStates, options.clock());
        Restore.checkStates(states, checks, storage);
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        StorageMetrics.bind(metrics, storage.database, storage.results, report);
        Breakers breakers = new Breakers(config.dependencies(), options.clock());
        BreakerJournal breakerJournal = new BreakerJournal(breakers, storage.breakers);
        Restore.breakers(breakerJournal, storage);
        breakers.onTransition(breakerJournal);
        breakers.onTransition(new BreakerMetrics(metrics, breakers));
        HttpCaller http = new HttpCaller();
        resources.add(0, http);
        Alerting alerting = new Alerting(config, checks, storage, options.dataDirectory(), metrics, http, options.clock());
        resources.add(0, alerting);
        ProbeToolkit toolkit = new ProbeToolkit(http, options.clock());
        AdminAuth adminAuth = new AdminAuth(config.server().adminToken());
        ProbeCosts costs = new ProbeCosts(checks::dependency,
                kinds.stream().collect(Collectors.toMap(ProbeKind::name, kind -> kind)), storage.spending, options.clock());
        Rules rules = new Rules(states, List.of(new ReadingAlerts(storage.results, options.clock())),
                List.of(breakerJournal.alerts(), costs.alerts()));

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
        main.bind(BeanNames.PROBE_METRICS, new ProbeMetrics(metrics, checks, states));
        main.bind(BeanNames.RESULT_RECORDER, new ResultRecorder(List.of(storage.results, report)));
        main.bind(BeanNames.RULES, rules);
        main.bind(BeanNames.ALERT_ROUTER, alerting.router);
        main.bind(BeanNames.DECISION_LOG, alerting.decisions);
        main.bind(BeanNames.ALERT_DELIVERY, alerting.delivery);
        main.bind(BeanNames.RETENTION, storage.retention);
        main.bind(BeanNames.STATUS_API, new StatusApi(checks, states, storage.results, options.clock()));
        main.bind(BeanNames.BREAKER_API, new BreakerApi(breakers, checks, adminAuth));
        main.bind(BeanNames.SILENCE_API, new SilenceApi(alerting.muting, checks, adminAuth, options.clock()));
        main.bind(BeanNames.COST_API, new CostApi(checks, costs));
        main.bind(BeanNames.INCIDENT_API, new IncidentApi(storage.alertEvents, storage.outbox, storage.incidents,
                new IncidentTimelines(storage.incidents, storage.alertEvents::forIncident, storage.outbox::forIncident,
                        storage.breakers, (check, from, to) -> storage.results.between(check, from, to, MAX_INCIDENT_RESULTS),
                        dependency -> checks.checksOf(dependency).stream().map(CheckConfig::id).toList(),
                        storage.silences::all, options.clock())));
        main.bind(BeanNames.API_REPLIES, new ApiReplies());
        main.bind(BeanNames.API_HEADER_FILTER, new ApiHeaderFilterStrategy());
        main.bind(BeanNames.API_HTTP_SERVER, new ApiHttpServer());
        main.configure().addRoutesBuilder(new CheckRoutes(config.checks(), new CheckKinds(kinds)));

        main.init();
        main.start();
        alerting.start();
        LOG.info("Sentinel is watching {} check(s) of {} dependencies; API on http://{}:{}/api/status",
                config.checks().size(), config.dependencies().size(), config.server().host(), config.server().port());
        return new SentinelDaemon(config, main, alerting, rules, resources);
    }

    /** Picks up where the previous run stopped; with the database down there is nothing to pick up, and the log says so. */
    private static final class Restore {

        /** From the database, overlaid with the states of decisions made while it was down (they are newer). */
        static void checkStates(CheckStates states, CheckIndex checks, Storage storage) {
            List<String> ids = checks.checks().stream().map(CheckConfig::id).toList();
            Map<String, CheckState> stored = new HashMap<>();
            Map<String, ProbeResult> lastResults = Map.of();
            try {
                stored.putAll(storage.checkStates.loadAll());
                lastResults = storage.results.latestPerCheck();
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

        static void breakers(BreakerJournal journal, Storage storage) {
            try {
                journal.restore(storage.breakers.loadAll());
            } catch (RuntimeException unavailable) {
                LOG.warn("Could not restore circuit breakers ({}); every breaker starts CLOSED", unavailable.getMessage());
            }
        }
    }

    public SentinelConfig config() {
        return config;
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
                alerting.router.route(pending);
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

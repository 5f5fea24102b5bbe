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
import io.sentinel.alert.AlertEvent;
import io.sentinel.breaker.BreakerJournal;
import io.sentinel.breaker.BreakerVerdict;
import io.sentinel.breaker.Breakers;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.CheckKinds;
import io.sentinel.config.SentinelConfig;
import io.sentinel.cost.ProbeCosts;
import io.sentinel.metrics.BreakerMetrics;
import io.sentinel.metrics.ProbeMetrics;
import io.sentinel.metrics.StorageMetrics;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeRunner;
import io.sentinel.probe.ProbeToolkit;
import io.sentinel.probe.http.HttpCaller;
import io.sentinel.report.DailyReport;
import io.sentinel.readings.ReadingAlerts;
import io.sentinel.results.ResultIntake;
import io.sentinel.results.ResultRecorder;
import io.sentinel.rules.CheckStates;
import io.sentinel.secret.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.camel.ProducerTemplate;
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

    private final SentinelConfig config;
    private final Main main;
    private final Alerting alerting;
    private final List<AutoCloseable> resources;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private SentinelDaemon(SentinelConfig config, Main main, Alerting alerting, List<AutoCloseable> resources) {
        this.config = config;
        this.main = main;
        this.alerting = alerting;
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
        ReadingAlerts readingAlerts = new ReadingAlerts(checks, storage.results, options.clock());

        Main main = new Main();
        main.setInitialProperties(CamelSettings.of(config, options));
        main.bind("metricsRegistry", metrics);
        main.bind("circuitBreakerRegistry", breakers.registry());
        breakers.beans().forEach(main::bind);
        for (ProbeKind kind : kinds) {
            main.bind(kind.probeBean(), new ProbeRunner(kind.newProbe(toolkit), checks, costs, options.clock()));
        }
        main.bind("breakerVerdict", new BreakerVerdict(checks, breakers, options.clock()));
        main.bind("resultIntake", new ResultIntake(checks));
        main.bind("probeMetrics", new ProbeMetrics(metrics, checks, states));
        main.bind("resultRecorder", new ResultRecorder(List.of(storage.results, report)));
        main.bind("readingAlerts", readingAlerts);
        main.bind("checkStates", states);
        main.bind("alertRouter", alerting.router);
        main.bind("statusApi", new StatusApi(checks, states, storage.results, options.clock()));
        main.bind("breakerApi", new BreakerApi(breakers, checks, adminAuth));
        main.bind("silenceApi", new SilenceApi(alerting.muting, checks, adminAuth, options.clock()));
        main.bind("costApi", new CostApi(checks, costs));
        main.bind("incidentApi", new IncidentApi(storage.alertEvents, storage.outbox));
        main.bind("apiReplies", new ApiReplies());
        main.bind("apiHeaderFilterStrategy", new ApiHeaderFilterStrategy());
        main.bind("apiHttpServer", new io.sentinel.api.http.ApiHttpServer());
        main.configure().addRoutesBuilder(new CheckRoutes(config.checks(), new CheckKinds(kinds)));

        main.init();
        main.start();
        ProducerTemplate alerts = main.getCamelContext().createProducerTemplate();
        Consumer<AlertEvent> toAlertRoute = event -> alerts.sendBody("direct:alerts", event);
        breakerJournal.alertsTo(toAlertRoute);
        costs.alertsTo(toAlertRoute);
        readingAlerts.alertsTo(toAlertRoute);
        alerting.start();
        LOG.info("Sentinel is watching {} check(s) of {} dependencies; API on http://{}:{}/api/status",
                config.checks().size(), config.dependencies().size(), config.server().host(), config.server().port());
        return new SentinelDaemon(config, main, alerting, resources);
    }

    /** Picks up where the previous run stopped; with the database down there is nothing to pick up, and the log says so. */
    private static final class Restore {

        static void checkStates(CheckStates states, CheckIndex checks, Storage storage) {
            List<String> ids = checks.checks().stream().map(CheckConfig::id).toList();
            try {
                states.restore(ids, storage.checkStates.loadAll(), storage.results.latestPerCheck());
            } catch (RuntimeException unavailable) {
                LOG.warn("Could not restore check states ({}); every check starts UNKNOWN", unavailable.getMessage());
                states.restore(ids, Map.of(), Map.of());
            }
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
        closeAll(resources);
        stopped.countDown();
        LOG.info("Sentinel stopped");
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

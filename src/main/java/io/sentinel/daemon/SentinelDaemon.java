package io.sentinel.daemon;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sentinel.alert.AlertDispatcher;
import io.sentinel.api.AdminAuth;
import io.sentinel.api.ApiReplies;
import io.sentinel.api.BreakerApi;
import io.sentinel.api.StatusApi;
import io.sentinel.breaker.BreakerJournal;
import io.sentinel.breaker.BreakerVerdict;
import io.sentinel.breaker.Breakers;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.config.CheckKinds;
import io.sentinel.config.SentinelConfig;
import io.sentinel.metrics.BreakerMetrics;
import io.sentinel.metrics.ProbeMetrics;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.ProbeRunner;
import io.sentinel.probe.ProbeToolkit;
import io.sentinel.probe.http.HttpCaller;
import io.sentinel.report.DailyReport;
import io.sentinel.results.ResultIntake;
import io.sentinel.results.ResultRecorder;
import io.sentinel.rules.CheckStates;
import io.sentinel.secret.Redactor;
import io.sentinel.store.AlertEventStore;
import io.sentinel.store.BreakerStore;
import io.sentinel.store.CheckStateStore;
import io.sentinel.store.Database;
import io.sentinel.store.ResultStore;
import io.sentinel.store.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
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
    private final List<AutoCloseable> resources;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private SentinelDaemon(SentinelConfig config, Main main, List<AutoCloseable> resources) {
        this.config = config;
        this.main = main;
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

    private static SentinelDaemon assemble(SentinelConfig config, DaemonOptions options,
                                           List<AutoCloseable> resources) throws Exception {
        CheckIndex checks = new CheckIndex(config);
        List<ProbeKind> kinds = BuiltInKinds.all();
        CheckKinds kindIndex = new CheckKinds(kinds);

        Database database = Database.open(config.storage());
        resources.add(database);
        ResultStore resultStore = new ResultStore(database, options.dataDirectory().resolve("spool"));
        resources.add(0, resultStore);
        DailyReport report = new DailyReport(config.storage().reportsDirectory());
        resources.add(0, report);
        CheckStateStore stateStore = new CheckStateStore(database, options.clock());
        resources.add(0, stateStore);
        AlertEventStore eventStore = new AlertEventStore(database);

        CheckStates states = new CheckStates(checks::check, stateStore, options.clock());
        restore(states, checks, stateStore, resultStore);

        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Breakers breakers = new Breakers(config.dependencies(), options.clock());
        BreakerJournal breakerJournal = new BreakerJournal(breakers, new BreakerStore(database, options.clock()));
        restore(breakerJournal, database, options);
        breakers.onTransition(breakerJournal);
        breakers.onTransition(new BreakerMetrics(metrics, breakers));
        HttpCaller http = new HttpCaller();
        resources.add(0, http);
        ProbeToolkit toolkit = new ProbeToolkit(http, options.clock());

        Main main = new Main();
        main.setInitialProperties(CamelSettings.of(config, options));
        main.bind("metricsRegistry", metrics);
        main.bind("circuitBreakerRegistry", breakers.registry());
        breakers.beans().forEach(main::bind);
        for (ProbeKind kind : kinds) {
            main.bind(kind.probeBean(), new ProbeRunner(kind.newProbe(toolkit), checks, options.clock()));
        }
        main.bind("breakerVerdict", new BreakerVerdict(checks, breakers, options.clock()));
        main.bind("resultIntake", new ResultIntake(checks));
        main.bind("probeMetrics", new ProbeMetrics(metrics, checks, states));
        main.bind("resultRecorder", new ResultRecorder(List.of(resultStore, report)));
        main.bind("checkStates", states);
        main.bind("alertDispatcher", new AlertDispatcher(eventStore));
        main.bind("statusApi", new StatusApi(checks, states, resultStore, options.clock()));
        main.bind("breakerApi", new BreakerApi(breakers, checks, new AdminAuth(config.server().adminToken())));
        main.bind("apiReplies", new ApiReplies());
        main.configure().addRoutesBuilder(new CheckRoutes(config.checks(), kindIndex));

        main.init();
        main.start();
        ProducerTemplate alerts = main.getCamelContext().createProducerTemplate();
        breakerJournal.alertsTo(event -> alerts.sendBody("direct:alerts", event));
        LOG.info("Sentinel is watching {} check(s) of {} dependencies; API on http://{}:{}/api/status",
                config.checks().size(), config.dependencies().size(), config.server().host(), config.server().port());
        return new SentinelDaemon(config, main, resources);
    }

    /**
     * Continues where the previous run stopped. With the database down there is nothing to continue from:
     * checks start UNKNOWN, which is true, and the log says why.
     */
    private static void restore(CheckStates states, CheckIndex checks, CheckStateStore stored, ResultStore results) {
        List<String> ids = checks.checks().stream().map(CheckConfig::id).toList();
        try {
            states.restore(ids, stored.loadAll(), results.latestPerCheck());
        } catch (StoreException unavailable) {
            LOG.warn("Could not restore check states ({}); every check starts UNKNOWN", unavailable.getMessage());
            states.restore(ids, Map.of(), Map.of());
        }
    }

    private static void restore(BreakerJournal journal, Database database, DaemonOptions options) {
        try {
            journal.restore(new BreakerStore(database, options.clock()).loadAll());
        } catch (StoreException unavailable) {
            LOG.warn("Could not restore circuit breakers ({}); every breaker starts CLOSED", unavailable.getMessage());
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

package io.sentinel.routes;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.daemon.BeanNames;
import io.sentinel.model.HealthState;
import io.sentinel.rules.CheckState;
import io.sentinel.rules.Verdict;
import io.sentinel.rules.VerdictDecides;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The built-in results, alerts and housekeeping routes as Camel runs them, with stand-ins under the bean names the
 * daemon binds: each step is called in order with what the previous one returned, a verdict that decides nothing
 * stops before the alert path, and every housekeeping route calls its bean. (The probe template is exercised by
 * the daemon tests, the API routes by ApiContractIT.)
 */
class ShippedRoutesTest extends CamelTestSupport {

    private final List<String> calls = new CopyOnWriteArrayList<>();

    /** Records the call and passes the body on; as the per-probe steps are, it is a Processor too. */
    public final class Step implements Processor {
        private final String name;

        Step(String name) {
            this.name = name;
        }

        public Object accept(Object body) {
            return called("accept", body);
        }

        public Object judge(Object body) {
            return called("judge", body);
        }

        public Object record(Object body) {
            return called("record", body);
        }

        public Object route(Object body) {
            return called("route", body);
        }

        public Verdict decide(Object body) {
            called("decide", body);
            return "nothing".equals(body) ? Verdict.NONE : DECIDING;
        }

        public void refresh() {
            called("refresh", null);
        }

        public Verdict pending() {
            called("pending", null);
            return Verdict.NONE;
        }

        public void incidentTimers() {
            called("incidentTimers", null);
        }

        public void housekeep() {
            called("housekeep", null);
        }

        public void migrateWhenDue() {
            called("migrateWhenDue", null);
        }

        public void deleteExpired() {
            called("deleteExpired", null);
        }

        public void writeDue() {
            called("writeDue", null);
        }

        public void beat() {
            called("beat", null);
        }

        /** The per-probe steps: the rules' stand-in decides, every other one passes the body on. */
        @Override
        public void process(Exchange exchange) {
            Object body = exchange.getMessage().getBody();
            if (name.equals(BeanNames.RULES)) {
                called("process", body);
                exchange.getMessage().setBody("nothing".equals(body) ? Verdict.NONE : DECIDING);
            } else {
                exchange.getMessage().setBody(called("process", body));
            }
        }

        private Object called(String method, Object body) {
            calls.add(name + "." + method);
            return body;
        }
    }

    /** A verdict that decides something: the check's state changed. */
    private static final Verdict DECIDING = new Verdict(new CheckState("api", HealthState.DOWN, Instant.EPOCH, 3, 0, 0,
            3, Instant.EPOCH, "api-1"), List.of());

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withUseAdviceWith(true);
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.put("sentinel.heartbeat.interval-ms", "60000");
        return properties;
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        for (String name : List.of(BeanNames.RESULT_INTAKE, BeanNames.CONNECTIVITY_GATE, BeanNames.PROBE_METRICS,
                BeanNames.RESULT_RECORDER, BeanNames.RULES, BeanNames.ALERT_ROUTER, BeanNames.ALERT_DELIVERY,
                BeanNames.DATABASE, BeanNames.RETENTION, BeanNames.DAILY_DIAGNOSTICS, BeanNames.HEARTBEAT,
                BeanNames.CLUSTER_STATES, BeanNames.CLUSTER_MEMBERSHIP)) {
            registry.bind(name, new Step(name));
        }
        registry.bind(BeanNames.VERDICT_DECIDES, new VerdictDecides());
        // a single instance's leader-only policy: it does nothing
        registry.bind(BeanNames.LEADER_ONLY, new org.apache.camel.support.RoutePolicySupport() { });
    }

    @Override
    protected void doPostSetup() throws Exception {
        for (String file : List.of("results.yaml", "alerts.yaml", "housekeeping.yaml")) {
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.resolveMandatoryResource(context,
                    "classpath:" + BuiltInResources.ROUTES_FOLDER + file));
        }
        for (String id : List.of("pending-alerts", "incident-timers", "alert-housekeeping", "database-schema",
                "retention", "daily-diagnostics", "heartbeat", "cluster-decisions", "cluster-membership")) {
            AdviceWith.adviceWith(context, id, route -> route.replaceFromWith("direct:tick-" + id));
        }
        context.start();
    }

    @Test
    void aResultGoesThroughEveryStepInOrderAndADecidingVerdictReachesTheAlertPath() {
        template.sendBody("direct:results", "a result");

        assertThat(calls).containsExactly("resultIntake.process", "connectivityGate.process", "probeMetrics.process",
                "resultRecorder.process", "rules.process", "alertRouter.route");
    }

    @Test
    void aVerdictThatDecidesNothingStopsBeforeTheAlertPath() {
        template.sendBody("direct:results", "nothing");

        assertThat(calls).endsWith("rules.process").doesNotContain("alertRouter.route");
    }

    @Test
    void everyHousekeepingRouteCallsItsBean() {
        for (String id : List.of("pending-alerts", "incident-timers", "alert-housekeeping", "database-schema",
                "retention", "daily-diagnostics", "heartbeat", "cluster-decisions", "cluster-membership")) {
            template.sendBody("direct:tick-" + id, null);
        }

        assertThat(calls).contains("rules.pending", "alertRouter.incidentTimers", "alertDelivery.housekeep",
                "database.migrateWhenDue", "retention.deleteExpired", "dailyDiagnostics.writeDue", "heartbeat.beat",
                "clusterStates.decide", "clusterMembership.refresh");
    }
}

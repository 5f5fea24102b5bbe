package io.sentinel.daemon;

import io.sentinel.config.DependencyConfig;
import io.sentinel.config.SentinelConfig;
import io.sentinel.probe.ProbeKind;
import io.sentinel.probe.schedule.CheckScheduleComponent;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names under which the daemon binds its beans, as the YAML routes refer to them ({@code ref: rules}).
 * One list, read by the daemon when it binds and by the test that resolves every {@code ref:} of the shipped
 * routes, so a renamed bean fails a test instead of a probe at run time.
 */
public final class BeanNames {

    /** The configured checks, by id: the probe routes look their check up here once per probe. */
    public static final String CHECKS = "checks";
    public static final String BREAKER_VERDICT = "breakerVerdict";
    public static final String RESULT_INTAKE = "resultIntake";
    public static final String CONNECTIVITY_GATE = "connectivityGate";
    public static final String PROBE_METRICS = "probeMetrics";
    public static final String RESULT_RECORDER = "resultRecorder";
    public static final String RULES = "rules";
    /** The filter that lets only verdicts deciding something on to the alert path ({@code ref: verdictDecides}). */
    public static final String VERDICT_DECIDES = "verdictDecides";
    public static final String ALERT_ROUTER = "alertRouter";
    public static final String ALERT_DELIVERY = "alertDelivery";
    /** The route policy of the routes only the leader runs: Camel's ClusteredRoutePolicy, or none alone. */
    public static final String LEADER_ONLY = "leaderOnly";
    /** The leader's decisions from every location's view (cluster-decisions route). */
    public static final String CLUSTER_STATES = "clusterStates";
    /** Says this instance is alive and reads the cluster (cluster-membership route, on every instance). */
    public static final String CLUSTER_MEMBERSHIP = "clusterMembership";
    public static final String RETENTION = "retention";
    /** The database, whose schema the {@code database-schema} route migrates once it answers. */
    public static final String DATABASE = "database";
    /** The dead-man's switch the heartbeat route calls ({@code heartbeat.url}). */
    public static final String HEARTBEAT = "heartbeat";
    public static final String STATUS_API = "statusApi";
    /** The HTML status page at {@code GET /}. */
    public static final String STATUS_PAGE = "statusPage";
    public static final String BREAKER_API = "breakerApi";
    public static final String SILENCE_API = "silenceApi";
    public static final String COST_API = "costApi";
    public static final String INCIDENT_API = "incidentApi";
    public static final String RELOAD_API = "reloadApi";
    public static final String REPORT_API = "reportApi";
    /** Writes each finished day's diagnostics report to reports/diagnostics/. */
    public static final String DAILY_DIAGNOSTICS = "dailyDiagnostics";
    public static final String API_REPLIES = "apiReplies";
    public static final String API_HEADER_FILTER = "apiHeaderFilterStrategy";
    /** Not named by a route: Camel finds it by type and lets it shape the HTTP server. */
    public static final String API_HTTP_SERVER = "apiHttpServer";
    public static final String METRICS_REGISTRY = "metricsRegistry";
    public static final String CIRCUIT_BREAKER_REGISTRY = "circuitBreakerRegistry";
    /** The {@code sentinel-http-judge-action} Kamelet's bean: an HTTP answer judged into a result. */
    public static final String HTTP_JUDGE = "httpJudge";
    /** The {@code sentinel-result-sink} Kamelet's bean: a route's result checked against the contract. */
    public static final String RESULT_CONTRACT = "resultContract";
    /** The {@code sentinel-webhook-channel-sink} Kamelet's bean: a notification posted as JSON to a webhook. */
    public static final String WEBHOOK_POSTER = "webhookPoster";

    /** Prefix of each check kind's probe bean: {@code probe.http}, {@code probe.hunter} … */
    public static final String PROBE_PREFIX = "probe.";
    /** Prefix of each dependency's circuit breaker: {@code breaker.supabase-db} … */
    public static final String BREAKER_PREFIX = "breaker.";

    private BeanNames() {
    }

    /**
     * Every name the daemon binds for a configuration: the fixed ones, each kind's probe, each dependency's
     * breaker and the probe source component. Route validation resolves {@code ref:}s against this set.
     */
    public static Set<String> expected(SentinelConfig config, Collection<? extends ProbeKind> kinds) {
        Set<String> names = new TreeSet<>(fixed());
        kinds.forEach(kind -> names.add(kind.probeBean()));
        for (DependencyConfig dependency : config.dependencies()) {
            names.add(BREAKER_PREFIX + dependency.id());
        }
        names.add(CheckScheduleComponent.SCHEME);
        return names;
    }

    /** Every fixed name, for checks that want to see them all. */
    public static List<String> fixed() {
        return List.of(CHECKS, BREAKER_VERDICT, RESULT_INTAKE, CONNECTIVITY_GATE, PROBE_METRICS, RESULT_RECORDER, RULES,
                VERDICT_DECIDES, ALERT_ROUTER, ALERT_DELIVERY, RETENTION, DATABASE, HEARTBEAT, STATUS_API, STATUS_PAGE,
                BREAKER_API, SILENCE_API, COST_API,
                INCIDENT_API, RELOAD_API, REPORT_API, DAILY_DIAGNOSTICS, API_REPLIES, API_HEADER_FILTER, API_HTTP_SERVER,
                METRICS_REGISTRY, CIRCUIT_BREAKER_REGISTRY, HTTP_JUDGE, RESULT_CONTRACT, WEBHOOK_POSTER, LEADER_ONLY,
                CLUSTER_STATES, CLUSTER_MEMBERSHIP);
    }
}

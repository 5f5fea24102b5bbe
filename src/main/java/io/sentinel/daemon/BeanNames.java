package io.sentinel.daemon;

import java.util.List;

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
    public static final String ALERT_ROUTER = "alertRouter";
    public static final String DECISION_LOG = "decisionLog";
    public static final String ALERT_DELIVERY = "alertDelivery";
    public static final String RETENTION = "retention";
    public static final String STATUS_API = "statusApi";
    public static final String BREAKER_API = "breakerApi";
    public static final String SILENCE_API = "silenceApi";
    public static final String COST_API = "costApi";
    public static final String INCIDENT_API = "incidentApi";
    public static final String API_REPLIES = "apiReplies";
    public static final String API_HEADER_FILTER = "apiHeaderFilterStrategy";
    /** Not named by a route: Camel finds it by type and lets it shape the HTTP server. */
    public static final String API_HTTP_SERVER = "apiHttpServer";
    public static final String METRICS_REGISTRY = "metricsRegistry";
    public static final String CIRCUIT_BREAKER_REGISTRY = "circuitBreakerRegistry";

    /** Prefix of each check kind's probe bean: {@code probe.http}, {@code probe.hunter} … */
    public static final String PROBE_PREFIX = "probe.";
    /** Prefix of each dependency's circuit breaker: {@code breaker.supabase-db} … */
    public static final String BREAKER_PREFIX = "breaker.";

    private BeanNames() {
    }

    /** Every fixed name, for checks that want to see them all. */
    public static List<String> fixed() {
        return List.of(CHECKS, BREAKER_VERDICT, RESULT_INTAKE, CONNECTIVITY_GATE, PROBE_METRICS, RESULT_RECORDER, RULES, ALERT_ROUTER,
                DECISION_LOG, ALERT_DELIVERY, RETENTION, STATUS_API, BREAKER_API, SILENCE_API, COST_API, INCIDENT_API,
                API_REPLIES, API_HEADER_FILTER, API_HTTP_SERVER, METRICS_REGISTRY, CIRCUIT_BREAKER_REGISTRY);
    }
}

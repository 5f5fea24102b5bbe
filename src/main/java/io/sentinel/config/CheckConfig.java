package io.sentinel.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing Sentinel probes on a schedule.
 *
 * @param id                unique, stable id
 * @param dependency        the dependency it watches (its breaker is shared with that dependency's other checks)
 * @param kind              which {@link CheckKind} runs it
 * @param description       what it proves, for people
 * @param interval          pause between the end of one probe and the start of the next
 * @param timeout           deadline for a whole probe, including a body that trickles in
 * @param severity          how much a failure matters
 * @param failureThreshold  consecutive failed probes before DOWN
 * @param successThreshold  consecutive good probes before UP again
 * @param latencyLimit      above this a working probe is DEGRADED
 * @param runbook           a link for whoever is paged
 * @param options           the kind's own options
 * @param alerts            its own alert settings over its dependency's and the severity routing
 * @param costPerCall       what one probe costs in US dollars, when not the kind's default
 * @param rules             its alert rules besides the thresholds, its dependency's first (docs/rules.md)
 * @param flapping          how many changes of state within a span make it FLAPPING
 * @param connectivity      true for a check of Sentinel's own network (a well-known endpoint): when every such
 *                          check fails, the others are UNKNOWN rather than DOWN
 */
public record CheckConfig(
        String id,
        String dependency,
        String kind,
        String description,
        Duration interval,
        Duration timeout,
        Severity severity,
        int failureThreshold,
        int successThreshold,
        Optional<Duration> latencyLimit,
        Optional<String> runbook,
        CheckOptions options,
        AlertOverrides alerts,
        Optional<Double> costPerCall,
        List<RuleConfig> rules,
        FlappingSettings flapping,
        boolean connectivity) {

    /** Above this a probe is never DEGRADED before its timeout anyway. */
    public static final Duration LONGEST_LATENCY_LIMIT = CheckDefaults.LONGEST_TIMEOUT;
    /** US dollars; no API Sentinel probes costs anywhere near this per call, so more is a typo. */
    public static final double MAX_COST_PER_CALL = 1000;

    public CheckConfig {
        Identifiers.require(id, "check id");
        Identifiers.require(dependency, "dependency id");
        Objects.requireNonNull(kind, "kind");
        description = description == null ? "" : description;
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(latencyLimit, "latencyLimit");
        Objects.requireNonNull(runbook, "runbook");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(costPerCall, "costPerCall");
        rules = List.copyOf(rules);
        Objects.requireNonNull(flapping, "flapping");
        if (costPerCall.isPresent() && costPerCall.get() < 0) {
            throw new IllegalArgumentException("costPerCall cannot be negative");
        }
        if (failureThreshold < 1 || successThreshold < 1) {
            throw new IllegalArgumentException("thresholds must be at least 1");
        }
        if (interval.isZero() || interval.isNegative() || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("interval and timeout must be positive");
        }
        if (interval.compareTo(CheckDefaults.LONGEST_INTERVAL) > 0 || timeout.compareTo(CheckDefaults.LONGEST_TIMEOUT) > 0
                || failureThreshold > CheckDefaults.MAX_THRESHOLD || successThreshold > CheckDefaults.MAX_THRESHOLD) {
            throw new IllegalArgumentException("interval, timeout or a threshold is above its maximum");
        }
    }

    /** This check, watching Sentinel's own connectivity. */
    public CheckConfig asConnectivityCheck() {
        return new CheckConfig(id, dependency, kind, description, interval, timeout, severity, failureThreshold,
                successThreshold, latencyLimit, runbook, options, alerts, costPerCall, rules, flapping, true);
    }

    /** The options, typed, for the kind's own probe. */
    public <T extends CheckOptions> T options(Class<T> type) {
        return type.cast(options);
    }

    /** Starts a check with the standard defaults, for code and tests that build checks without a file. */
    public static Builder builder(String id, String dependency, String kind, CheckOptions options) {
        return new Builder(id, dependency, kind, options);
    }

    /** Builds a {@link CheckConfig}; every field not set keeps the value a configuration file would default to. */
    public static final class Builder {
        private final String id;
        private final String dependency;
        private final String kind;
        private final CheckOptions options;
        private String description = "";
        private Duration interval = CheckDefaults.STANDARD.interval();
        private Duration timeout = CheckDefaults.STANDARD.timeout();
        private Severity severity = Severity.HIGH;
        private int failureThreshold = CheckDefaults.STANDARD.failureThreshold();
        private int successThreshold = CheckDefaults.STANDARD.successThreshold();
        private Optional<Duration> latencyLimit = Optional.empty();
        private Optional<String> runbook = Optional.empty();
        private AlertOverrides alerts = AlertOverrides.NONE;
        private Optional<Double> costPerCall = Optional.empty();
        private List<RuleConfig> rules = List.of();
        private FlappingSettings flapping = FlappingSettings.DEFAULT;
        private boolean connectivity;

        private Builder(String id, String dependency, String kind, CheckOptions options) {
            this.id = id;
            this.dependency = dependency;
            this.kind = kind;
            this.options = options;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder interval(Duration value) {
            this.interval = value;
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder severity(Severity value) {
            this.severity = value;
            return this;
        }

        public Builder thresholds(int failures, int successes) {
            this.failureThreshold = failures;
            this.successThreshold = successes;
            return this;
        }

        public Builder latencyLimit(Duration value) {
            this.latencyLimit = Optional.of(value);
            return this;
        }

        public Builder runbook(String value) {
            this.runbook = Optional.of(value);
            return this;
        }

        public Builder alerts(AlertOverrides value) {
            this.alerts = value;
            return this;
        }

        public Builder costPerCall(double value) {
            this.costPerCall = Optional.of(value);
            return this;
        }

        public Builder rules(List<RuleConfig> value) {
            this.rules = value;
            return this;
        }

        public Builder flapping(FlappingSettings value) {
            this.flapping = value;
            return this;
        }

        public Builder connectivity(boolean value) {
            this.connectivity = value;
            return this;
        }

        public CheckConfig build() {
            return new CheckConfig(id, dependency, kind, description, interval, timeout, severity, failureThreshold,
                    successThreshold, latencyLimit, runbook, options, alerts, costPerCall, rules, flapping, connectivity);
        }
    }
}

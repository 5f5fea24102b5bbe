package io.sentinel.config;

import java.util.Objects;

/**
 * Something ProspectPro depends on: a provider, a Supabase service, the frontend. Its checks share one
 * circuit breaker.
 *
 * @param id          stable name, used for the breaker, metrics and the API
 * @param description what it is, for people
 * @param breaker     its breaker's settings
 * @param alerts      its own alert settings over the severity routing
 * @param dailyBudget the most its probes may cost per UTC day, in US dollars
 * @param rules       alert rules every one of its checks has, before the check's own
 * @param dependsOn   the dependencies it cannot work without (edge functions need the database and auth): while
 *                    one of them is DOWN, this one's alerts are held and listed in the parent's incident
 */
public record DependencyConfig(String id, String description, BreakerSettings breaker, AlertOverrides alerts,
                               java.util.Optional<Double> dailyBudget, java.util.List<RuleConfig> rules,
                               java.util.List<String> dependsOn) {

    /** US dollars per day; a health probe budget beyond this is a typo. */
    public static final double MAX_DAILY_BUDGET = 100_000;

    public DependencyConfig {
        Identifiers.require(id, "dependency id");
        description = description == null ? "" : description;
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(alerts, "alerts");
        Objects.requireNonNull(dailyBudget, "dailyBudget");
        rules = java.util.List.copyOf(rules);
        dependsOn = java.util.List.copyOf(dependsOn);
        if (dependsOn.contains(id)) {
            throw new IllegalArgumentException("dependency " + id + " cannot depend on itself");
        }
    }

    public DependencyConfig(String id, String description, BreakerSettings breaker, AlertOverrides alerts,
                            java.util.Optional<Double> dailyBudget) {
        this(id, description, breaker, alerts, dailyBudget, java.util.List.of(), java.util.List.of());
    }

    public DependencyConfig(String id, String description, BreakerSettings breaker) {
        this(id, description, breaker, AlertOverrides.NONE, java.util.Optional.empty());
    }
}

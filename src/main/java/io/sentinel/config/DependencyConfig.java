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
 */
public record DependencyConfig(String id, String description, BreakerSettings breaker, AlertOverrides alerts) {

    public DependencyConfig {
        Identifiers.require(id, "dependency id");
        description = description == null ? "" : description;
        Objects.requireNonNull(breaker, "breaker");
        Objects.requireNonNull(alerts, "alerts");
    }

    public DependencyConfig(String id, String description, BreakerSettings breaker) {
        this(id, description, breaker, AlertOverrides.NONE);
    }
}

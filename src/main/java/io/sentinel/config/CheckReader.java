package io.sentinel.config;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads {@code checks:}, including each kind's own options. */
final class CheckReader {

    private final CheckKinds kinds;
    private final CheckDefaults defaults;
    private final Set<String> dependencyIds;
    private final Set<String> channelIds;

    CheckReader(CheckKinds kinds, CheckDefaults defaults, List<DependencyConfig> dependencies, Set<String> channelIds) {
        this.channelIds = channelIds;
        this.kinds = kinds;
        this.defaults = defaults;
        this.dependencyIds = dependencies.stream().map(DependencyConfig::id).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    List<CheckConfig> read(List<ConfigSection> sections) {
        List<CheckConfig> checks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigSection section : sections) {
            Optional<CheckConfig> check = readOne(section);
            section.finish();
            check.ifPresent(valid -> {
                if (seen.add(valid.id())) {
                    checks.add(valid);
                } else {
                    section.problem("id", "check id '" + valid.id() + "' is used twice",
                            "give each check its own id, e.g. " + valid.id() + "-2");
                }
            });
        }
        return checks;
    }

    private Optional<CheckConfig> readOne(ConfigSection section) {
        Optional<String> id = section.requiredText("id", "places-search");
        Optional<String> dependency = section.requiredText("dependency", "google-places");
        Optional<String> kindName = section.has("kind") ? section.oneOf("kind", kinds.names()) : section.requiredText("kind", "http");
        String description = section.text("description", "");
        Duration interval = ConfigLoader.interval(section, defaults.interval());
        Duration timeout = ConfigLoader.timeout(section, defaults.timeout());
        Severity severity = section.choice("severity", Severity.class).orElse(Severity.HIGH);
        int failureThreshold = ConfigLoader.threshold(section, "failureThreshold", defaults.failureThreshold());
        int successThreshold = ConfigLoader.threshold(section, "successThreshold", defaults.successThreshold());
        Optional<Duration> latencyLimit = section.duration("latencyLimit", Duration.ofMillis(1), CheckConfig.LONGEST_LATENCY_LIMIT);
        Optional<String> runbook = section.httpUrl("runbook").map(URI::toString);
        AlertOverrides alerts = OverridesReader.read(section, channelIds);
        Optional<Double> costPerCall = section.number("costPerCall", 0, CheckConfig.MAX_COST_PER_CALL,
                "US dollars per probe, e.g. costPerCall: 0.015");
        List<ReadingAlert> readingAlerts = ReadingAlertReader.read(section);
        boolean connectivity = section.bool("connectivity", false);

        id.filter(value -> !Identifiers.isValid(value)).ifPresent(value ->
                section.problem("id", "check id " + ProblemText.quote(section.written("id").orElse(value)) + " is not a valid id",
                        "use " + Identifiers.RULE));
        dependency.filter(value -> !dependencyIds.contains(value)).ifPresent(value -> section.problem("dependency",
                "check names dependency " + ProblemText.quote(section.written("dependency").orElse(value))
                        + ", which is not defined under dependencies:",
                Suggestions.nearest(value, dependencyIds).map(s -> "did you mean '" + s + "'? ").orElse("")
                        + (dependencyIds.isEmpty() ? "define it under dependencies:" : "defined: " + Suggestions.listed(dependencyIds))));

        CheckOptions options = kindName.flatMap(kinds::find).map(kind -> kind.readOptions(section)).orElse(null);
        if (id.isEmpty() || !Identifiers.isValid(id.get()) || dependency.isEmpty() || !dependencyIds.contains(dependency.get())
                || kindName.isEmpty() || options == null) {
            return Optional.empty();
        }
        return Optional.of(new CheckConfig(id.get(), dependency.get(), kindName.get(), description, interval, timeout,
                severity, failureThreshold, successThreshold, latencyLimit, runbook, options, alerts,
                costPerCall, readingAlerts, connectivity));
    }
}

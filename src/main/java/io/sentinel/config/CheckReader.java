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
    private final java.util.Map<String, DependencyConfig> dependencies;
    private final Set<String> channelIds;

    CheckReader(CheckKinds kinds, CheckDefaults defaults, List<DependencyConfig> dependencies, Set<String> channelIds) {
        this.channelIds = channelIds;
        this.kinds = kinds;
        this.defaults = defaults;
        this.dependencyIds = dependencies.stream().map(DependencyConfig::id).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        this.dependencies = dependencies.stream().collect(Collectors.toMap(DependencyConfig::id, dependency -> dependency));
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
        List<RuleConfig> ownRules = RuleReader.read(section);
        FlappingSettings flapping = section.read("flapping", CheckReader::readFlapping).orElse(FlappingSettings.DEFAULT);
        if (section.has("readingAlerts")) {
            section.problem("readingAlerts", "'readingAlerts' is now part of 'rules'",
                    "write rules: [{reading: credits.remaining, limit: \"< 100\"}] or [{reading: credits.remaining, "
                            + "exhaustsWithin: 7d}] (docs/rules.md)");
        }
        boolean connectivity = section.bool("connectivity", false);
        kindName.flatMap(kinds::find).ifPresent(kind -> checkIntervalFloor(section, kind, interval));

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
                costPerCall, RuleReader.merge(dependencies.get(dependency.get()).rules(), ownRules), flapping,
                connectivity));
    }

    private static FlappingSettings readFlapping(ConfigSection section) {
        FlappingSettings standard = FlappingSettings.DEFAULT;
        return new FlappingSettings(
                section.intInRange("changes", FlappingSettings.MIN_CHANGES, FlappingSettings.MAX_CHANGES, standard.changes()),
                section.duration("within", FlappingSettings.SHORTEST_SPAN, FlappingSettings.LONGEST_SPAN, standard.within()));
    }

    /**
     * A kind that calls a rate-limited API has a shortest interval; an interval inherited from {@code defaults}
     * counts too, and is reported at the check's kind, since the check itself says nothing about it. A malformed
     * interval has been reported already and is parsed quietly here.
     */
    private void checkIntervalFloor(ConfigSection section, CheckKind kind, Duration interval) {
        kind.intervalFloor().ifPresent(floor -> {
            if (section.has("interval")) {
                section.text("interval").flatMap(Durations::parse)
                        .filter(written -> !written.isZero() && written.compareTo(floor.minimum()) < 0)
                        .ifPresent(written -> section.problem("interval", floor.describe(kind.name()) + ", interval is "
                                + Durations.format(written) + ": " + floor.reason(), floor.advice()));
            } else if (interval.compareTo(floor.minimum()) < 0) {
                section.problem("kind", floor.describe(kind.name()) + ", and this check inherits interval "
                        + Durations.format(interval) + " from defaults: " + floor.reason(),
                        "set interval: " + Durations.format(floor.minimum()) + " or more on the check");
            }
        });
    }
}

package io.sentinel.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code dependencies:}. */
final class DependencyReader {

    private final Set<String> channelIds;

    DependencyReader(Set<String> channelIds) {
        this.channelIds = channelIds;
    }

    List<DependencyConfig> read(List<ConfigSection> sections) {
        List<DependencyConfig> dependencies = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        DependsOnReader dependsOn = new DependsOnReader();
        for (ConfigSection section : sections) {
            Optional<String> id = section.requiredText("id", "google-places");
            dependsOn.read(id.orElse(""), section);
            String description = section.text("description", "");
            BreakerSettings breaker = section.read("breaker", DependencyReader::readBreaker).orElse(BreakerSettings.DEFAULTS);
            AlertOverrides alerts = OverridesReader.read(section, channelIds);
            Optional<Double> dailyBudget = section.number("dailyBudget", 0, DependencyConfig.MAX_DAILY_BUDGET,
                    "US dollars per UTC day, e.g. dailyBudget: 1.50");
            List<RuleConfig> rules = RuleReader.read(section);
            section.finish();
            if (id.isEmpty()) {
                continue;
            }
            if (!Identifiers.isValid(id.get())) {
                section.problem("id", "dependency id " + ProblemText.quote(section.written("id").orElse(id.get()))
                        + " is not a valid id", "use " + Identifiers.RULE);
            } else if (!seen.add(id.get())) {
                section.problem("id", "dependency id '" + id.get() + "' is defined twice", "give each dependency its own id");
            } else if (breaker != null) {
                dependencies.add(new DependencyConfig(id.get(), description, breaker, alerts, dailyBudget, rules, List.of()));
            }
        }
        Map<String, List<String>> parents = dependsOn.check(seen);
        return dependencies.stream().map(dependency -> new DependencyConfig(dependency.id(), dependency.description(),
                dependency.breaker(), dependency.alerts(), dependency.dailyBudget(), dependency.rules(),
                parents.getOrDefault(dependency.id(), List.of()))).toList();
    }

    private static BreakerSettings readBreaker(ConfigSection section) {
        BreakerSettings defaults = BreakerSettings.DEFAULTS;
        int window = section.intInRange("window", 1, BreakerSettings.MAX_WINDOW, defaults.window());
        int minimumCalls = section.intInRange("minimumCalls", 1, BreakerSettings.MAX_WINDOW, Math.min(defaults.minimumCalls(), window));
        if (minimumCalls > window) {
            section.problem("minimumCalls", "minimumCalls (" + minimumCalls + ") is larger than window (" + window + ")",
                    "the window holds only " + window + " probes: use at most " + window);
            minimumCalls = window;
        }
        float failureRate = section.percent("failureRate", defaults.failureRate());
        Duration slowCall = section.duration("slowCall", Duration.ofMillis(1), BreakerSettings.LONGEST_SLOW_CALL, defaults.slowCall());
        float slowCallRate = section.percent("slowCallRate", defaults.slowCallRate());
        Duration waitInOpen = section.duration("waitInOpen", Duration.ofSeconds(1), BreakerSettings.LONGEST_WAIT_IN_OPEN,
                defaults.waitInOpen());
        int halfOpenTrials = section.intInRange("halfOpenTrials", 1, BreakerSettings.MAX_HALF_OPEN_TRIALS, defaults.halfOpenTrials());
        Severity severity = section.choice("severity", Severity.class).orElse(defaults.severity());
        return new BreakerSettings(window, minimumCalls, failureRate, slowCall, slowCallRate, waitInOpen, halfOpenTrials,
                severity);
    }
}

package io.sentinel.kamelet;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.Durations;
import io.sentinel.probe.condition.Condition;
import io.sentinel.probe.condition.ConditionSyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@code sentinel-http-judge-action} Kamelet was told: the conditions (separated by {@code ;}, the same
 * Gatus-style conditions as an {@code http} check), a latency limit, and a label for the step being judged.
 *
 * @param conditions   what the answer must satisfy; none means the status decides (2xx and 3xx are UP)
 * @param latencyLimit above this a good answer is DEGRADED; empty means the check's own {@code latencyLimit}
 * @param step         a label put before the message ({@code token: HTTP 401 …}), empty for none
 */
public record JudgeSettings(List<Condition> conditions, Optional<Duration> latencyLimit, String step) {

    public JudgeSettings {
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(latencyLimit, "latencyLimit");
        step = step == null ? "" : step.strip();
    }

    /**
     * @param conditionsText conditions separated by {@code ;} or line breaks; empty ones are ignored
     * @param latencyText    a duration such as {@code 800ms}, or blank
     * @throws RouteContractException naming the condition or the limit that cannot be read
     */
    public static JudgeSettings read(String conditionsText, String latencyText, String step) throws RouteContractException {
        List<Condition> conditions = new ArrayList<>();
        for (String line : split(conditionsText == null ? "" : conditionsText)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                conditions.add(Condition.parse(line.strip()));
            } catch (ConditionSyntaxException bad) {
                throw new RouteContractException("judge parameter conditions: '" + line.strip() + "': " + bad.getMessage()
                        + " — " + bad.hint());
            }
        }
        Optional<Duration> latencyLimit = Optional.empty();
        if (latencyText != null && !latencyText.isBlank()) {
            latencyLimit = Durations.parse(latencyText).filter(limit -> !limit.isZero()
                    && limit.compareTo(CheckConfig.LONGEST_LATENCY_LIMIT) <= 0);
            if (latencyLimit.isEmpty()) {
                throw new RouteContractException("judge parameter latencyLimit: '" + latencyText.strip()
                        + "' is not a duration from 1ms to " + Durations.format(CheckConfig.LONGEST_LATENCY_LIMIT)
                        + " — write " + Durations.ACCEPTED);
            }
        }
        return new JudgeSettings(conditions, latencyLimit, step);
    }

    /**
     * The conditions one by one: separated by {@code ;} (a Kamelet parameter travels in an endpoint URI, which loses
     * line breaks) or by line breaks, never inside quotes or parentheses ({@code "a;b"}, {@code any(a; b)} stay whole).
     */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')' && depth > 0) {
                depth--;
            }
            boolean separator = c == '\n' || c == '\r' || (c == ';' && !quoted && depth == 0);
            if (separator) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    /** The limit in force for this check: the Kamelet's own, else the check's. */
    public Optional<Duration> latencyLimitFor(CheckConfig check) {
        return latencyLimit.isPresent() ? latencyLimit : check.latencyLimit();
    }
}

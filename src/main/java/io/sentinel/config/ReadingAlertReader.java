package io.sentinel.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a check's {@code readingAlerts:}
 * <pre>
 * readingAlerts:
 *   - {reading: searches.remaining, below: 100, severity: medium}
 *   - {reading: credits.remaining, exhaustsWithin: 7d, resetReading: reset.days, severity: high}
 * </pre>
 */
final class ReadingAlertReader {

    private static final Pattern READING = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)*");

    private ReadingAlertReader() {
    }

    static List<ReadingAlert> read(ConfigSection check) {
        List<ReadingAlert> alerts = new ArrayList<>();
        for (ConfigSection rule : check.sections("readingAlerts")) {
            Optional<String> reading = rule.requiredText("reading", "credits.remaining");
            Optional<Double> below = rule.number("below");
            Optional<Double> above = rule.number("above");
            Optional<Duration> exhausts = rule.duration("exhaustsWithin");
            Optional<String> reset = rule.text("resetReading");
            Severity severity = rule.choice("severity", Severity.class).orElse(Severity.MEDIUM);
            rule.finish();
            reading.filter(name -> !READING.matcher(name).matches()).ifPresent(name -> rule.problem("reading",
                    "'" + name + "' is not a reading name", "readings are dotted lower-case words, e.g. credits.remaining"));
            if (below.isEmpty() && above.isEmpty() && exhausts.isEmpty()) {
                rule.problem("a reading alert needs a limit", "add below:, above: or exhaustsWithin: (e.g. below: 100)");
                continue;
            }
            reading.filter(name -> READING.matcher(name).matches()).ifPresent(name ->
                    alerts.add(new ReadingAlert(name, below, above, exhausts, reset, severity)));
        }
        return alerts;
    }
}

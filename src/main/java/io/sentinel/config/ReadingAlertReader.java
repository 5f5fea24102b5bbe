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
    /** Checked before the pattern, whose repeated group recurses once per dot and would overflow the stack. */
    private static final int MAX_READING_LENGTH = 100;

    private ReadingAlertReader() {
    }

    static List<ReadingAlert> read(ConfigSection check) {
        List<ReadingAlert> alerts = new ArrayList<>();
        for (ConfigSection rule : check.sections("readingAlerts")) {
            Optional<String> reading = rule.requiredText("reading", "credits.remaining");
            Optional<Double> below = rule.number("below", -ReadingAlert.LARGEST_LIMIT, ReadingAlert.LARGEST_LIMIT, "e.g. below: 100");
            Optional<Double> above = rule.number("above", -ReadingAlert.LARGEST_LIMIT, ReadingAlert.LARGEST_LIMIT, "e.g. above: 0.05");
            Optional<Duration> exhausts = rule.duration("exhaustsWithin", ReadingAlert.SHORTEST_EXHAUSTION,
                    ReadingAlert.LONGEST_EXHAUSTION);
            Optional<String> reset = rule.text("resetReading");
            Severity severity = rule.choice("severity", Severity.class).orElse(Severity.MEDIUM);
            rule.finish();
            reading.filter(name -> !isReadingName(name)).ifPresent(name -> rule.problem("reading",
                    ProblemText.quote(rule.written("reading").orElse(name)) + " is not a reading name",
                    "readings are dotted lower-case words, e.g. credits.remaining"));
            if (below.isEmpty() && above.isEmpty() && exhausts.isEmpty()) {
                if (!rule.has("below") && !rule.has("above") && !rule.has("exhaustsWithin")) {
                    rule.problem("a reading alert needs a limit", "add below:, above: or exhaustsWithin: (e.g. below: 100)");
                }
                continue; // a limit that is there but wrong has been reported already
            }
            reading.filter(ReadingAlertReader::isReadingName).ifPresent(name ->
                    alerts.add(new ReadingAlert(name, below, above, exhausts, reset, severity)));
        }
        return alerts;
    }

    private static boolean isReadingName(String name) {
        return name.length() <= MAX_READING_LENGTH && READING.matcher(name).matches();
    }
}

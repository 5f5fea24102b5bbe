package io.sentinel.provider.neverbounce;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The credits and job counts of a successful {@code account/info} answer.
 *
 * @param readings the numbers found, named for graphs and alerts
 * @param summary  the same for people
 */
record NeverBounceAccount(Map<String, Double> readings, String summary) {

    private static final String MONTHLY_USAGE = "monthly_api_usage";

    NeverBounceAccount {
        readings = Collections.unmodifiableMap(new LinkedHashMap<>(readings));
    }

    /**
     * The account, or empty when the body has no credits block with a counter we know. The SDKs disagree
     * on the block's name ({@code credits_info}, or {@code credits} in the Node SDK's types) and on whether
     * counters are numbers or strings, so every variant is accepted.
     */
    static Optional<NeverBounceAccount> read(JsonNode body) {
        JsonNode credits = body.path("credits_info").isObject() ? body.path("credits_info") : body.path("credits");
        if (!credits.isObject()) {
            return Optional.empty();
        }
        Map<String, Double> readings = new LinkedHashMap<>();
        List<String> summary = new ArrayList<>();
        OptionalDouble paid = number(credits.path("paid_credits_remaining"));
        OptionalDouble free = number(credits.path("free_credits_remaining"));
        if (paid.isPresent() || free.isPresent()) {
            List<String> split = new ArrayList<>();
            paid.ifPresent(value -> {
                readings.put("credits.paid_remaining", value);
                split.add("paid " + format(value));
            });
            free.ifPresent(value -> {
                readings.put("credits.free_remaining", value);
                split.add("free " + format(value));
            });
            double remaining = paid.orElse(0) + free.orElse(0);
            readings.put("credits.remaining", remaining);
            number(credits.path("paid_credits_used")).ifPresent(value -> readings.put("credits.paid_used", value));
            number(credits.path("free_credits_used")).ifPresent(value -> readings.put("credits.free_used", value));
            summary.add("credits " + format(remaining) + " left (" + String.join(", ", split) + ")");
        } else if (credits.has(MONTHLY_USAGE)) {
            // a monthly subscription counts usage instead of credits left
            OptionalDouble usage = number(credits.path(MONTHLY_USAGE));
            usage.ifPresent(value -> readings.put("credits.monthly_usage", value));
            summary.add("monthly billing, monthly_api_usage " + (usage.isPresent() ? format(usage.getAsDouble())
                    : "'" + credits.path(MONTHLY_USAGE).asText() + "'"));
        } else {
            return Optional.empty();
        }
        jobs(body.path("job_counts"), readings).ifPresent(summary::add);
        return Optional.of(new NeverBounceAccount(readings, String.join("; ", summary)));
    }

    private static Optional<String> jobs(JsonNode counts, Map<String, Double> readings) {
        List<String> parts = new ArrayList<>();
        for (String state : List.of("processing", "queued")) {
            number(counts.path(state)).ifPresent(value -> {
                readings.put("jobs." + state, value);
                parts.add(format(value) + " " + state);
            });
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of("jobs " + String.join(", ", parts));
    }

    /** A counter given as a number or as numeric text; empty for anything else. */
    private static OptionalDouble number(JsonNode value) {
        if (value.isNumber()) {
            return OptionalDouble.of(value.asDouble());
        }
        if (value.isTextual()) {
            try {
                double parsed = Double.parseDouble(value.asText().strip());
                return Double.isFinite(parsed) ? OptionalDouble.of(parsed) : OptionalDouble.empty();
            } catch (NumberFormatException notANumber) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }

    private static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}

package io.sentinel.provider.hunter;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Hunter's {@code /v2/account} says about this month's usage.
 *
 * @param plan      the plan name, when given
 * @param meters    the usage meters found, searches first
 * @param resetDate the day (00:00 UTC) the meters start again, when given and readable
 */
record HunterAccount(Optional<String> plan, List<Meter> meters, Optional<LocalDate> resetDate) {

    /**
     * Searches are what ProspectPro spends and the one meter every plan has; verifications are read when
     * present, and credits too (NOT CONFIRMED: only a third-party description lists them, possibly as floats).
     */
    private static final List<String> OPTIONAL_METERS = List.of("verifications", "credits");

    HunterAccount {
        meters = List.copyOf(meters);
    }

    /**
     * One usage meter.
     *
     * @param name      {@code searches}, {@code verifications} or {@code credits}
     * @param used      spent this cycle
     * @param available the plan's allowance this cycle
     */
    record Meter(String name, double used, double available) {

        double remaining() {
            return available - used;
        }

        String describe() {
            return name + " " + format(used) + "/" + format(available) + " used (" + format(remaining()) + " left)";
        }
    }

    /** The account, or empty when the body lacks {@code data.requests.searches} with numeric counters. */
    static Optional<HunterAccount> read(JsonNode root) {
        JsonNode data = root.path("data");
        JsonNode requests = data.path("requests");
        Optional<Meter> searches = meter(requests, "searches");
        if (searches.isEmpty()) {
            return Optional.empty();
        }
        List<Meter> meters = new ArrayList<>(List.of(searches.get()));
        OPTIONAL_METERS.forEach(name -> meter(requests, name).ifPresent(meters::add));
        Optional<String> plan = data.path("plan_name").isTextual() ? Optional.of(data.path("plan_name").asText()) : Optional.empty();
        return Optional.of(new HunterAccount(plan, meters, resetDate(data.path("reset_date"))));
    }

    private static Optional<Meter> meter(JsonNode requests, String name) {
        JsonNode meter = requests.path(name);
        if (!meter.path("used").isNumber() || !meter.path("available").isNumber()) {
            return Optional.empty();
        }
        return Optional.of(new Meter(name, meter.path("used").asDouble(), meter.path("available").asDouble()));
    }

    private static Optional<LocalDate> resetDate(JsonNode value) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.asText()));
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /** Counters as people write them: {@code 842}, or {@code 5400.5} for a fractional credit count. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}

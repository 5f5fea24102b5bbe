package io.sentinel.kamelet;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The result contract as a route wrote it: the fields found, the readings, and the names nobody defined (a typo
 * such as {@code SentinelOutcom} must be an error, not a field silently ignored). Headers win when the message
 * has any {@code Sentinel…} header; otherwise a map body is the contract.
 *
 * @param fromHeaders true when read from headers, so problems name the header ({@code SentinelOutcome}), not the key
 * @param values      the known fields by key ({@link ResultFields#KEYS}), readings apart
 * @param readings    reading name to the value as written
 * @param unknown     names that look like contract fields but are not
 * @param present     false when the route gave no contract at all
 */
record ContractFields(boolean fromHeaders, Map<String, Object> values, Map<String, Object> readings,
                      List<String> unknown, boolean present) {

    static ContractFields of(Map<String, Object> headers, Object body) {
        ContractFields fromHeaders = fromHeaders(headers);
        if (fromHeaders.present() || !(body instanceof Map<?, ?> map)) {
            return fromHeaders;
        }
        return fromMap(map);
    }

    Optional<Object> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** How the route wrote the field: {@code SentinelOutcome} for headers, {@code outcome} for a map. */
    String name(String key) {
        return fromHeaders ? ResultFields.header(key) : key;
    }

    String readingName(String reading) {
        return fromHeaders ? ResultFields.READING_HEADER_PREFIX + reading : ResultFields.READINGS + "." + reading;
    }

    private static ContractFields fromHeaders(Map<String, Object> headers) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> readings = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        String prefix = ResultFields.HEADER_PREFIX.toLowerCase(Locale.ROOT);
        String readingPrefix = ResultFields.READING_HEADER_PREFIX.toLowerCase(Locale.ROOT);
        headers.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith(readingPrefix)) {
                readings.put(name.substring(readingPrefix.length()), value);
            } else if (lower.startsWith(prefix)) {
                ResultFields.KEYS.stream().filter(key -> !key.equals(ResultFields.READINGS))
                        .filter(key -> ResultFields.header(key).equalsIgnoreCase(name)).findFirst()
                        .ifPresentOrElse(key -> values.put(key, value), () -> unknown.add(name));
            }
        });
        boolean present = !values.isEmpty() || !readings.isEmpty() || !unknown.isEmpty();
        return new ContractFields(true, values, readings, unknown, present);
    }

    private static ContractFields fromMap(Map<?, ?> map) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, Object> readings = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        map.forEach((key, value) -> {
            String name = String.valueOf(key);
            if (name.equals(ResultFields.READINGS) && value instanceof Map<?, ?> named) {
                named.forEach((reading, number) -> readings.put(String.valueOf(reading), number));
            } else if (ResultFields.KEYS.contains(name)) {
                values.put(name, value);
            } else {
                unknown.add(name);
            }
        });
        return new ContractFields(false, values, readings, unknown, true);
    }
}

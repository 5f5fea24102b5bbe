package io.sentinel.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The headers of a response, looked up without regard to case (HTTP/2 sends them in lower case, HTTP/1.1
 * servers as they please). A header may appear several times, as {@code Set-Cookie} does.
 *
 * @param byName every value of each header, keyed by the lower-case name
 */
public record ResponseHeaders(Map<String, List<String>> byName) {

    public ResponseHeaders {
        Objects.requireNonNull(byName, "byName");
        Map<String, List<String>> normalised = new LinkedHashMap<>();
        byName.forEach((name, values) -> normalised.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                .addAll(values));
        normalised.replaceAll((name, values) -> List.copyOf(values));
        byName = Collections.unmodifiableMap(normalised);
    }

    public static ResponseHeaders empty() {
        return new ResponseHeaders(Map.of());
    }

    /** The first value of the header, if the response has it. */
    public Optional<String> first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of the header, in the order received; empty if the response does not have it. */
    public List<String> all(String name) {
        return byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}

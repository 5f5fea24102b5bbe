package io.sentinel.kamelet;

import java.util.List;

/**
 * The plain result contract an operator's route may hand to the {@code sentinel-result-sink} Kamelet instead of a
 * {@link io.sentinel.probe.ProbeResult}: message headers, or the same fields as a map body. docs/routes.md
 * describes each field; these names are the contract.
 */
public final class ResultFields {

    public static final String CHECK_ID = "checkId";
    public static final String OUTCOME = "outcome";
    public static final String FAILURE_CLASS = "failureClass";
    public static final String MESSAGE = "message";
    public static final String READINGS = "readings";
    public static final String LATENCY_MS = "latencyMs";
    public static final String HTTP_STATUS = "httpStatus";

    /** Every map key, in the order problems are reported. */
    public static final List<String> KEYS = List.of(CHECK_ID, OUTCOME, FAILURE_CLASS, MESSAGE, READINGS, LATENCY_MS,
            HTTP_STATUS);

    /** Header names: the map key with this prefix and its first letter in capitals ({@code SentinelOutcome}). */
    public static final String HEADER_PREFIX = "Sentinel";
    /** One header a reading: {@code SentinelReading.queue.depth: 42}. */
    public static final String READING_HEADER_PREFIX = HEADER_PREFIX + "Reading.";

    private ResultFields() {
    }

    /** {@code outcome} → {@code SentinelOutcome}. */
    public static String header(String key) {
        return HEADER_PREFIX + Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }
}

package io.sentinel.report.incident;

import io.sentinel.model.FailureClass;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The failed probes of an incident's checks while it lasted.
 *
 * @param byClass     failed probes per failure class
 * @param paidCalls   how many of them were paid calls (they carry the {@code cost.usd} reading)
 * @param paidCostUsd what those paid calls cost
 */
public record FailedProbes(Map<FailureClass, Long> byClass, long paidCalls, double paidCostUsd) {

    public static final FailedProbes NONE = new FailedProbes(Map.of(), 0, 0.0);

    public FailedProbes {
        EnumMap<FailureClass, Long> copy = new EnumMap<>(FailureClass.class);
        copy.putAll(byClass);
        byClass = Collections.unmodifiableMap(copy);
        if (paidCalls < 0 || paidCostUsd < 0) {
            throw new IllegalArgumentException("paid calls and their cost cannot be negative");
        }
    }

    public long count() {
        return byClass.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The two counts added: an incident with several checks adds up each check's. */
    public FailedProbes plus(FailedProbes other) {
        EnumMap<FailureClass, Long> sum = new EnumMap<>(FailureClass.class);
        sum.putAll(byClass);
        other.byClass.forEach((failureClass, probes) -> sum.merge(failureClass, probes, Long::sum));
        return new FailedProbes(sum, paidCalls + other.paidCalls, paidCostUsd + other.paidCostUsd);
    }
}

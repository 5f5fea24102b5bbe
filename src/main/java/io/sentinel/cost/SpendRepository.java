package io.sentinel.cost;

import java.time.LocalDate;
import java.util.Map;

/**
 * Where probe spending per dependency and UTC day is kept. Every instance that shares the store adds to the same
 * totals, so a cluster of Sentinels spends one budget between them, not one each.
 */
public interface SpendRepository {

    /** Dependency → dollars spent on {@code day}. */
    Map<String, Double> spentOn(LocalDate day);

    /**
     * Adds a probe's cost.
     *
     * @return what {@code dependency} has spent on {@code day} with it, by every instance sharing the store
     */
    double add(String dependency, LocalDate day, double usd);

    SpendRepository NONE = new SpendRepository() {
        @Override
        public Map<String, Double> spentOn(LocalDate day) {
            return Map.of();
        }

        @Override
        public double add(String dependency, LocalDate day, double usd) {
            return usd;
        }
    };
}

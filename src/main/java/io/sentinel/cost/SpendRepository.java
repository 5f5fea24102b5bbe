package io.sentinel.cost;

import java.time.LocalDate;
import java.util.Map;

/** Where probe spending per dependency and UTC day is kept. */
public interface SpendRepository {

    /** Dependency → dollars spent on {@code day}. */
    Map<String, Double> spentOn(LocalDate day);

    void add(String dependency, LocalDate day, double usd);

    SpendRepository NONE = new SpendRepository() {
        @Override
        public Map<String, Double> spentOn(LocalDate day) {
            return Map.of();
        }

        @Override
        public void add(String dependency, LocalDate day, double usd) {
        }
    };
}

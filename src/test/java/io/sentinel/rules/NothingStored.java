package io.sentinel.rules;

import java.util.Map;

/** A state repository that keeps nothing, for tests that look at verdicts only. */
final class NothingStored implements CheckStateRepository {

    @Override
    public Map<String, CheckState> loadAll() {
        return Map.of();
    }

    @Override
    public void saveLater(CheckState state) {
        // nothing to keep
    }
}

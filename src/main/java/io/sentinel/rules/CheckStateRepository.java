package io.sentinel.rules;

import java.util.Map;

/** Where check states survive restarts. */
public interface CheckStateRepository {

    Map<String, CheckState> loadAll();

    /** Stores a state change now: a restart must not announce it again. */
    void save(CheckState state);

    /** Stores a streak update soon; losing the last second of streaks in a crash is harmless. */
    void saveLater(CheckState state);
}

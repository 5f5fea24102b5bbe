package io.sentinel.rules;

import java.util.Map;

/**
 * Where check states survive restarts. A change of state is not stored here but committed with its alert
 * event and notifications (see {@link Verdict}); this takes the streak updates in between.
 */
public interface CheckStateRepository {

    Map<String, CheckState> loadAll();

    /** Stores a streak update soon; losing the last second of streaks in a crash is harmless. */
    void saveLater(CheckState state);
}

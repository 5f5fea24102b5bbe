package io.sentinel.cluster;

import io.sentinel.rules.CheckState;
import io.sentinel.rules.CheckStateRepository;
import java.util.Map;

/**
 * The decided state of every check ({@code check_state}) belongs to the leader: a follower's streak updates would
 * write its own view over the leader's decisions, so they are not stored while this instance follows.
 */
public final class DecidedStates implements CheckStateRepository {

    private final CheckStateRepository table;
    private final Leadership leadership;

    public DecidedStates(CheckStateRepository table, Leadership leadership) {
        this.table = table;
        this.leadership = leadership;
    }

    @Override
    public Map<String, CheckState> loadAll() {
        return table.loadAll();
    }

    @Override
    public void saveLater(CheckState state) {
        if (leadership.isLeader()) {
            table.saveLater(state);
        }
    }
}

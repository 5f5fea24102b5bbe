package io.sentinel.breaker;

import java.util.List;
import java.util.Map;

/** Where breaker states and transitions are kept. */
public interface BreakerRepository {

    Map<String, StoredBreaker> loadAll();

    void save(StoredBreaker state);

    void record(BreakerTransition transition);

    /** The newest transitions of one dependency, newest first. */
    List<BreakerTransition> transitions(String dependency, int limit);
}

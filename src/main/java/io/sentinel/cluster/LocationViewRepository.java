package io.sentinel.cluster;

import java.util.List;

/** Where the locations' views are shared: the {@code location_view} table. */
public interface LocationViewRepository {

    /** Queues this location's latest view of a check for writing; never waits and never throws. */
    void saveLater(LocationView view);

    /** Every location's view of every check; throws when the database cannot be read. */
    List<LocationView> all();
}

package io.sentinel.cluster;

import java.time.Instant;
import java.util.List;

/** Where instances say they are alive: the {@code cluster_member} table. */
public interface MemberRepository {

    /** Stores this instance's row as given; throws when the database cannot be written. */
    void announce(ClusterMember member);

    /** The instances seen at or after {@code cutoff}, by member id; throws when the database cannot be read. */
    List<ClusterMember> seenSince(Instant cutoff);
}

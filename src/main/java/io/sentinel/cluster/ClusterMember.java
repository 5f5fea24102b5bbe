package io.sentinel.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * An instance as it last said it was alive.
 *
 * @param memberId  the instance's id in the cluster service (unique per process)
 * @param location  where it probes from
 * @param apiUrl    where its API answers, as it sees itself ({@code http://host:port})
 * @param leader    whether it led when it last said so
 * @param startedAt when it started
 * @param seenAt    when it last said it was alive
 */
public record ClusterMember(String memberId, String location, String apiUrl, boolean leader, Instant startedAt,
                            Instant seenAt) {

    public ClusterMember {
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(apiUrl, "apiUrl");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(seenAt, "seenAt");
    }
}

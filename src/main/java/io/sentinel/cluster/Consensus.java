package io.sentinel.cluster;

import io.sentinel.model.HealthState;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What the locations reporting a check agree on. A check is DOWN only when at least {@code needed} locations see it
 * DOWN by their own thresholds, DEGRADED when that many see a problem, else UP.
 *
 * <p>The moment a problem began is the moment the {@code needed}-th location saw it: the same for every instance that
 * reads the same views, so two instances that both believe they lead name the same incident, and the database's
 * unique keys keep its notifications single.
 *
 * @param state      what the cluster sees
 * @param since      when the agreement on that problem was reached; null unless a problem
 * @param confirming the views that make it (for a problem: the locations seeing it, earliest first)
 * @param reporting  every view that counted
 * @param needed     how many locations had to agree
 */
public record Consensus(HealthState state, Instant since, List<LocationView> confirming, List<LocationView> reporting,
                        int needed) {

    private static final Comparator<LocationView> EARLIEST = Comparator
            .comparing(LocationView::since, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(LocationView::location);

    /** @param reporting the views of one check from locations reporting recently, UNKNOWN ones left out */
    public static Consensus of(List<LocationView> reporting, int needed) {
        List<LocationView> down = reporting.stream().filter(LocationView::seesDown).sorted(EARLIEST).toList();
        if (down.size() >= needed) {
            return new Consensus(HealthState.DOWN, down.get(needed - 1).since(), down, reporting, needed);
        }
        List<LocationView> problem = reporting.stream().filter(LocationView::seesProblem).sorted(EARLIEST).toList();
        if (problem.size() >= needed) {
            return new Consensus(HealthState.DEGRADED, problem.get(needed - 1).since(), problem, reporting, needed);
        }
        List<LocationView> working = reporting.stream().filter(view -> !view.seesProblem()).sorted(EARLIEST).toList();
        return new Consensus(HealthState.UP, null, working, reporting, needed);
    }

    /** {@code eu-1, us-1}. */
    public String locations() {
        return String.join(", ", confirming.stream().map(LocationView::location).toList());
    }
}

package io.sentinel.api;

import io.sentinel.probe.Outcome;
import io.sentinel.results.LatencySample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The last hour of each check's latency, one point a minute, small enough for a chart on every row of the status
 * page: a minute's point is its slowest probe and its worst outcome, so one timeout in a minute of fast answers
 * still shows. Probes that did not run (SKIPPED, SHORT_CIRCUITED) have no latency and are left out.
 */
final class LatencySeries {

    static final Duration WINDOW = Duration.ofHours(1);
    static final Duration BUCKET = Duration.ofMinutes(1);

    /** One minute of one check: seconds from the window's start, the slowest latency, the worst outcome. */
    record Point(long offsetSeconds, long latencyMs, Outcome outcome) {

        List<Object> asJson() {
            return List.of(offsetSeconds, latencyMs, outcome.name());
        }
    }

    private LatencySeries() {
    }

    /** Points per check id, for every id in {@code checkIds} (an empty list when it has none), in that order. */
    static Map<String, List<Point>> of(List<String> checkIds, List<LatencySample> samples, Instant from) {
        Map<String, TreeMap<Long, Point>> buckets = new LinkedHashMap<>();
        checkIds.forEach(id -> buckets.put(id, new TreeMap<>()));
        for (LatencySample sample : samples) {
            TreeMap<Long, Point> points = buckets.get(sample.checkId());
            if (points == null || !sample.outcome().isObservation() || sample.startedAt().isBefore(from)) {
                continue;
            }
            long bucket = Duration.between(from, sample.startedAt()).toSeconds() / BUCKET.toSeconds();
            Point point = new Point(bucket * BUCKET.toSeconds(), sample.latencyMs(), sample.outcome());
            points.merge(bucket, point, LatencySeries::worse);
        }
        Map<String, List<Point>> series = new LinkedHashMap<>();
        buckets.forEach((id, points) -> series.put(id, new ArrayList<>(points.values())));
        return series;
    }

    private static Point worse(Point kept, Point added) {
        return new Point(kept.offsetSeconds(), Math.max(kept.latencyMs(), added.latencyMs()),
                severity(added.outcome()) > severity(kept.outcome()) ? added.outcome() : kept.outcome());
    }

    private static int severity(Outcome outcome) {
        return switch (outcome) {
            case DOWN -> 2;
            case DEGRADED -> 1;
            default -> 0;
        };
    }
}

package io.sentinel.report.incident;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which incidents to list, newest activity first.
 *
 * @param open        only open ones (true), only closed ones (false), or both (empty)
 * @param activeSince only incidents that were open at some moment since then: still open, or closed at or
 *                    after it
 * @param limit       at most this many, from 1 to {@link #MAX_LIMIT}
 * @param offset      skipping this many, from 0 to {@link #MAX_OFFSET}
 */
public record IncidentQuery(Optional<Boolean> open, Optional<Instant> activeSince, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    /** Paging deeper than this is a scan, not a review: narrow {@code since} instead. */
    public static final int MAX_OFFSET = 100_000;

    public IncidentQuery {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(activeSince, "activeSince");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be from 1 to " + MAX_LIMIT + ", was " + limit);
        }
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("offset must be from 0 to " + MAX_OFFSET + ", was " + offset);
        }
    }

    public static IncidentQuery openOnes(int limit) {
        return new IncidentQuery(Optional.of(true), Optional.empty(), limit, 0);
    }
}

package io.sentinel.report;

import io.sentinel.config.Durations;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The {@code since} of reports and incident lists: an ISO-8601 instant ({@code 2026-11-26T09:00:00Z}, an offset
 * allowed) or a duration back from now ({@code 24h}, {@code 7d}, {@code 1h30m}, or ISO {@code PT24H}). Problems
 * name the parameter and what is allowed, never the value sent.
 */
public final class Since {

    private Since() {
    }

    /**
     * @param text     what was given
     * @param now      the moment a duration counts back from
     * @param longest  how far back it may reach
     * @throws IllegalArgumentException saying what is allowed, when the text is none of these, in the future, or
     *                                  further back than {@code longest}
     */
    public static Instant parse(String text, Instant now, Duration longest) {
        String allowed = "an ISO-8601 instant such as 2026-11-26T09:00:00Z, or a duration back from now such as"
                + " 30m, 24h or 7d, at most " + Durations.format(longest) + " back";
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("since must be " + allowed);
        }
        Optional<Instant> instant = instant(text.strip()).or(() -> duration(text.strip()).map(now::minus));
        if (instant.isEmpty()) {
            throw new IllegalArgumentException("since must be " + allowed);
        }
        if (instant.get().isAfter(now)) {
            throw new IllegalArgumentException("since is in the future; it must be " + allowed);
        }
        if (instant.get().isBefore(now.minus(longest))) {
            throw new IllegalArgumentException("since reaches too far back; it must be " + allowed);
        }
        return instant.get();
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeException notAnInstant) {
            return Optional.empty();
        }
    }

    /** A duration no longer than {@link Durations#LONGEST}: anything longer is refused as too far back anyway. */
    private static Optional<Duration> duration(String text) {
        try {
            Optional<Duration> written = Durations.parse(text);
            if (written.isPresent()) {
                return written;
            }
            if (text.length() > 1 && (text.charAt(0) == 'P' || text.charAt(0) == 'p')) {
                Duration iso = Duration.parse(text);
                // a negative one points into the future and is refused as such
                return Optional.of(iso.compareTo(Durations.LONGEST) > 0 ? Durations.LONGEST : iso);
            }
            return Optional.empty();
        } catch (ArithmeticException | NumberFormatException | DateTimeException tooLargeOrMalformed) {
            return Optional.empty();
        }
    }
}

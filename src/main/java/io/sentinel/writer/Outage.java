package io.sentinel.writer;

import io.sentinel.secret.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Keeps a stretch of failed writes to two log lines: one warning when writes start failing and, through the
 * caller, one line when they work again. Every failure in between goes to debug, because an outage of an hour
 * would otherwise bury the rest of the log.
 *
 * <p>Also owns the retry timing, so everything that retries backs off the same way.
 */
public final class Outage {

    private final Logger log;
    private final String whatFails;
    private final Clock clock;
    private Backoff backoff;
    private Instant startedAt;
    private Instant retryAt = Instant.MIN;

    /**
     * @param whatFails what the caller cannot do, completing "… because …", e.g. "Probe results cannot be written"
     */
    public Outage(Logger log, String whatFails, Clock clock) {
        this(log, whatFails, Backoff.standard(), clock);
    }

    public Outage(Logger log, String whatFails, Backoff backoff, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.whatFails = Objects.requireNonNull(whatFails, "whatFails");
        this.backoff = backoff.reset();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records a failed attempt and pushes the next one out. */
    public synchronized void failed(Throwable error, String consequence) {
        Instant now = clock.instant();
        retryAt = now.plus(backoff.current());
        backoff = backoff.next();
        if (startedAt == null) {
            startedAt = now;
            log.warn("{} ({}); {}. Retrying with backoff up to {} s.", whatFails, reason(error), consequence,
                    backoff.maximum().toSeconds());
        } else {
            log.debug("{} ({}), still retrying", whatFails, reason(error));
        }
    }

    /** Records a successful attempt; returns how long the outage lasted when this success ended one. */
    public synchronized Optional<Duration> succeeded() {
        backoff = backoff.reset();
        retryAt = Instant.MIN;
        if (startedAt == null) {
            return Optional.empty();
        }
        Duration lasted = Duration.between(startedAt, clock.instant());
        startedAt = null;
        return Optional.of(lasted);
    }

    public synchronized boolean isOngoing() {
        return startedAt != null;
    }

    /** False while the backoff after a failure has not yet passed. */
    public synchronized boolean isRetryDue() {
        return !clock.instant().isBefore(retryAt);
    }

    /** How long until the next attempt is due; zero when it is due now. */
    public synchronized Duration untilRetry() {
        Instant now = clock.instant();
        return now.isBefore(retryAt) ? Duration.between(now, retryAt) : Duration.ZERO;
    }

    /**
     * Why an attempt failed, in one line and without secrets. The innermost cause is the one that names the
     * real problem ("Connection to 127.0.0.1:5432 refused"); the wrappers around it add only noise.
     */
    public static String reason(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String text = message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
        return Redactor.global().redact(text.replaceAll("\\s+", " ").strip());
    }
}

package io.sentinel.store;

import io.sentinel.secret.Redactor;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes probe results older than {@code storage.retention}. The {@code retention} route in
 * {@code routes/housekeeping.yaml} runs it once an hour, starting a minute after start.
 */
public final class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final ResultStore results;
    private final Duration keep;
    private final Clock clock;

    public Retention(ResultStore results, Duration keep, Clock clock) {
        this.results = results;
        this.keep = keep;
        this.clock = clock;
    }

    /** One pass; a database that is down is tried again at the next one. */
    public int deleteExpired() {
        try {
            int deleted = results.deleteOlderThan(clock.instant().minus(keep));
            if (deleted > 0) {
                LOG.info("Deleted {} probe result(s) older than the {} retention", deleted, io.sentinel.config.Durations.format(keep));
            }
            return deleted;
        } catch (RuntimeException databaseUnavailable) {
            LOG.debug("Retention skipped this hour: {}", Redactor.global().describe(databaseUnavailable));
            return 0;
        }
    }
}

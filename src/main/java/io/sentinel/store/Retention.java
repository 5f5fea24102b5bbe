package io.sentinel.store;

import io.sentinel.secret.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes probe results older than {@code storage.retention}, once an hour (and shortly after start). */
public final class Retention implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
    static final Duration EVERY = Duration.ofHours(1);

    private final ResultStore results;
    private final Duration keep;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "sentinel-retention");
        thread.setDaemon(true);
        return thread;
    });

    public Retention(ResultStore results, Duration keep, Clock clock) {
        this.results = results;
        this.keep = keep;
        this.clock = clock;
    }

    public void start() {
        scheduler.scheduleWithFixedDelay(this::deleteExpired, 1, EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    /** One pass; public so a test can run it with its own clock. */
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

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

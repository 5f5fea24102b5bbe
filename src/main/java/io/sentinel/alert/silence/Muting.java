package io.sentinel.alert.silence;

import io.sentinel.model.AlertEvent;
import io.sentinel.config.MaintenanceWindow;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a notification is held back: by a maintenance window from the configuration or by a
 * silence created over the API. Silences live in memory and in the database; when the database is down a
 * new silence still works, and is stored when it can be.
 */
public final class Muting {

    private static final Logger LOG = LoggerFactory.getLogger(Muting.class);

    private final List<MaintenanceWindow> windows;
    private final SilenceRepository repository;
    private final Map<String, Silence> silences = new ConcurrentHashMap<>();

    public Muting(List<MaintenanceWindow> windows, SilenceRepository repository) {
        this.windows = List.copyOf(windows);
        this.repository = repository;
    }

    public void load() {
        try {
            repository.all().forEach(silence -> silences.put(silence.id(), silence));
        } catch (RuntimeException databaseUnavailable) {
            LOG.warn("Could not load silences ({}); only new ones apply until restart", databaseUnavailable.getMessage());
        }
    }

    /** Why the event's notifications are held at {@code at}, or empty when they go out. */
    public Optional<String> mutedBy(AlertEvent event, Instant at) {
        for (MaintenanceWindow window : windows) {
            if (window.covers(event.checkId(), event.dependency()) && window.isOpenAt(at)) {
                return Optional.of("maintenance window '" + window.name() + "'");
            }
        }
        return silences.values().stream()
                .filter(silence -> silence.isActiveAt(at) && silence.matches(event))
                .findFirst()
                .map(silence -> "silence " + silence.id() + " (" + silence.reason() + ")");
    }

    /** @return true when the silence was also stored in the database */
    public boolean add(Silence silence) {
        silences.put(silence.id(), silence);
        return store(silence);
    }

    /** Ends a silence now. Empty when there is no such silence. */
    public Optional<Silence> end(String id, Instant at) {
        Silence silence = silences.get(id);
        if (silence == null) {
            return Optional.empty();
        }
        Silence ended = silence.endedAt(at);
        silences.put(id, ended);
        store(ended);
        return Optional.of(ended);
    }

    /** Every known silence, newest first. */
    public List<Silence> silences() {
        return silences.values().stream().sorted(Comparator.comparing(Silence::createdAt).reversed()).toList();
    }

    private boolean store(Silence silence) {
        try {
            repository.save(silence);
            return true;
        } catch (RuntimeException databaseUnavailable) {
            LOG.warn("Silence {} applies now but could not be stored ({}); it will be lost on restart",
                    silence.id(), databaseUnavailable.getMessage());
            return false;
        }
    }
}

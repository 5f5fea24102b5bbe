package io.sentinel.alert.outbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's local journal for when the database is down: every change of an entry is appended as one
 * JSON line, so a crash during a database outage loses nothing. When the database is back the latest state
 * of each entry is written there and the file is removed.
 */
final class OutboxSpool {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSpool.class);

    private final Path file;

    OutboxSpool(Path directory) {
        this.file = directory.resolve("outbox.spool.jsonl");
    }

    synchronized void append(OutboxEntry entry) {
        appendAll(List.of(entry));
    }

    /** Appends the changes in one write: a crash keeps whole lines, and a torn last line is skipped when read. */
    synchronized void appendAll(List<OutboxEntry> entries) {
        StringBuilder lines = new StringBuilder();
        entries.forEach(entry -> lines.append(NotificationJson.write(entry)).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, lines, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException diskTrouble) {
            throw new UncheckedIOException("cannot write the outbox spool " + file, diskTrouble);
        }
    }

    /** The latest state of every spooled entry; lines cut short by a crash are skipped. */
    synchronized Collection<OutboxEntry> latest() {
        if (!Files.exists(file)) {
            return List.of();
        }
        Map<String, OutboxEntry> latest = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    OutboxEntry entry = NotificationJson.readEntry(line);
                    latest.put(entry.key(), entry);
                } catch (RuntimeException torn) {
                    LOG.warn("Skipping an unreadable line in the outbox spool {} (a crash while writing?)", file);
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read the outbox spool " + file, unreadable);
        }
        return latest.values();
    }

    synchronized boolean isEmpty() {
        return !Files.exists(file);
    }

    /**
     * Hands the latest state of every spooled entry to {@code sink} and removes the file, all under the
     * spool's lock so no append slips in between. When {@code sink} throws, the file stays for next time.
     */
    synchronized int replayInto(java.util.function.Consumer<OutboxEntry> sink) {
        Collection<OutboxEntry> entries = latest();
        entries.forEach(sink);
        try {
            Files.deleteIfExists(file);
        } catch (IOException stuck) {
            throw new UncheckedIOException("cannot remove the outbox spool " + file, stuck);
        }
        return entries.size();
    }
}

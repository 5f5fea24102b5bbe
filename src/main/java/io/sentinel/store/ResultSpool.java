package io.sentinel.store;

import io.sentinel.probe.ProbeResult;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probe results that did not fit in memory or were still unwritten at shutdown, one JSON object per line.
 *
 * <p>Replaying works on a claimed copy: the spool file is renamed aside first, so results spilled during the
 * replay land in a fresh file instead of racing the reader, and a crash mid-replay leaves the claimed file to
 * be replayed on the next start.
 */
final class ResultSpool {

    static final String FILE_NAME = "results.spool.jsonl";
    static final String REPLAY_FILE_NAME = "results.replaying.jsonl";
    /** Results the database refused as data (never as an outage): kept for a person, never retried. */
    static final String REJECTED_FILE_NAME = "results.rejected.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(ResultSpool.class);

    private final Path directory;
    private final ResultCodec json;
    private long waiting;
    private long claimed;

    /** A claimed spool file and how many results it holds. */
    record Claim(Path file, long size) {
    }

    ResultSpool(Path directory, ResultCodec json) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.json = json;
        this.waiting = countLines(file());
        this.claimed = countLines(replayFile());
    }

    Path file() {
        return directory.resolve(FILE_NAME);
    }

    synchronized long size() {
        return waiting + claimed;
    }

    synchronized void append(Collection<ProbeResult> results) throws IOException {
        if (results.isEmpty()) {
            return;
        }
        writeLines(file(), results);
        waiting += results.size();
    }

    /** Takes the spooled results for replay: the one left by an interrupted replay first. Empty when none wait. */
    synchronized Optional<Claim> claim() throws IOException {
        if (claimed == 0 && waiting > 0) {
            Files.move(file(), replayFile(), StandardCopyOption.ATOMIC_MOVE);
            claimed = waiting;
            waiting = 0;
        }
        return claimed == 0 ? Optional.empty() : Optional.of(new Claim(replayFile(), claimed));
    }

    /**
     * The claimed results, in spool order. Lines that do not parse (a line torn by a crash) are skipped with a
     * warning: one damaged line must not keep every other result from the database. Close the stream.
     */
    Stream<ProbeResult> read(Claim claim) throws IOException {
        return lines(claim.file())
                .filter(line -> !line.isBlank())
                .flatMap(this::parse);
    }

    /** The claimed results are in the database: forget them. */
    synchronized void replayed(Claim claim) throws IOException {
        Files.deleteIfExists(claim.file());
        claimed = 0;
    }

    /** Replaces a claim with the results still to write, after a replay that stopped part way. */
    synchronized void rewrite(Claim claim, Collection<ProbeResult> remaining) throws IOException {
        Path rewritten = directory.resolve(REPLAY_FILE_NAME + ".tmp");
        Files.deleteIfExists(rewritten);
        writeLines(rewritten, remaining);
        Files.move(rewritten, claim.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        claimed = remaining.size();
    }

    synchronized void reject(ProbeResult result) throws IOException {
        writeLines(directory.resolve(REJECTED_FILE_NAME), List.of(result));
    }

    private Path replayFile() {
        return directory.resolve(REPLAY_FILE_NAME);
    }

    private Stream<ProbeResult> parse(String line) {
        try {
            return Stream.of(json.fromLine(line));
        } catch (IllegalArgumentException damaged) {
            LOG.warn("Skipping a damaged line in the result spool: {}", Outage.reason(damaged));
            return Stream.empty();
        }
    }

    private void writeLines(Path target, Collection<ProbeResult> results) throws IOException {
        Files.createDirectories(directory);
        try (BufferedWriter writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            for (ProbeResult result : results) {
                writer.write(json.toLine(result));
                writer.newLine();
            }
        }
    }

    private static long countLines(Path file) {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> lines = lines(file)) {
            return lines.filter(line -> !line.isBlank()).count();
        } catch (IOException | UncheckedIOException error) {
            throw new StoreException("cannot read the result spool " + file + ": " + Outage.reason(error), error);
        }
    }

    /** Decodes leniently: bytes torn by a crash become a damaged line to skip, not an error that stops the replay. */
    private static Stream<String> lines(Path file) throws IOException {
        BufferedReader reader =
                new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8));
        return reader.lines().onClose(() -> {
            try {
                reader.close();
            } catch (IOException error) {
                throw new UncheckedIOException(error);
            }
        });
    }
}

package io.sentinel.writer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Items that wait on disk for their target, one line each, in {@code <name>.spool.jsonl}.
 *
 * <p>Copying back works on a claimed file: the spool file is renamed to {@code <name>.replaying.jsonl} first, so
 * items spooled during the copy land in a fresh file instead of racing the reader, and a crash mid-copy leaves
 * the claimed file to be copied first on the next start. Items the target refuses as data go to
 * {@code <name>.rejected.jsonl}, for a person; they are never retried.
 *
 * @param <T> what is spooled
 */
public final class Spool<T> {

    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);

    private final Path directory;
    private final String name;
    private final LineCodec<T> codec;
    private final OpenOption[] appending;
    private long waiting;
    private long claimed;

    /** A claimed spool file and how many lines it holds. */
    record Claim(Path file, long size) {
    }

    /**
     * @param name    the files' prefix: {@code results} keeps {@code results.spool.jsonl}
     * @param durable whether every append reaches the disk before it returns ({@code SYNC}): for items someone
     *                has already been told about
     * @throws UncheckedIOException when a spool left by an earlier run cannot be read
     */
    public Spool(Path directory, String name, LineCodec<T> codec, boolean durable) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.name = Objects.requireNonNull(name, "name");
        this.codec = Objects.requireNonNull(codec, "codec");
        List<OpenOption> options = new ArrayList<>(List.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE));
        if (durable) {
            options.add(StandardOpenOption.SYNC);
        }
        this.appending = options.toArray(OpenOption[]::new);
        this.waiting = countLines(file());
        this.claimed = countLines(replayFile());
    }

    /** Where new items are appended. */
    public Path file() {
        return directory.resolve(name + ".spool.jsonl");
    }

    public Path rejectedFile() {
        return directory.resolve(name + ".rejected.jsonl");
    }

    Path replayFile() {
        return directory.resolve(name + ".replaying.jsonl");
    }

    /** Lines waiting, claimed ones included (a line torn by a crash counts until a copy skips it). */
    public synchronized long size() {
        return waiting + claimed;
    }

    synchronized void append(Collection<? extends T> items) throws IOException {
        if (items.isEmpty()) {
            return;
        }
        writeLines(file(), items, appending);
        waiting += items.size();
    }

    /** Every spooled item, claimed ones first: what an earlier run left, read before anything is copied. */
    public synchronized List<T> readAll() {
        List<T> items = new ArrayList<>();
        for (Path file : List.of(replayFile(), file())) {
            if (!Files.exists(file)) {
                continue;
            }
            try (Stream<T> lines = read(file)) {
                lines.forEach(items::add);
            } catch (IOException | UncheckedIOException error) {
                throw new UncheckedIOException("cannot read the spool " + file, asIo(error));
            }
        }
        return items;
    }

    /** Takes the spooled items for copying: the claim left by an interrupted copy first. Empty when none wait. */
    synchronized Optional<Claim> claim() throws IOException {
        if (claimed == 0 && waiting > 0) {
            Files.move(file(), replayFile(), StandardCopyOption.ATOMIC_MOVE);
            claimed = waiting;
            waiting = 0;
        }
        return claimed == 0 ? Optional.empty() : Optional.of(new Claim(replayFile(), claimed));
    }

    /**
     * The claimed items, in spool order. Lines that do not parse (a line torn by a crash) are skipped with a
     * warning: one damaged line must not keep every other item from the target. Close the stream.
     */
    Stream<T> read(Claim claim) throws IOException {
        return read(claim.file());
    }

    /** The claimed items are in the target: forget them. */
    synchronized void copied(Claim claim) throws IOException {
        Files.deleteIfExists(claim.file());
        claimed = 0;
    }

    /** Replaces a claim with the items still to write, after a copy that stopped part way. */
    synchronized void rewrite(Claim claim, Collection<? extends T> remaining) throws IOException {
        Path rewritten = directory.resolve(name + ".replaying.jsonl.tmp");
        Files.deleteIfExists(rewritten);
        writeLines(rewritten, remaining, appending);
        Files.move(rewritten, claim.file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        claimed = remaining.size();
    }

    synchronized void reject(T item) throws IOException {
        writeLines(rejectedFile(), List.of(item), appending);
    }

    private Stream<T> read(Path file) throws IOException {
        return lines(file).filter(line -> !line.isBlank()).flatMap(this::parse);
    }

    private Stream<T> parse(String line) {
        try {
            return Stream.of(codec.fromLine(line));
        } catch (RuntimeException damaged) {
            LOG.warn("Skipping a damaged line of the {} spool in {} (a crash while writing?): {}", name, directory,
                    Outage.reason(damaged));
            return Stream.empty();
        }
    }

    private void writeLines(Path target, Collection<? extends T> items, OpenOption... options) throws IOException {
        Files.createDirectories(directory);
        try (BufferedWriter writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8, options)) {
            for (T item : items) {
                writer.write(codec.toLine(item));
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
            throw new UncheckedIOException("cannot read the spool " + file + ": " + Outage.reason(error), asIo(error));
        }
    }

    private static IOException asIo(Exception error) {
        return error instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) error;
    }

    /** Decodes leniently: bytes torn by a crash become a damaged line to skip, not an error that stops the copy. */
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

package io.sentinel.report;

import io.sentinel.json.Json;
import io.sentinel.json.ResultJson;
import io.sentinel.probe.ProbeResult;
import io.sentinel.writer.WriteTarget;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The report's files, {@code YYYY-MM-DD.jsonl} by UTC day, as the report writer's target. The day's file stays
 * open between batches and is switched when the day changes. Only the writer's thread calls it.
 */
final class ReportFiles implements WriteTarget<ProbeResult>, AutoCloseable {

    private final Path directory;
    private BufferedWriter openFile;
    private LocalDate openDay;

    ReportFiles(Path directory) {
        this.directory = directory;
    }

    Path fileFor(LocalDate day) {
        return directory.resolve(day + ".jsonl");
    }

    /** Every line is made before any is written, so a result that cannot be written costs no half-written batch. */
    @Override
    public void write(Iterator<? extends ProbeResult> results) throws IOException {
        List<ProbeResult> batch = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        while (results.hasNext()) {
            ProbeResult result = results.next();
            batch.add(result);
            lines.add(line(result));
        }
        try {
            for (int index = 0; index < batch.size(); index++) {
                writerFor(LocalDate.ofInstant(batch.get(index).startedAt(), ZoneOffset.UTC)).write(lines.get(index));
                openFile.write('\n');
            }
            if (openFile != null) {
                openFile.flush();
            }
        } catch (IOException trouble) {
            // reopened by the next attempt: a file that failed once may be gone or full
            close();
            throw trouble;
        }
    }

    @Override
    public boolean refuses(Exception error) {
        return error instanceof UnwritableResult;
    }

    @Override
    public String describe(ProbeResult result) {
        return "The report line of check " + result.checkId() + " at " + result.startedAt();
    }

    @Override
    public void close() {
        if (openFile != null) {
            try {
                openFile.close();
            } catch (IOException ignored) {
                // the next write reopens it
            }
            openFile = null;
        }
    }

    private static String line(ProbeResult result) {
        try {
            return Json.write(ResultJson.of(result));
        } catch (RuntimeException unwritable) {
            throw new UnwritableResult(unwritable);
        }
    }

    private BufferedWriter writerFor(LocalDate day) throws IOException {
        if (openFile == null || !day.equals(openDay)) {
            close();
            Files.createDirectories(directory);
            openFile = Files.newBufferedWriter(fileFor(day), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            openDay = day;
        }
        return openFile;
    }

    /** A result that has no JSON form: written again it would fail again. */
    private static final class UnwritableResult extends RuntimeException {
        UnwritableResult(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }
}

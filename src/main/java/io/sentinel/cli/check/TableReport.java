package io.sentinel.cli.check;

import io.sentinel.probe.Latencies;
import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import java.util.ArrayList;
import java.util.List;

/** The results as a plain text table for a terminal or a CI log, then one summary line. */
public final class TableReport {

    private static final List<String> HEADINGS = List.of("CHECK", "DEPENDENCY", "SEVERITY", "OUTCOME", "LATENCY", "DETAILS");

    private TableReport() {
    }

    public static String render(CheckRun run) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        for (CheckedResult checked : run.results()) {
            ProbeResult result = checked.result();
            rows.add(List.of(checked.check().id(), checked.check().dependency(), checked.check().severity().label(),
                    outcome(result), result.outcome().isObservation() ? Latencies.format(result.latency()) : "-",
                    result.message().replace('\n', ' ')));
        }
        int[] widths = new int[HEADINGS.size() - 1];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                table.append(row.get(column)).append(" ".repeat(widths[column] - row.get(column).length() + 2));
            }
            table.append(row.get(widths.length)).append('\n');
        }
        table.append('\n').append(run.summary());
        List<String> failing = run.criticalDown();
        table.append(failing.isEmpty() ? "; no critical check is DOWN" : "; critical and DOWN: " + String.join(", ", failing));
        return table.append('\n').toString();
    }

    /** DOWN with its class, so the table says why without the details column. */
    private static String outcome(ProbeResult result) {
        return result.outcome() == Outcome.DOWN ? "DOWN " + result.failureClass().name() : result.outcome().name();
    }
}

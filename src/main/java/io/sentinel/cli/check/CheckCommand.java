package io.sentinel.cli.check;

import io.sentinel.cli.CommandLine;
import io.sentinel.config.CheckConfig;
import io.sentinel.config.SentinelConfig;
import io.sentinel.probe.ProbeKind;
import io.sentinel.secret.Redactor;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

/** {@code sentinel check}: select, run once, print, and turn the results into an exit code. */
public final class CheckCommand {

    private CheckCommand() {
    }

    /**
     * Runs the checks the command line selects and prints the report on {@code out}. An unknown id is a
     * {@link IllegalArgumentException}, for the caller to report as wrong usage.
     */
    public static int run(SentinelConfig config, CommandLine commandLine, List<ProbeKind> kinds, PrintStream out, Clock clock)
            throws InterruptedException {
        List<CheckConfig> selected = CheckSelection.select(config, commandLine.only(), commandLine.dependencies());
        CheckRun run;
        try (ChecksNow checks = new ChecksNow(config, kinds, clock)) {
            run = checks.run(selected);
        }
        String report = switch (commandLine.format()) {
            case TABLE -> TableReport.render(run);
            case JSON -> JsonReport.render(run);
            case JUNIT -> JunitReport.render(run);
        };
        // messages are redacted already; this is the last gate before a CI log that many people read
        out.print(Redactor.global().redact(report));
        out.flush();
        return run.exitCode();
    }
}

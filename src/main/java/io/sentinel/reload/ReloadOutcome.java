package io.sentinel.reload;

import java.util.List;

/**
 * What a request to re-read the configuration came to.
 *
 * @param result   APPLIED (in place), RESTARTED (the daemon was rebuilt), UNCHANGED, REFUSED, or
 *                 UNAVAILABLE (the built-in configuration, which cannot change, is running)
 * @param version  the version read
 * @param problems why it was refused: file, line and fix for each problem
 */
public record ReloadOutcome(Result result, String version, List<String> problems) {

    public enum Result { APPLIED, RESTARTED, UNCHANGED, REFUSED, UNAVAILABLE }

    public ReloadOutcome {
        problems = List.copyOf(problems);
    }

    public static ReloadOutcome of(Result result, String version) {
        return new ReloadOutcome(result, version, List.of());
    }
}

package io.sentinel.routes;

import java.util.Objects;

/**
 * One thing wrong with the routes, where it is and how to fix it: {@code routes/x.yaml:12: what — fix}.
 *
 * @param file    the route file as the operator knows it (or the built-in route's resource)
 * @param line    1-based; 0 when the whole file is at fault
 * @param message what is wrong
 * @param fix     what would be accepted
 */
public record RouteProblem(String file, int line, String message, String fix) {

    public RouteProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message + " — " + fix;
    }
}

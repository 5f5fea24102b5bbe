package io.sentinel.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a configuration file, with where it is and what would be accepted instead.
 *
 * @param file    the file, as the operator named it
 * @param line    1-based line
 * @param column  1-based column
 * @param message what is wrong
 * @param hint    what is allowed, or how to fix it
 */
public record ConfigProblem(Path file, int line, int column, String message, String hint) {

    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    /** {@code file:line:column: what is wrong — what is allowed}, the shape compilers use. */
    public String format() {
        String where = file + ":" + line + ":" + column + ": ";
        return hint.isBlank() ? where + message : where + message + " — " + hint;
    }

    @Override
    public String toString() {
        return format();
    }
}

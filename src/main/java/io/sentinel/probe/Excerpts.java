package io.sentinel.probe;

import io.sentinel.secret.Redactor;

/** Short, single-line, secret-free pieces of a response body, so a person can see what really came back. */
public final class Excerpts {

    /** Enough to recognise an error body ("quota exceeded", an HTML error page), not a dump. */
    public static final int DEFAULT_LENGTH = 120;

    private Excerpts() {
    }

    /** The body on one line, redacted before it is shortened (so a cut never exposes half a key). */
    public static String of(String body, int maxLength) {
        String oneLine = Redactor.global().redact(body == null ? "" : body).replaceAll("\\s+", " ").strip();
        return oneLine.length() <= maxLength ? oneLine : oneLine.substring(0, maxLength - 1) + "…";
    }

    public static String of(String body) {
        return of(body, DEFAULT_LENGTH);
    }
}

package io.sentinel.config;

import java.util.regex.Pattern;

/** Ids become route ids, metric labels, breaker names and URL segments, so they are kept simple. */
public final class Identifiers {

    public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    public static final String RULE = "lower-case letters, digits, '.', '_' and '-', starting with a letter or digit";

    private Identifiers() {
    }

    public static boolean isValid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }

    static void require(String id, String what) {
        if (!isValid(id)) {
            throw new IllegalArgumentException(what + " '" + id + "' must use " + RULE);
        }
    }
}

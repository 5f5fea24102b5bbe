package io.sentinel.report;

import java.util.regex.Pattern;

/**
 * Failure messages with what varies from one probe to the next taken out, so the same failure groups as one:
 * times become {@code {time}}, UUIDs and generated ids {@code {id}}, numbers {@code {n}}. An HTTP status after
 * "HTTP" is kept: 500 and 503 are different findings.
 */
public final class MessagePatterns {

    /** Patterns are for reading, not for keeping whole messages: longer ones are cut here. */
    static final int MAX_LENGTH = 200;

    private static final Pattern TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** A word of eight or more letters, digits, '_' or '-' with at least two digits and a letter: a request id. */
    private static final Pattern GENERATED_ID = Pattern.compile(
            "(?<![\\w-])(?=[\\w-]*\\d[\\w-]*\\d)(?=[\\w-]*[A-Za-z])[\\w-]{8,}(?![\\w-])");
    private static final Pattern NUMBER = Pattern.compile("(?<!HTTP )(?<![\\w.])\\d+(\\.\\d+)?(?![\\w.]*\\d)");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private MessagePatterns() {
    }

    public static String of(String message) {
        if (message == null || message.isBlank()) {
            return "(no message)";
        }
        String pattern = SPACES.matcher(message.strip()).replaceAll(" ");
        pattern = TIME.matcher(pattern).replaceAll("{time}");
        pattern = UUID.matcher(pattern).replaceAll("{id}");
        pattern = GENERATED_ID.matcher(pattern).replaceAll("{id}");
        pattern = NUMBER.matcher(pattern).replaceAll("{n}");
        return pattern.length() <= MAX_LENGTH ? pattern : pattern.substring(0, MAX_LENGTH - 1) + "…";
    }
}

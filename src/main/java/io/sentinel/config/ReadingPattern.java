package io.sentinel.config;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The name of a reading a rule looks at, where one segment may be {@code *}: {@code function.*.p95_ms} stands
 * for the p95 of every edge function, each its own series ({@code enrichment_orchestrator}, …) with its own
 * alert. Without a {@code *} it names one reading and has one series, named {@code ""}.
 *
 * @param text the name as written, e.g. {@code credits.remaining} or {@code function.*.invocations}
 */
public record ReadingPattern(String text) {

    /** Checked before anything else: a reading name is a few words, and a long text is a mistake. */
    public static final int MAX_LENGTH = 100;
    public static final String WILDCARD = "*";
    public static final String RULE = "dotted lower-case words, e.g. credits.remaining; one word may be * "
            + "(function.*.invocations)";
    private static final Pattern FIRST_WORD = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern WORD = Pattern.compile("[a-z0-9_]+");

    public ReadingPattern {
        if (!isValid(text)) {
            throw new IllegalArgumentException("'" + text + "' is not a reading name: use " + RULE);
        }
    }

    /** Dotted words as readings are named, with at most one word {@code *}; no regular expression over the whole. */
    public static boolean isValid(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH || text.startsWith(".") || text.endsWith(".")) {
            return false;
        }
        String[] words = text.split("\\.", -1);
        int wildcards = 0;
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals(WILDCARD)) {
                wildcards++;
            } else if (!(i == 0 ? FIRST_WORD : WORD).matcher(words[i]).matches()) {
                return false;
            }
        }
        return wildcards <= 1;
    }

    public boolean hasWildcard() {
        return wordIndex() >= 0;
    }

    /**
     * The series a reading belongs to: the word standing for {@code *}, or {@code ""} when the pattern names
     * this one reading; empty when the reading is not one of the pattern's.
     */
    public Optional<String> seriesOf(String readingName) {
        int wildcard = wordIndex();
        if (wildcard < 0) {
            return text.equals(readingName) ? Optional.of("") : Optional.empty();
        }
        String[] pattern = text.split("\\.", -1);
        String[] words = readingName.split("\\.", -1);
        if (words.length != pattern.length) {
            return Optional.empty();
        }
        for (int i = 0; i < words.length; i++) {
            if (i != wildcard && !pattern[i].equals(words[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(words[wildcard]);
    }

    /** The reading of one series: {@code function.*.invocations} for {@code enrichment_orchestrator}. */
    public String readingOf(String series) {
        Objects.requireNonNull(series, "series");
        int wildcard = wordIndex();
        if (wildcard < 0) {
            return text;
        }
        String[] words = text.split("\\.", -1);
        words[wildcard] = series;
        return String.join(".", words);
    }

    private int wordIndex() {
        String[] words = text.split("\\.", -1);
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals(WILDCARD)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return text;
    }
}

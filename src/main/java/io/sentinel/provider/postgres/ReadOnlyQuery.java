package io.sentinel.provider.postgres;

import io.sentinel.config.ConfigSection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One read-only SQL statement: it starts with {@code select}, {@code with} or {@code values} and has no
 * {@code ;} before its end (outside quotes and comments). A monitor runs it every minute for ever, so a typo
 * must not turn it into a write. The probe also runs it in a read-only transaction, which catches what text
 * cannot, such as a {@code with} whose body deletes.
 *
 * @param sql the statement as configured
 */
public record ReadOnlyQuery(String sql) {

    private static final Set<String> READING_WORDS = Set.of("select", "with", "values");
    private static final Pattern FIRST_WORD = Pattern.compile("[A-Za-z_]+");
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");
    private static final String EXAMPLE = "select 1";

    public ReadOnlyQuery {
        problemWith(sql).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** Reads {@code query}, {@code fallback} when absent; empty (after a reported problem) when it is unusable. */
    static Optional<ReadOnlyQuery> readOrDefault(ConfigSection check, String fallback) {
        return validated(check, check.text("query", fallback));
    }

    /** Reads the required {@code query}; empty (after a reported problem) when it is missing or unusable. */
    static Optional<ReadOnlyQuery> readRequired(ConfigSection check, String example) {
        return check.requiredText("query", example).flatMap(text -> validated(check, text));
    }

    private static Optional<ReadOnlyQuery> validated(ConfigSection check, String text) {
        Optional<String> problem = problemWith(text);
        if (problem.isPresent()) {
            check.problem("query", problem.get(), "write one select, with or values statement, e.g. " + EXAMPLE);
            return Optional.empty();
        }
        return Optional.of(new ReadOnlyQuery(text));
    }

    /** Why {@code sql} is not one read-only statement, or empty when it is. */
    static Optional<String> problemWith(String sql) {
        if (sql == null || sql.isBlank()) {
            return Optional.of("'query' is empty");
        }
        int start = skipSpaceAndComments(sql, 0);
        Matcher word = FIRST_WORD.matcher(sql).region(start, sql.length());
        String first = word.lookingAt() ? word.group().toLowerCase(Locale.ROOT) : "";
        if (!READING_WORDS.contains(first)) {
            String shown = first.isEmpty() ? "'" + sql.substring(start, Math.min(sql.length(), start + 1)) + "'" : "'" + first + "'";
            return Optional.of("'query' must be a read-only statement starting with select, with or values, not " + shown);
        }
        int semicolon = firstSemicolon(sql);
        if (semicolon >= 0 && skipSpaceAndComments(sql, semicolon + 1) < sql.length()) {
            return Optional.of("'query' holds more than one statement (there is text after a ';')");
        }
        return Optional.empty();
    }

    /** The first {@code ;} that is not inside a string, a quoted name, a dollar-quoted body or a comment. */
    private static int firstSemicolon(String sql) {
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == ';') {
                return i;
            }
            if (c == '\'' || c == '"') {
                i = closing(sql, i + 1, String.valueOf(c));
            } else if (sql.startsWith("--", i) || sql.startsWith("/*", i)) {
                i = skipSpaceAndComments(sql, i);
            } else if (c == '$' && DOLLAR_TAG.matcher(sql).region(i, sql.length()).lookingAt()) {
                Matcher tag = DOLLAR_TAG.matcher(sql).region(i, sql.length());
                tag.lookingAt();
                i = closing(sql, tag.end(), tag.group());
            } else {
                i++;
            }
        }
        return -1;
    }

    /** The index after {@code terminator}, searching from {@code from}; the end when it never closes. */
    private static int closing(String sql, int from, String terminator) {
        int end = sql.indexOf(terminator, from);
        return end < 0 ? sql.length() : end + terminator.length();
    }

    private static int skipSpaceAndComments(String sql, int from) {
        int i = from;
        while (i < sql.length()) {
            if (Character.isWhitespace(sql.charAt(i))) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int newline = sql.indexOf('\n', i);
                i = newline < 0 ? sql.length() : newline + 1;
            } else if (sql.startsWith("/*", i)) {
                i = closing(sql, i + 2, "*/");
            } else {
                break;
            }
        }
        return i;
    }

    /** The statement's first words, for messages: enough to recognise it, never a whole query. */
    public String summary() {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 39) + "…";
    }

    @Override
    public String toString() {
        return summary();
    }
}

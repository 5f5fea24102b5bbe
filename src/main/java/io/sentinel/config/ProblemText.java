package io.sentinel.config;

import io.sentinel.secret.Redactor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text from a configuration file safe to print in a problem: one line, a sensible length, and no
 * credential that a URL carries. What the operator wrote is quoted, never a value taken from the
 * environment ({@link ReadContext} replaces those); this class handles what is left: credentials written
 * into the file itself, such as {@code jdbc:postgresql://app:pa55@db/x} or {@code ?password=pa55}.
 */
final class ProblemText {

    /** Longer quotes are cut: the operator needs to recognise the value, not read it back. */
    static final int QUOTE_LIMIT = 80;
    /** A whole message is never longer than this, whatever a reader put in it. */
    static final int MESSAGE_LIMIT = 600;

    /** {@code user:password@} in a URL: the password goes, the user stays so the URL is recognisable. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^\\s/?#@:'\"]*:)[^\\s/?#@'\"]+@");
    /** {@code token@host}: a lone user part before the host is a token often enough (GitHub, GitLab) to mask. */
    private static final Pattern TOKEN_INFO = Pattern.compile("//[^\\s/?#@:'\"]{16,}@");
    /**
     * Parameters whose name says credential ({@code password=}, {@code sslpassword=}, {@code pwd=},
     * {@code client_secret=} …), a wider net than the process-wide redactor's list of common names.
     */
    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile(
            "(?i)([?&;][\\w.-]*(?:pass|pwd|secret|token|key|auth|credential|sig)[\\w.-]*=)([^&;#\\s\"']+)");

    private ProblemText() {
    }

    /** {@code 'text'}, on one line and cut to {@value #QUOTE_LIMIT} characters. */
    static String quote(String written) {
        return "'" + shorten(written) + "'";
    }

    /** The text on one line, cut to {@value #QUOTE_LIMIT} characters, for numbers quoted without marks. */
    static String shorten(String written) {
        String text = written == null ? "" : written;
        if (text.length() > QUOTE_LIMIT) {
            int end = QUOTE_LIMIT;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            text = text.substring(0, end) + "…";
        }
        return oneLine(text);
    }

    /**
     * The final form of a message or hint: credentials masked first (so that cutting can never leave part of
     * one), then one line, then a length limit.
     */
    static String clean(String text) {
        // cut well past the limit first, so the masking patterns never scan a huge text; whatever this cut
        // leaves of a credential lies beyond the final limit and is cut again below
        String bounded = text.length() > 4 * MESSAGE_LIMIT ? text.substring(0, 4 * MESSAGE_LIMIT) : text;
        String masked = maskCredentials(bounded);
        String line = oneLine(masked);
        if (line.length() > MESSAGE_LIMIT) {
            int end = MESSAGE_LIMIT;
            if (Character.isHighSurrogate(line.charAt(end - 1))) {
                end--;
            }
            line = line.substring(0, end) + "…";
        }
        return line;
    }

    static String maskCredentials(String text) {
        String masked = USER_INFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + Redactor.MASK + "@"));
        masked = TOKEN_INFO.matcher(masked).replaceAll(Matcher.quoteReplacement("//" + Redactor.MASK + "@"));
        masked = CREDENTIAL_PARAMETER.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + Redactor.MASK));
        return Redactor.global().redact(masked);
    }

    /**
     * Control characters shown as {@code \n}, {@code \t} or {@code \u001B}: a problem is one line, and an
     * escape sequence from a fuzzed or damaged file must not reach the operator's terminal.
     */
    static String oneLine(String text) {
        StringBuilder line = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
            if (control && line == null) {
                line = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (line != null) {
                if (!control) {
                    line.append(c);
                } else if (c == '\n') {
                    line.append("\\n");
                } else if (c == '\r') {
                    line.append("\\r");
                } else if (c == '\t') {
                    line.append("\\t");
                } else {
                    line.append(String.format("\\u%04X", (int) c));
                }
            }
        }
        return line == null ? text : line.toString();
    }
}

package io.sentinel.alert.slack;

/**
 * Slack's text rules: mrkdwn escaping and the Block Kit size limits. A message over a limit is refused whole
 * ({@code invalid_payload}), so every text is cut to fit before it is sent, never after.
 */
final class SlackText {

    /** Section text, and anything else Slack counts as a text object. */
    static final int SECTION_LIMIT = 3000;
    static final int FIELD_LIMIT = 2000;
    static final int MAX_FIELDS = 10;
    static final int HEADER_LIMIT = 150;
    static final int MAX_BLOCKS = 50;
    /** Slack accepts far longer fallbacks, but phones show a line or two; the detail is in the blocks. */
    static final int FALLBACK_LIMIT = 3000;
    static final String ELLIPSIS = "…";
    /** The longest entity {@link #escape} writes, {@code &amp;}. */
    private static final int LONGEST_ENTITY = 5;

    private SlackText() {
    }

    /** {@code &}, {@code <} and {@code >} are Slack's control characters (links, mentions); everything else is literal. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * The text cut to at most {@code limit} characters, ending in "…" when cut. Never splits a surrogate pair
     * or an entity written by {@link #escape}, which Slack would show as garbage.
     */
    static String truncate(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int end = limit - ELLIPSIS.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        int ampersand = text.lastIndexOf('&', end - 1);
        if (ampersand >= 0 && end - ampersand < LONGEST_ENTITY) {
            int semicolon = text.indexOf(';', ampersand);
            if (semicolon < 0 || semicolon >= end) {
                end = ampersand;
            }
        }
        return text.substring(0, end) + ELLIPSIS;
    }
}

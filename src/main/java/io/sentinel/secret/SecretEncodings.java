package io.sentinel.secret;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The shapes a secret takes on its way out of a program: percent- and form-encoded in URLs, escaped in JSON
 * and HTML, base64 in auth headers and SMTP. A server that quotes our request back quotes it in one of these.
 *
 * <p>Letter case is not varied here: the matcher compares without regard to case, which covers hex written
 * either way, {@code %2f} against {@code %2F}, and servers that upper-case the command they echo.
 */
final class SecretEncodings {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SecretEncodings() {
    }

    /** The text itself and every encoded form of it (duplicates removed). */
    static Set<String> of(String text) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(text);
        String percent = percent(text, false);
        forms.add(percent);
        forms.add(percent(text, true));
        forms.add(percent(percent, false));
        String form = form(text);
        forms.add(form);
        forms.add(form(form));
        forms.add(json(text, true));
        forms.add(json(text, false));
        forms.add(jsonUnicode(text));
        forms.add(html(text));
        forms.addAll(base64(text.getBytes(StandardCharsets.UTF_8)));
        return forms;
    }

    /**
     * Base64 of the bytes, standard and URL-safe, padded, and the parts that stay the same when the bytes sit
     * one or two bytes into a longer encoded value (a token inside an encoded header or JSON document): base64
     * works in groups of three bytes, so there are three alignments. Unpadded forms are prefixes of the padded
     * ones, so the fragment matching covers them.
     */
    static Set<String> base64(byte[] bytes) {
        Set<String> forms = new LinkedHashSet<>();
        for (Base64.Encoder encoder : new Base64.Encoder[] {Base64.getEncoder(), Base64.getUrlEncoder()}) {
            forms.add(encoder.encodeToString(bytes));
            for (int offset = 1; offset <= 2; offset++) {
                byte[] shifted = new byte[offset + bytes.length];
                System.arraycopy(bytes, 0, shifted, offset, bytes.length);
                String encoded = encoder.withoutPadding().encodeToString(shifted);
                // the first quantum mixes in the bytes before the secret; the last one, those after it
                int start = 4;
                int end = (shifted.length / 3) * 4;
                if (end > start) {
                    forms.add(encoded.substring(start, end));
                }
            }
        }
        return forms;
    }

    /**
     * RFC 3986 percent-encoding of every byte outside the unreserved set, upper-case hex; with
     * {@code keepSlashes} the slashes stay, as when the text is a path.
     */
    static String percent(String text, boolean keepSlashes) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte value : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (value & 0xFF);
            if (isUnreserved(c) || (keepSlashes && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(value >> 4) & 0xF]).append(HEX[value & 0xF]);
            }
        }
        return out.toString();
    }

    /** {@code application/x-www-form-urlencoded}, as {@link java.net.URLEncoder} writes it. */
    static String form(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A JSON string's content; {@code escapeSlashes} as PHP and some Java writers do ({@code https:\/\/}). */
    static String json(String text, boolean escapeSlashes) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append(escapeSlashes ? "\\/" : "/");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** JSON as HTML-safe writers (Gson, some templating) write it: {@code < > & = '} as six-character unicode escapes. */
    static String jsonUnicode(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        String plain = json(text, false);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == '<' || c == '>' || c == '&' || c == '=' || c == '\'') {
                unicodeEscape(out, c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** HTML text and attribute escaping, as in an email's HTML part or Slack's mrkdwn. */
    static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u00").append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}

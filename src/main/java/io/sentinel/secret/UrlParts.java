package io.sentinel.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL taken apart without {@link java.net.URI}'s strictness: a secret URL with one odd character must still
 * be recognised as a URL, or its path would go unprotected.
 *
 * @param userInfo   what stands before {@code @} in the authority, empty when none
 * @param path       from the first {@code /} after the host up to {@code ?} or {@code #}, empty when none
 * @param parameters the query's and fragment's {@code name=value} pairs, in order
 */
record UrlParts(String userInfo, String path, List<Parameter> parameters) {

    /** One {@code name=value} pair; a bare {@code value} has an empty name. */
    record Parameter(String name, String value) {
    }

    /**
     * A scheme (JDBC's {@code jdbc:postgresql} included) and {@code ://}, or a host name and a path: a webhook
     * URL pasted without its scheme is still a URL whose host is not secret. A host name has at most 127 labels
     * (253 characters): bounding the repetition keeps a long dotted value, such as a 10,000-character key, from
     * overflowing the regex engine's stack.
     */
    private static final Pattern URL = Pattern.compile(
            "^(?:[A-Za-z][A-Za-z0-9+.:-]*://([^/?#\\s]*)|([A-Za-z0-9-]{1,63}(?:\\.[A-Za-z0-9-]{1,63}){0,126}\\.[A-Za-z]{2,63}(?::\\d+)?)(?=/))"
                    + "([^?#\\s]*)(.*)$");

    UrlParts {
        parameters = List.copyOf(parameters);
    }

    /** The parts of {@code text} when it is an absolute URL with an authority. */
    static Optional<UrlParts> parse(String text) {
        Matcher url = URL.matcher(text.strip());
        if (!url.matches()) {
            return Optional.empty();
        }
        String authority = url.group(1) != null ? url.group(1) : url.group(2);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at);
        return Optional.of(new UrlParts(userInfo, url.group(3), parameters(url.group(4))));
    }

    /** The path's non-empty segments, in order. */
    List<String> segments() {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    /** The password of {@code user:password}, or the whole user info when it has no colon (a bare token). */
    String userInfoSecret() {
        int colon = userInfo.indexOf(':');
        return colon < 0 ? userInfo : userInfo.substring(colon + 1);
    }

    /** JDBC URLs separate their settings with {@code ;} (H2) as well as {@code &}. */
    private static List<Parameter> parameters(String rest) {
        List<Parameter> parameters = new ArrayList<>();
        for (String pair : rest.split("[?#&;]")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            parameters.add(equals < 0 ? new Parameter("", pair)
                    : new Parameter(pair.substring(0, equals), pair.substring(equals + 1)));
        }
        return parameters;
    }
}

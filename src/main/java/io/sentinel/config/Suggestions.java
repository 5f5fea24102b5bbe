package io.sentinel.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** "Did you mean" for misspelt keys and ids, and short lists of what is defined. */
public final class Suggestions {

    /**
     * With more candidates than this no suggestion is looked for: a file with thousands of ids and thousands of
     * misspellings would otherwise cost their product in edit distances.
     */
    static final int MAX_CANDIDATES = 256;
    /** Longer texts are not typos of an id or a key; comparing them would cost their length squared. */
    static final int MAX_TYPED_LENGTH = 128;
    /** A hint names at most this many defined ids. */
    static final int MAX_LISTED = 10;

    private Suggestions() {
    }

    /** The candidate closest to {@code typed}, if it is close enough to be a plausible typo. */
    public static Optional<String> nearest(String typed, Collection<String> candidates) {
        if (typed.length() > MAX_TYPED_LENGTH || candidates.size() > MAX_CANDIDATES) {
            return Optional.empty();
        }
        String lowerTyped = typed.toLowerCase(Locale.ROOT);
        int tolerance = Math.max(2, typed.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - typed.length()) > tolerance) {
                continue; // the distance is at least the difference in length
            }
            int distance = distance(lowerTyped, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= tolerance ? Optional.ofNullable(best) : Optional.empty();
    }

    /** {@code a, b, c}, or the first {@value #MAX_LISTED} and how many there are in all. */
    static String listed(Collection<String> ids) {
        if (ids.size() <= MAX_LISTED) {
            return String.join(", ", ids);
        }
        return ids.stream().limit(MAX_LISTED).collect(Collectors.joining(", ")) + ", … (" + ids.size() + " in all)";
    }

    /** Levenshtein distance; the strings are short keys, so the quadratic table is fine. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

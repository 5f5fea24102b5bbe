package io.sentinel.secret;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every place in a text where a secret shows, in one pass, ignoring letter case. Built once per set of
 * secrets (at registration), immutable, shared by all threads.
 *
 * <p>Three rules, all answered by one hash lookup on the last six characters at each position:
 * <ul>
 *   <li>any run of {@value #WINDOW} or more characters taken from a fragment (a secret in one of its encodings)
 *       is masked wherever it appears, so a secret cut short or quoted in part is still caught; a fragment is
 *       also masked whole;</li>
 *   <li>a "whole" (a secret URL, its path) is masked where it appears complete;</li>
 *   <li>where a text was visibly cut (before {@code …} or {@code ...}) a shorter piece of a fragment, from
 *       {@value #KEY} characters, is masked too: it is the start of a secret whose rest was cut off.</li>
 * </ul>
 *
 * <p>Pieces that read as an ordinary word (no digit, letters of one case: {@code vercel-c}, {@code password},
 * a vendor's {@code sk_live_} prefix) are not masked on their own: they carry nothing of a random key, and
 * masking them would mangle ordinary text wherever a secret happens to contain a word. Every other piece is.
 *
 * <p>Characters are folded to lower case and packed eight bits each into a {@code long}, so eight characters are
 * one number: the last {@value #WINDOW} characters are compared exactly (for ASCII), with no per-secret loop.
 * An Aho-Corasick automaton over every piece of every form would be much larger for the same answer.
 */
final class SecretMatcher {

    /** Pieces of a secret at least this long are masked anywhere. */
    static final int WINDOW = 8;
    /** The lookup key's length, the shortest whole and the shortest piece masked at a cut. */
    static final int KEY = 6;
    static final SecretMatcher EMPTY = new SecretMatcher(List.of(), List.of());

    private static final long KEY_BITS = (1L << (8 * KEY)) - 1;
    private static final long SEVEN_BITS = (1L << 56) - 1;
    private static final long[] NO_KEYS = {};
    private static final byte[][] NO_WHOLES = {};

    /** What is known about the texts ending in one six-character key. */
    private static final class Entry {
        long[] windows = NO_KEYS;
        long[] sevens = NO_KEYS;
        byte[][] wholes = NO_WHOLES;
        boolean piece;
    }

    private final boolean empty;
    private final long[] keys;
    private final Entry[] entries;
    private final int shift;
    /** Characters (folded) that occur in some form: any other one ends a run and needs no lookup. */
    private final boolean[] alphabet = new boolean[256];

    SecretMatcher(Collection<String> fragments, Collection<String> wholes) {
        Map<Long, Entry> byKey = new HashMap<>();
        for (String fragment : fragments) {
            byte[] folded = fold(fragment);
            if (folded.length < KEY) {
                continue;
            }
            markAlphabet(folded);
            for (int end = KEY; end <= folded.length; end++) {
                Entry entry = byKey.computeIfAbsent(pack(folded, end, KEY), key -> new Entry());
                entry.piece |= !readsAsWord(fragment, end - KEY, end);
                if (end >= 7 && !readsAsWord(fragment, end - 7, end)) {
                    entry.sevens = add(entry.sevens, pack(folded, end, 7));
                }
                if (end >= WINDOW && !readsAsWord(fragment, end - WINDOW, end)) {
                    entry.windows = add(entry.windows, pack(folded, end, WINDOW));
                }
            }
            addWhole(byKey, folded);
        }
        for (String whole : wholes) {
            byte[] folded = fold(whole);
            if (folded.length >= KEY) {
                markAlphabet(folded);
                addWhole(byKey, folded);
            }
        }
        byKey.remove(0L); // 0 marks a free slot; six NUL characters are no one's secret
        empty = byKey.isEmpty();
        int capacity = Integer.highestOneBit(Math.max(16, byKey.size() * 4) - 1) << 1;
        keys = new long[capacity];
        entries = new Entry[capacity];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        byKey.forEach((key, entry) -> {
            int slot = slot(key);
            while (keys[slot] != 0) {
                slot = (slot + 1) & (capacity - 1);
            }
            keys[slot] = key;
            entries[slot] = entry;
        });
    }

    boolean isEmpty() {
        return empty;
    }

    /**
     * The stretches of {@code text} to mask, as sorted, merged {@code [start, end)} pairs; empty when none.
     */
    int[] find(String text) {
        Spans spans = null;
        long packed = 0;
        int run = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            int folded = fold(text.charAt(i));
            packed = (packed << 8) | folded;
            if (!alphabet[folded]) {
                run = 0;
                continue;
            }
            if (++run < KEY) {
                continue;
            }
            Entry entry = lookup(packed & KEY_BITS);
            if (entry == null) {
                continue;
            }
            int end = i + 1;
            if (run >= WINDOW && contains(entry.windows, packed)) {
                spans = Spans.add(spans, end - WINDOW, end);
            }
            for (byte[] whole : entry.wholes) {
                if (whole.length <= run && endsWith(text, end, whole)) {
                    spans = Spans.add(spans, end - whole.length, end);
                }
            }
            if (isCut(text, end)) {
                if (run >= 7 && contains(entry.sevens, packed & SEVEN_BITS)) {
                    spans = Spans.add(spans, end - 7, end);
                } else if (entry.piece) {
                    spans = Spans.add(spans, end - KEY, end);
                }
            }
        }
        return spans == null ? Spans.NONE : spans.merged();
    }

    private Entry lookup(long key) {
        int slot = slot(key);
        while (true) {
            long found = keys[slot];
            if (found == key) {
                return entries[slot];
            }
            if (found == 0) {
                return null;
            }
            slot = (slot + 1) & (keys.length - 1);
        }
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    /**
     * Where a text was visibly cut: before an ellipsis. (The end of a text is not taken for a cut: too many
     * texts end in a word, and a cut piece of eight or more characters is masked anywhere.)
     */
    private static boolean isCut(String text, int at) {
        return at < text.length() && (text.charAt(at) == '…' || text.startsWith("...", at));
    }

    /** No digit, and letters of one case only: an ordinary word or a fixed prefix, not a piece of a key. */
    static boolean readsAsWord(String text, int start, int end) {
        boolean upper = false;
        boolean lower = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                return false;
            }
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
        }
        return !(upper && lower);
    }

    private static boolean endsWith(String text, int end, byte[] whole) {
        for (int i = 1; i <= whole.length; i++) {
            if (fold(text.charAt(end - i)) != (whole[whole.length - i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    /**
     * ASCII letters to lower case; other ASCII as it is; anything else to a byte above 127, so that it can never
     * equal an ASCII character (two different non-ASCII characters may share a byte: that can only mask more).
     */
    static int fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
        }
        return 0x80 | (c & 0x7F);
    }

    private static byte[] fold(String text) {
        byte[] folded = new byte[text.length()];
        for (int i = 0; i < folded.length; i++) {
            folded[i] = (byte) fold(text.charAt(i));
        }
        return folded;
    }

    private void markAlphabet(byte[] folded) {
        for (byte value : folded) {
            alphabet[value & 0xFF] = true;
        }
    }

    private static void addWhole(Map<Long, Entry> byKey, byte[] folded) {
        Entry entry = byKey.computeIfAbsent(pack(folded, folded.length, KEY), key -> new Entry());
        for (byte[] known : entry.wholes) {
            if (Arrays.equals(known, folded)) {
                return;
            }
        }
        entry.wholes = Arrays.copyOf(entry.wholes, entry.wholes.length + 1);
        entry.wholes[entry.wholes.length - 1] = folded;
    }

    /** The {@code count} characters ending before {@code end}, eight bits each. */
    private static long pack(byte[] folded, int end, int count) {
        long packed = 0;
        for (int i = end - count; i < end; i++) {
            packed = (packed << 8) | (folded[i] & 0xFF);
        }
        return packed;
    }

    private static long[] add(long[] keys, long key) {
        if (contains(keys, key)) {
            return keys;
        }
        long[] grown = Arrays.copyOf(keys, keys.length + 1);
        grown[keys.length] = key;
        return grown;
    }

    private static boolean contains(long[] keys, long key) {
        for (long candidate : keys) {
            if (candidate == key) {
                return true;
            }
        }
        return false;
    }

    /** Stretches found so far; created only when the first one is, since most texts hold no secret. */
    private static final class Spans {
        static final int[] NONE = {};
        private final List<int[]> found = new ArrayList<>();

        static Spans add(Spans spans, int start, int end) {
            Spans target = spans == null ? new Spans() : spans;
            target.found.add(new int[] {start, end});
            return target;
        }

        int[] merged() {
            found.sort((a, b) -> Integer.compare(a[0], b[0]));
            int[] merged = new int[found.size() * 2];
            int count = 0;
            for (int[] span : found) {
                if (count > 0 && span[0] <= merged[count - 1]) {
                    merged[count - 1] = Math.max(merged[count - 1], span[1]);
                } else {
                    merged[count++] = span[0];
                    merged[count++] = span[1];
                }
            }
            return Arrays.copyOf(merged, count);
        }
    }
}

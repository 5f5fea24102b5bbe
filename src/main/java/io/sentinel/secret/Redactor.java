package io.sentinel.secret;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from any text before it leaves the process: log lines, API answers, alerts, reports and
 * exception messages. Two layers: every configured secret value is replaced wherever it appears, and
 * credential-looking URL parameters ({@code key=}, {@code api_key=}, {@code token=} …) are masked even when
 * their value was never configured (a provider echoing a key back, a user route with a literal key).
 *
 * <p>One process-wide instance, because the logging layer needs it and has no other way to be told.
 */
public final class Redactor {

    public static final String MASK = "****";
    /** Shorter values would mask innocent text ("on", "1"); real credentials are much longer. */
    static final int MIN_SECRET_LENGTH = 6;
    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile(
            "(?i)([?&;](?:key|api_key|apikey|api-key|access_token|token|secret|password|pass|sig|signature)=)([^&#\\s\"']+)");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final Redactor GLOBAL = new Redactor();

    private final Set<String> known = ConcurrentHashMap.newKeySet();
    /** Longest first, so a secret that contains another is masked whole. */
    private final List<String> ordered = new CopyOnWriteArrayList<>();

    public static Redactor global() {
        return GLOBAL;
    }

    /** Remembers a value to mask from now on. Blank and very short values are ignored. */
    public void register(String secret) {
        if (secret == null) {
            return;
        }
        String value = secret.strip();
        if (value.length() >= MIN_SECRET_LENGTH && known.add(value)) {
            synchronized (ordered) {
                ordered.add(value);
                ordered.sort(Comparator.comparingInt(String::length).reversed());
            }
        }
    }

    /** The text with every known secret and credential-looking parameter masked. Null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : ordered) {
            if (result.contains(secret)) {
                result = result.replace(secret, MASK);
            }
        }
        result = CREDENTIAL_PARAMETER.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        return BEARER.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }

    /** A throwable's message chain, redacted, for places that show errors to people. */
    public String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        Throwable current = error;
        int depth = 0;
        while (current != null && depth++ < 4) {
            if (!text.isEmpty()) {
                text.append(": ");
            }
            String message = current.getMessage();
            text.append(message == null || message.isBlank() ? current.getClass().getSimpleName() : message);
            current = current.getCause() == current ? null : current.getCause();
        }
        return redact(text.toString());
    }
}

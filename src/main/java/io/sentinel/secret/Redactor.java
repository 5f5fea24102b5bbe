package io.sentinel.secret;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from any text before it leaves the process: log lines, API answers, alerts, reports, stored
 * rows and exception messages. Two layers: every configured secret is masked wherever it appears, in any of the
 * forms a program or a server may give it (see {@link SecretForms}), in full or in part; and credential-looking
 * URL parameters ({@code key=}, {@code api_key=}, {@code token=} …) and bearer tokens are masked even when their
 * value was never configured (a provider echoing a key back, a user route with a literal key).
 *
 * <p>Everything about a secret is worked out when it is registered; {@link #redact} is one pass over the text
 * (it runs on every log line and every probe message).
 *
 * <p>One process-wide instance, because the logging layer needs it and has no other way to be told.
 */
public final class Redactor {

    public static final String MASK = "****";
    /** Shorter values would mask innocent text ("on", "1"); real credentials are much longer. */
    static final int MIN_SECRET_LENGTH = 6;
    private static final String ELLIPSIS = "…";
    private static final Pattern CREDENTIAL_PARAMETER = Pattern.compile(
            "(?i)([?&;](?:key|api_key|apikey|api-key|access_token|token|secret|password|pass|sig|signature)=)([^&#\\s\"']+)");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");
    private static final String BEARER_WORD = "bearer";
    /** Connection-string settings that hold credentials: H2's {@code ;PASSWORD=}, PostgreSQL's {@code password=}. */
    private static final Pattern CONNECTION_CREDENTIAL = Pattern.compile(
            "(?i)[?&;][A-Za-z_.-]*(?:password|passwd|pwd|secret|token|key)=([^&;#\\s]*)");
    private static final Pattern CONNECTION_USER_INFO = Pattern.compile("://([^/?#@\\s]*)@");
    private static final Redactor GLOBAL = new Redactor();

    /** Guarded by {@code this}; the matcher is rebuilt from them on every new registration. */
    private final Set<String> registered = new HashSet<>();
    private final Set<String> fragments = new LinkedHashSet<>();
    private final Set<String> wholes = new LinkedHashSet<>();
    private volatile SecretMatcher matcher = SecretMatcher.EMPTY;

    public static Redactor global() {
        return GLOBAL;
    }

    /** A redactor of its own, for tests; the process uses {@link #global()}. */
    Redactor() {
    }

    /**
     * Remembers a secret to mask from now on, in every form it may take. A URL's secret parts are its path
     * from the first token-like segment, its user info and its credential parameters (see {@link SecretForms}).
     * Blank and very short values are ignored.
     */
    public void register(String secret) {
        if (secret != null && secret.strip().length() >= MIN_SECRET_LENGTH) {
            add("value\0" + secret.strip(), SecretForms.of(secret.strip()));
        }
    }

    /**
     * Remembers a login: the password as {@link #register} does, and the encodings of user and password together
     * that an SMTP or HTTP server may echo (SASL PLAIN, HTTP Basic, AUTH LOGIN). Nothing without a password.
     */
    public void registerLogin(String user, String password) {
        if (password == null || password.isEmpty()) {
            return;
        }
        register(password);
        String name = user == null ? "" : user;
        add("login\0" + name + "\0" + password, SecretForms.ofLogin(name, password));
    }

    /**
     * Remembers the credentials written into a connection string (a JDBC URL's {@code password=} or
     * {@code ;PASSWORD=}, {@code user:password@}), not the rest of it: hosts and database names are not secret.
     */
    public void registerCredentialsIn(String connectionString) {
        if (connectionString == null) {
            return;
        }
        Matcher userInfo = CONNECTION_USER_INFO.matcher(connectionString);
        if (userInfo.find()) {
            String info = userInfo.group(1);
            register(info.substring(info.indexOf(':') + 1));
        }
        Matcher parameter = CONNECTION_CREDENTIAL.matcher(connectionString);
        while (parameter.find()) {
            register(parameter.group(1));
        }
    }

    private synchronized void add(String identity, SecretForms forms) {
        if (registered.add(identity)) {
            fragments.addAll(forms.fragments());
            wholes.addAll(forms.wholes());
            matcher = new SecretMatcher(fragments, wholes);
        }
    }

    /** The text with every known secret and credential-looking parameter masked. Null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = mask(text);
        if (result.indexOf('=') >= 0) {
            result = CREDENTIAL_PARAMETER.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        }
        if (mentionsBearer(result)) {
            result = BEARER.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
        }
        return result;
    }

    /**
     * The text redacted, then cut to at most {@code maxLength} characters ending in "…". Redacting first means a
     * cut can never leave the start of a secret behind; a mask is never cut in two, and very long texts are
     * bounded before redaction (a fragment left at that bound is masked as a cut secret).
     */
    public String shorten(String text, int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must be at least 2, was " + maxLength);
        }
        if (text == null) {
            return null;
        }
        int bound = maxLength * 4 + 256;
        String redacted = redact(text.length() > bound ? text.substring(0, bound) : text);
        if (redacted.length() <= maxLength) {
            return redacted;
        }
        int end = maxLength - ELLIPSIS.length();
        int mask = redacted.lastIndexOf(MASK, end - 1);
        if (mask >= 0 && mask + MASK.length() > end) {
            end = mask;
        }
        if (end > 0 && Character.isHighSurrogate(redacted.charAt(end - 1))) {
            end--;
        }
        return redacted.substring(0, end) + ELLIPSIS;
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

    private String mask(String text) {
        SecretMatcher current = matcher;
        if (current.isEmpty()) {
            return text;
        }
        int[] spans = current.find(text);
        if (spans.length == 0) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int copied = 0;
        for (int i = 0; i < spans.length; i += 2) {
            masked.append(text, copied, spans[i]).append(MASK);
            copied = spans[i + 1];
        }
        return masked.append(text, copied, text.length()).toString();
    }

    /** A cheap test before the bearer pattern runs: most texts never say "bearer". */
    private static boolean mentionsBearer(String text) {
        int last = text.length() - BEARER_WORD.length();
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if ((c == 'b' || c == 'B') && text.regionMatches(true, i, BEARER_WORD, 0, BEARER_WORD.length())) {
                return true;
            }
        }
        return false;
    }
}

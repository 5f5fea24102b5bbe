package io.sentinel.secret;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What one registered secret looks like wherever it may turn up, worked out once at registration.
 *
 * <p>{@code fragments} are secret through and through: any long enough piece of one is masked, so a secret cut
 * short (by a server quoting it, or by a message limit) is still caught. {@code wholes} are masked only when
 * they appear complete: a secret URL, whose scheme and host are not secret, is masked whole when it appears
 * whole, and otherwise only its secret parts are.
 *
 * @param fragments texts none of whose pieces may be shown
 * @param wholes    texts masked only when complete
 */
record SecretForms(Set<String> fragments, Set<String> wholes) {

    /** Query and fragment parameters whose values are credentials whatever they look like. */
    private static final Pattern CREDENTIAL_NAME = Pattern.compile(
            "(?i).*(key|token|secret|password|passwd|pass|pwd|sig|signature|auth|credential|session|code).*");

    /** Long enough that a dated version ({@code 2024-01-01}) is not taken for a token. */
    private static final int LONG_TOKEN = 16;

    SecretForms {
        fragments = Set.copyOf(fragments);
        wholes = Set.copyOf(wholes);
    }

    /**
     * A credential value. When it is a URL (a Slack webhook, a URL with a key in its query), its secret parts are
     * the user info's password, the path from its first token-like segment on (Slack: {@code T…/B…/token}), and
     * the values of credential-named parameters and of long token-like ones. The scheme, host and plain words
     * such as {@code services} are left alone, or every mention of them would be masked; a URL with nothing
     * token-like in it is masked only where it appears whole.
     */
    static SecretForms of(String secret) {
        return UrlParts.parse(secret).map(url -> ofUrl(secret.strip(), url)).orElseGet(() -> ofValue(secret));
    }

    /**
     * An SMTP or HTTP login: the password, and the encodings a server may echo of both together: SASL PLAIN
     * ({@code base64("\0user\0password")}, also with the user as authorization id), HTTP Basic
     * ({@code base64("user:password")}), and AUTH LOGIN's {@code base64(user)} (masked when complete; the user
     * name itself is not secret).
     */
    static SecretForms ofLogin(String user, String password) {
        Set<String> fragments = new LinkedHashSet<>(ofValue(password).fragments());
        Set<String> wholes = new LinkedHashSet<>();
        for (String login : List.of("\0" + user + "\0" + password, user + "\0" + user + "\0" + password,
                user + ":" + password)) {
            fragments.addAll(SecretEncodings.base64(login.getBytes(StandardCharsets.UTF_8)));
        }
        if (!user.isEmpty()) {
            for (String encoded : SecretEncodings.base64(user.getBytes(StandardCharsets.UTF_8))) {
                wholes.add(encoded);
                wholes.add(encoded.replace("=", ""));
            }
        }
        return new SecretForms(fragments, wholes);
    }

    private static SecretForms ofValue(String secret) {
        return new SecretForms(SecretEncodings.of(secret), Set.of());
    }

    private static SecretForms ofUrl(String whole, UrlParts url) {
        Set<String> fragments = new LinkedHashSet<>();
        if (!url.userInfo().isEmpty()) {
            fragments.addAll(SecretEncodings.of(url.userInfoSecret()));
        }
        String credentialPath = credentialPath(url.segments());
        if (!credentialPath.isEmpty()) {
            fragments.addAll(SecretEncodings.of(credentialPath));
        }
        for (UrlParts.Parameter parameter : url.parameters()) {
            boolean longToken = parameter.value().length() >= LONG_TOKEN && looksLikeToken(parameter.value());
            if (CREDENTIAL_NAME.matcher(parameter.name()).matches() || longToken) {
                fragments.addAll(SecretEncodings.of(parameter.value()));
            }
        }
        Set<String> wholes = new LinkedHashSet<>();
        for (String text : List.of(whole, url.path())) {
            wholes.add(text);
            wholes.add(SecretEncodings.json(text, true));
            wholes.add(SecretEncodings.percent(text, false));
        }
        return new SecretForms(fragments, wholes);
    }

    /** The segments from the first token-like one to the end, joined by {@code /}; empty when none is. */
    private static String credentialPath(List<String> segments) {
        for (int i = 0; i < segments.size(); i++) {
            if (looksLikeToken(segments.get(i))) {
                return String.join("/", segments.subList(i, segments.size()));
            }
        }
        return "";
    }

    /**
     * Generated identifiers and tokens have digits or mixed case (Slack's {@code T0123ABCD}, keys, UUIDs), or
     * are long; words written by people (services, hooks, api) are short, single-case letters.
     */
    static boolean looksLikeToken(String text) {
        if (text.length() < 4) {
            return false;
        }
        if (text.length() >= LONG_TOKEN) {
            return true;
        }
        boolean digit = false;
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            digit |= Character.isDigit(c);
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
        }
        return digit || (upper && lower);
    }

    /** For messages about a form: never the form. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SecretForms[%d fragments, %d wholes]", fragments.size(), wholes.size());
    }
}

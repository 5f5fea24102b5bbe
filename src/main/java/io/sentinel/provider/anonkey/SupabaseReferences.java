package io.sentinel.provider.anonkey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sentinel.secret.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Supabase project URLs and client keys in a page or a script: {@code https://<ref>.supabase.co},
 * legacy anon JWTs ({@code eyJ….eyJ….…} whose payload says {@code "role":"anon"}) and
 * {@code sb_publishable_…} keys. Every key found is registered with the redactor before anything else
 * happens, so no later message or log line can show it.
 */
final class SupabaseReferences {

    private static final Pattern PROJECT_URL = Pattern.compile("https://([a-z0-9]{8,40})\\.supabase\\.co\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PROJECT_HOST = Pattern.compile("([a-z0-9]{8,40})\\.supabase\\.co", Pattern.CASE_INSENSITIVE);
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");
    private static final Pattern PUBLISHABLE_KEY = Pattern.compile("sb_publishable_[A-Za-z0-9_-]{8,}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String configuredOrigin;
    private final String configuredKey;

    /**
     * @param configuredOrigin the configured project URL's {@code scheme://host[:port]}, lower-case
     * @param configuredKey    the configured anon key
     */
    SupabaseReferences(String configuredOrigin, String configuredKey) {
        this.configuredOrigin = configuredOrigin;
        this.configuredKey = configuredKey.strip();
    }

    /** Adds what {@code text} holds to {@code findings}. */
    void scan(String text, Findings findings) {
        // bundlers write URLs inside JSON strings as https:\/\/…
        String code = text.replace("\\/", "/");
        registerKeys(code);
        if (code.toLowerCase(Locale.ROOT).contains(configuredOrigin)) {
            findings.configuredUrlSeen();
        }
        if (code.contains(configuredKey)) {
            findings.configuredKeySeen();
        }
        Matcher url = PROJECT_URL.matcher(code);
        while (url.find()) {
            findings.projectHost(url.group(1).toLowerCase(Locale.ROOT) + ".supabase.co");
        }
        Matcher jwt = JWT.matcher(code);
        while (jwt.find()) {
            payload(jwt.group()).filter(claims -> "anon".equals(claims.path("role").asText()))
                    .ifPresent(claims -> findings.key(new FoundKey(jwt.group(), true,
                            Optional.of(claims.path("ref").asText()).filter(ref -> !ref.isBlank()))));
        }
        Matcher publishable = PUBLISHABLE_KEY.matcher(code);
        while (publishable.find()) {
            findings.key(new FoundKey(publishable.group(), false, Optional.empty()));
        }
    }

    /** The ref of a {@code <ref>.supabase.co} host; empty for a custom domain. */
    static Optional<String> projectRefOf(String host) {
        Matcher matcher = PROJECT_HOST.matcher(host == null ? "" : host);
        return matcher.matches() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /** Any JWT at all (a service_role key shipped by mistake included) is masked, not only anon ones. */
    private static void registerKeys(String code) {
        Matcher jwt = JWT.matcher(code);
        while (jwt.find()) {
            Redactor.global().register(jwt.group());
        }
        Matcher publishable = PUBLISHABLE_KEY.matcher(code);
        while (publishable.find()) {
            Redactor.global().register(publishable.group());
        }
    }

    private static Optional<JsonNode> payload(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            byte[] json = Base64.getUrlDecoder().decode(parts[1]);
            JsonNode claims = JSON.readTree(new String(json, StandardCharsets.UTF_8));
            return claims != null && claims.isObject() ? Optional.of(claims) : Optional.empty();
        } catch (IllegalArgumentException | IOException notAJwt) {
            return Optional.empty();
        }
    }
}

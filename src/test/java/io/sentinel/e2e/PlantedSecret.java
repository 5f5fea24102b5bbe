package io.sentinel.e2e;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A secret planted in the daemon's environment, and every way it could be recognised in an output: the secret
 * material whole and any eight characters of it, its base64 (standard and URL-safe, and any twelve characters of
 * those), its URL-encodings, and extra wholes (a webhook URL with its host, SMTP AUTH data).
 *
 * @param name     the environment variable
 * @param value    what the variable holds
 * @param material the part that is secret: the value itself, or a webhook URL's path after {@code /services/}
 * @param wholes   further texts that must not appear whole
 */
record PlantedSecret(String name, String value, String material, List<String> wholes) {

    static final int PIECE = 8;
    static final int BASE64_PIECE = 12;

    PlantedSecret {
        wholes = List.copyOf(wholes);
        // the daemon leaves pieces that read as a word (no digit, one letter case) readable; planted secrets are
        // random, so none of their pieces does
        for (int start = 0; start + PIECE <= material.length(); start++) {
            String piece = material.substring(start, start + PIECE);
            boolean digit = piece.chars().anyMatch(Character::isDigit);
            boolean mixedCase = piece.chars().anyMatch(Character::isUpperCase) && piece.chars().anyMatch(Character::isLowerCase);
            if (!digit && !mixedCase) {
                throw new IllegalArgumentException(name + " has a piece that reads as a word, " + piece + ": plant a random one");
            }
        }
    }

    static PlantedSecret of(String name, String value) {
        return new PlantedSecret(name, value, value, List.of());
    }

    /** A Slack webhook: the path after {@code /services/} is the secret; the whole URL must not appear either. */
    static PlantedSecret webhook(String name, String url) {
        String material = url.substring(url.indexOf("/services/") + "/services/".length());
        return new PlantedSecret(name, url, material, List.of(url, encodeBase64(url), URLEncoder.encode(url, StandardCharsets.UTF_8),
                url.replace("/", "\\/")));
    }

    /** An SMTP password, also looked for inside the AUTH PLAIN and Basic encodings of {@code user} and it. */
    static PlantedSecret smtpPassword(String name, String user, String password) {
        return new PlantedSecret(name, password, password, List.of(
                encodeBase64("\0" + user + "\0" + password), encodeBase64(user + "\0" + user + "\0" + password),
                encodeBase64(user + ":" + password)));
    }

    /** What a server echoing this secret back would say: whole, in part, cut, upper-cased, base64, URL-encoded. */
    String echoed() {
        String half = material.substring(0, material.length() / 2);
        return String.join(" | ", List.of(value, material, half, material.substring(3, 3 + PIECE + 4),
                material.substring(0, material.length() - 3) + "…", material.toUpperCase(Locale.ROOT),
                encodeBase64(value), Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(value)),
                encodeBase64(material), URLEncoder.encode(value, StandardCharsets.UTF_8),
                encodeBase64("{\"key\":\"" + material + "\"}"), value.replace("/", "\\/")));
    }

    /** The first way this secret shows in {@code text}, if it does. */
    Optional<String> foundIn(String text) {
        String folded = text.toLowerCase(Locale.ROOT);
        for (String needle : needles()) {
            if (folded.contains(needle.toLowerCase(Locale.ROOT))) {
                return Optional.of(needle);
            }
        }
        return Optional.empty();
    }

    /**
     * Pieces are looked for only in the material's own encodings: base64 of a whole webhook URL also encodes its
     * host, which is not secret and stays readable.
     */
    private Set<String> needles() {
        Set<String> needles = new LinkedHashSet<>();
        for (int start = 0; start + PIECE <= material.length(); start++) {
            needles.add(material.substring(start, start + PIECE));
        }
        for (String encoded : List.of(encodeBase64(material), Base64.getUrlEncoder().encodeToString(bytes(material)))) {
            needles.add(encoded);
            for (int start = 0; start + BASE64_PIECE <= encoded.length(); start++) {
                needles.add(encoded.substring(start, start + BASE64_PIECE));
            }
        }
        needles.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        needles.add(URLEncoder.encode(material, StandardCharsets.UTF_8));
        needles.add(encodeBase64(value));
        needles.addAll(wholes);
        return needles;
    }

    private static String encodeBase64(String text) {
        return Base64.getEncoder().encodeToString(bytes(text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

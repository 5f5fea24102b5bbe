package io.sentinel.config;

import io.sentinel.secret.Redactor;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the text of one configuration value into a typed value, or into a rejection that says what is wrong
 * and what would be accepted. Pure functions: {@link ConfigSection} reports the rejection at the value's line.
 */
final class ValueParsers {

    /** What is wrong with a value, and what would be accepted instead. */
    record Rejection(String message, String hint) {
    }

    /** Either a value or a rejection. */
    record Parsed<T>(Optional<T> value, Optional<Rejection> rejection) {
        static <T> Parsed<T> of(T value) {
            return new Parsed<>(Optional.of(value), Optional.empty());
        }

        static <T> Parsed<T> rejected(String message, String hint) {
            return new Parsed<>(Optional.empty(), Optional.of(new Rejection(message, hint)));
        }
    }

    /** Parses the text of the value at a key. */
    @FunctionalInterface
    interface ValueParser<T> {
        Parsed<T> parse(String key, String text);
    }

    private ValueParsers() {
    }

    static final ValueParser<Duration> DURATION = (key, text) -> Durations.parse(text).map(Parsed::of)
            .orElseGet(() -> Parsed.rejected("'" + key + "' is not a duration: '" + text + "'", "write " + Durations.ACCEPTED));

    static final ValueParser<Integer> INTEGER = (key, text) -> {
        try {
            return Parsed.of(Integer.parseInt(text));
        } catch (NumberFormatException notANumber) {
            return Parsed.rejected("'" + key + "' must be a whole number, got '" + text + "'", "for example " + key + ": 3");
        }
    };

    static final ValueParser<Double> NUMBER = (key, text) -> {
        try {
            double parsed = Double.parseDouble(text);
            if (Double.isFinite(parsed)) {
                return Parsed.of(parsed);
            }
        } catch (NumberFormatException notANumber) {
            // rejected below
        }
        return Parsed.rejected("'" + key + "' must be a number, got '" + text + "'", "for example " + key + ": 0.5");
    };

    static final ValueParser<Boolean> BOOLEAN = (key, text) -> {
        String word = text.toLowerCase(Locale.ROOT);
        return word.equals("true") || word.equals("false") ? Parsed.of(Boolean.parseBoolean(word))
                : Parsed.rejected("'" + key + "' must be true or false, got '" + text + "'", "write true or false");
    };

    /** One of an enum's constants, without regard to case, with {@code -} for {@code _}. */
    static <E extends Enum<E>> ValueParser<E> choice(Class<E> type) {
        return (key, text) -> {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text.replace('-', '_'))) {
                    return Parsed.of(constant);
                }
                allowed.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
            return Parsed.rejected("'" + key + "' cannot be '" + text + "'", "use one of " + String.join(", ", allowed));
        };
    }

    /** A word from a set the caller knows, suggesting the nearest one. */
    static ValueParser<String> oneOf(Set<String> allowed) {
        return (key, text) -> {
            if (allowed.contains(text)) {
                return Parsed.of(text);
            }
            String suggestion = Suggestions.nearest(text, allowed).map(s -> "did you mean '" + s + "'? ").orElse("");
            return Parsed.rejected("'" + key + "' cannot be '" + text + "'",
                    suggestion + "use one of " + String.join(", ", allowed));
        };
    }

    /** An absolute URL with one of {@code schemes}; http(s) URLs need a host. Quoted texts are redacted. */
    static ValueParser<URI> url(Set<String> schemes) {
        return (key, text) -> {
            if (text.isBlank()) {
                // an unset ${VAR:} reads as "not configured", which the caller decides about
                return new Parsed<>(Optional.empty(), Optional.empty());
            }
            String shown = Redactor.global().redact(text);
            try {
                URI uri = new URI(text);
                if (uri.getScheme() == null) {
                    String example = schemes.contains("https") ? "https://" + text.replaceFirst("^([a-z]*:)?/*", "")
                            : schemes.iterator().next() + ":…";
                    return Parsed.rejected("'" + key + "' has no scheme: '" + shown + "'",
                            "write the full URL, e.g. " + Redactor.global().redact(example));
                }
                if (!schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                    return Parsed.rejected("'" + key + "' has scheme '" + uri.getScheme() + "'", "use " + String.join(" or ", schemes));
                }
                if (schemes.contains("http") && (uri.getHost() == null || uri.getHost().isBlank())) {
                    return Parsed.rejected("'" + key + "' has no host: '" + shown + "'",
                            "write the full URL, e.g. https://api.example.com/health");
                }
                return Parsed.of(uri);
            } catch (URISyntaxException malformed) {
                return Parsed.rejected("'" + key + "' is not a valid URL: " + Redactor.global().redact(malformed.getReason()),
                        "percent-encode spaces and special characters");
            }
        };
    }
}

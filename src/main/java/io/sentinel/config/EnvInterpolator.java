package io.sentinel.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:default}} in configuration values with environment variables.
 * {@code $${} stands for a literal {@code ${}.
 */
final class EnvInterpolator {

    /**
     * Names and defaults are bounded: with {@code [^}]*} a long value full of unclosed {@code ${A:} would be
     * scanned to its end once per reference, quadratic in its length.
     */
    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]{0,127})(?::([^}]{0,1024}))?}");

    private final Function<String, String> environment;

    EnvInterpolator(Function<String, String> environment) {
        this.environment = environment;
    }

    /**
     * @param value             the text with every reference replaced (unset variables become empty)
     * @param variables         the variables referenced, in order
     * @param missing           referenced variables that are unset and have no default
     * @param soleVariable      the variable when the whole text is exactly one reference
     * @param fromEnvironment   each value that came from the environment (not from a default), with its variable
     */
    record Interpolated(String value, List<String> variables, List<String> missing, Optional<String> soleVariable,
                        Map<String, String> fromEnvironment) {
        boolean usesEnvironment() {
            return !variables.isEmpty();
        }
    }

    Interpolated interpolate(String text) {
        Matcher matcher = REFERENCE.matcher(text);
        StringBuilder value = new StringBuilder();
        List<String> variables = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Map<String, String> fromEnvironment = new LinkedHashMap<>();
        int references = 0;
        while (matcher.find()) {
            if (matcher.group(1) == null) {
                matcher.appendReplacement(value, Matcher.quoteReplacement("${"));
                continue;
            }
            references++;
            String name = matcher.group(1);
            String fallback = matcher.group(2);
            String found = environment.apply(name);
            variables.add(name);
            if (found != null) {
                fromEnvironment.put(found, name);
            } else {
                if (fallback == null) {
                    missing.add(name);
                }
                found = fallback == null ? "" : fallback;
            }
            matcher.appendReplacement(value, Matcher.quoteReplacement(found));
        }
        matcher.appendTail(value);
        boolean whole = references == 1 && REFERENCE.matcher(text.strip()).matches();
        Optional<String> sole = whole ? Optional.of(variables.get(0)) : Optional.empty();
        return new Interpolated(value.toString(), List.copyOf(variables), List.copyOf(missing), sole,
                Map.copyOf(fromEnvironment));
    }
}

package io.sentinel.probe.schedule;

import io.sentinel.config.CheckConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * Which checks a probe route runs: every check of a kind, of a kind and dependency, or one check by id. The
 * most specific route wins, so an operator's route for one check takes it over from its kind's route.
 *
 * @param kind       a check kind, or {@link #ANY_KIND}
 * @param dependency only checks of this dependency, if given
 * @param check      only this check, if given
 */
public record ProbeSelector(String kind, Optional<String> dependency, Optional<String> check) {

    public static final String ANY_KIND = "any";

    public ProbeSelector {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(dependency, "dependency");
        Objects.requireNonNull(check, "check");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("a probe route names the kind of check it runs, or 'any'");
        }
    }

    /** How closely this selector names the check: higher is closer, negative is not at all. */
    int specificity(CheckConfig config) {
        if (check.isPresent()) {
            return check.get().equals(config.id()) ? 3 : -1;
        }
        if (!kind.equals(ANY_KIND) && !kind.equals(config.kind())) {
            return -1;
        }
        if (dependency.isPresent()) {
            return dependency.get().equals(config.dependency()) ? 2 : -1;
        }
        return kind.equals(ANY_KIND) ? 0 : 1;
    }

    @Override
    public String toString() {
        return kind + dependency.map(id -> "?dependency=" + id).orElse("") + check.map(id -> "?check=" + id).orElse("");
    }
}

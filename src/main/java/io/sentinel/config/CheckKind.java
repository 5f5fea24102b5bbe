package io.sentinel.config;

/**
 * A kind of check: what its options are and which route template runs it. Each kind lives in its own
 * package with its probe; the configuration only knows this interface.
 */
public interface CheckKind {

    /** The word used in {@code kind:}. */
    String name();

    /** The id of the route template in {@code routes/} that runs checks of this kind. */
    default String routeTemplate() {
        return name() + "-probe";
    }

    /**
     * Reads this kind's options from the check's section. Report problems through the section; return
     * null when the options are unusable (the problems say why).
     */
    CheckOptions readOptions(ConfigSection check);

    /**
     * The shortest interval this kind allows, when the API it calls is rate-limited; checked against the
     * check's interval, whether written or inherited from {@code defaults}.
     */
    default java.util.Optional<IntervalFloor> intervalFloor() {
        return java.util.Optional.empty();
    }
}

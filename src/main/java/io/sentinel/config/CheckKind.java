package io.sentinel.config;

/**
 * A kind of check: what its options are. Built-in kinds also have a probe ({@code ProbeKind}); the {@code route} kind
 * is probed by an operator's route. Each kind lives in its own
 * package with its probe; the configuration only knows this interface.
 */
public interface CheckKind {

    /** The word used in {@code kind:}. */
    String name();

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

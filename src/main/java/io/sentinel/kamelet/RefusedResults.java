package io.sentinel.kamelet;

/** Told of every result an operator's route sent that cannot belong to any check, so it is counted. */
@FunctionalInterface
public interface RefusedResults {

    RefusedResults NONE = reason -> { };

    /** @param reason {@code unknown_check} or {@code no_check} */
    void refused(String reason);
}

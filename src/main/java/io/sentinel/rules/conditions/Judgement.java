package io.sentinel.rules.conditions;

import java.util.Objects;

/**
 * What a rule's condition says about one series now.
 *
 * @param holds  whether the condition holds
 * @param reason what was seen, for people: "3 of 40 probes failed over 30m (7.5%), above 5%"
 */
public record Judgement(boolean holds, String reason) {

    public Judgement {
        Objects.requireNonNull(reason, "reason");
    }

    static Judgement holds(String reason) {
        return new Judgement(true, reason);
    }

    static Judgement clear(String reason) {
        return new Judgement(false, reason);
    }
}

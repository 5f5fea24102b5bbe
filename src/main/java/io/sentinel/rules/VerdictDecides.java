package io.sentinel.rules;

import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/**
 * The filter between the rules and the alert path: passes a {@link Verdict} that decides something (a change of
 * state, an alert event) and stops an empty one, which is what almost every probe's result gives.
 *
 * <p>A predicate bean rather than the Simple expression {@code ${body.isEmpty()} == false}: Simple calls the
 * method by reflection on every exchange, a measurable part of each probe's cost at a thousand checks.
 */
public final class VerdictDecides implements Predicate {

    @Override
    public boolean matches(Exchange exchange) {
        return exchange.getMessage().getBody() instanceof Verdict verdict && !verdict.isEmpty();
    }

    @Override
    public String toString() {
        return "a verdict that decides something";
    }
}

package io.sentinel.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.model.HealthState;
import java.time.Instant;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class VerdictDecidesTest {

    private final VerdictDecides decides = new VerdictDecides();

    @Test
    void aVerdictWithAChangedStateGoesOnToTheAlertPath() {
        CheckState down = new CheckState("api", HealthState.DOWN, Instant.EPOCH, 3, 0, 0, 3, Instant.EPOCH, "api-1");

        assertThat(decides.matches(exchangeWith(new Verdict(down, List.of())))).isTrue();
    }

    @Test
    void anEmptyVerdictAndAnythingElseStop() {
        assertThat(decides.matches(exchangeWith(Verdict.NONE))).isFalse();
        assertThat(decides.matches(exchangeWith(null))).isFalse();
        assertThat(decides.matches(exchangeWith("not a verdict"))).isFalse();
    }

    private static Exchange exchangeWith(Object body) {
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.getMessage().setBody(body);
        return exchange;
    }
}

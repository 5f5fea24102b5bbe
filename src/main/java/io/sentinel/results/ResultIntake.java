package io.sentinel.results;

import io.sentinel.config.CheckConfig;
import io.sentinel.config.CheckIndex;
import io.sentinel.probe.ProbeExchange;
import io.sentinel.probe.ProbeResult;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The door of {@code direct:results}. Anything may be sent there, including by operators' own routes, so
 * it is checked here: it must be a ProbeResult for a configured check of that dependency. (Its message was
 * redacted when the result was built.) The check rides on the exchange from here on (a probe route has put it
 * there already; an operator's route need not).
 */
public final class ResultIntake implements Processor {

    private final CheckIndex checks;

    public ResultIntake(CheckIndex checks) {
        this.checks = checks;
    }

    /** The results route's first step: the body checked, and the check put on the exchange. */
    @Override
    public void process(Exchange exchange) {
        exchange.getMessage().setBody(accept(exchange.getMessage().getBody(), exchange));
    }

    public ProbeResult accept(Object body, Exchange exchange) {
        if (!(body instanceof ProbeResult result)) {
            throw new IllegalArgumentException("direct:results takes a io.sentinel.probe.ProbeResult, got "
                    + (body == null ? "nothing" : body.getClass().getName()));
        }
        CheckConfig check = exchange.getProperty(ProbeExchange.CHECK, CheckConfig.class);
        if (check == null || !check.id().equals(result.checkId())) {
            check = checks.check(result.checkId()).orElseThrow(() -> new IllegalArgumentException(
                    "result for unknown check '" + result.checkId() + "': add it to checks: in the configuration"));
            exchange.setProperty(ProbeExchange.CHECK, check);
        }
        if (!check.dependency().equals(result.dependency())) {
            throw new IllegalArgumentException("result for check '" + check.id() + "' names dependency '"
                    + result.dependency() + "', but the check belongs to '" + check.dependency() + "'");
        }
        return result;
    }
}

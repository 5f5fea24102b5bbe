package io.sentinel.probe.schedule;

import io.sentinel.config.CheckConfig;
import io.sentinel.probe.ProbeExchange;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/** Runs the route for each probe the scheduler hands it, on the scheduler's probe thread. */
final class CheckScheduleConsumer extends DefaultConsumer implements ProbeConsumer {

    private final ProbeSelector selector;
    private final ProbeScheduler scheduler;

    CheckScheduleConsumer(CheckScheduleEndpoint endpoint, Processor processor, ProbeSelector selector,
                          ProbeScheduler scheduler) {
        super(endpoint, processor);
        this.selector = selector;
        this.scheduler = scheduler;
    }

    @Override
    public ProbeSelector selector() {
        return selector;
    }

    @Override
    public String routeId() {
        return getRouteId();
    }

    @Override
    public void probe(CheckConfig check) {
        Exchange exchange = createExchange(false);
        try {
            exchange.setProperty(ProbeExchange.CHECK, check);
            exchange.getIn().setBody(check.id());
            getProcessor().process(exchange);
        } catch (Exception failure) {
            exchange.setException(failure);
        } finally {
            // a probe that was running when its route was told to stop is not a failure of the route
            if (exchange.getException() != null && isRunAllowed()) {
                getExceptionHandler().handleException("Probe of " + check.id() + " failed in its route", exchange,
                        exchange.getException());
            }
            releaseExchange(exchange, false);
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        scheduler.attach(this);
    }

    @Override
    protected void doStop() throws Exception {
        scheduler.detach(this);
        super.doStop();
    }
}

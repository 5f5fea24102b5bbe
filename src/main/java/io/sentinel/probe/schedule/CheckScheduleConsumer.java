package io.sentinel.probe.schedule;

import io.sentinel.config.CheckConfig;
import io.sentinel.probe.ProbeExchange;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/** Runs the route for each probe the scheduler hands it, on the scheduler's probe thread. */
final class CheckScheduleConsumer extends DefaultConsumer implements ProbeConsumer {

    /** How long a stop waits for probes already running, as Camel's own shutdown timeout does. */
    private static final long FINISH_RUNNING_MILLIS = 10_000;

    private final ProbeSelector selector;
    private final ProbeScheduler scheduler;
    private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();

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
        running.incrementAndGet();
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
            running.decrementAndGet();
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        scheduler.attach(this);
    }

    /**
     * No new probes, then the running ones finish while the route's steps still run, so a probe in flight at a stop
     * reaches the results (and the database) instead of being cut off halfway.
     */
    @Override
    protected void doStop() throws Exception {
        scheduler.detach(this);
        long deadline = System.nanoTime() + FINISH_RUNNING_MILLIS * 1_000_000;
        while (running.get() > 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
        }
        super.doStop();
    }
}

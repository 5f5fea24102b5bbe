package io.sentinel.probe.schedule;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** The probes of the checks one {@link ProbeSelector} names; a source only. */
final class CheckScheduleEndpoint extends DefaultEndpoint {

    private final ProbeSelector selector;
    private final ProbeScheduler scheduler;

    CheckScheduleEndpoint(String uri, CheckScheduleComponent component, ProbeSelector selector, ProbeScheduler scheduler) {
        super(uri, component);
        this.selector = selector;
        this.scheduler = scheduler;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(CheckScheduleComponent.SCHEME
                + " only starts routes (from:); to run a probe, send to direct:results a result instead");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = new CheckScheduleConsumer(this, processor, selector, scheduler);
        configureConsumer(consumer);
        return consumer;
    }
}

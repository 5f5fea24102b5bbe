package io.sentinel.probe.schedule;

import java.util.Map;
import java.util.Optional;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * {@code sentinel-checks:<kind>[?dependency=<id>][?check=<id>]}: a route that starts here is handed each due
 * check its selector names, with the check's configuration in the exchange property
 * {@code sentinel.check} and its id as the body. One route serves many checks; when each runs is Sentinel's
 * {@link ProbeScheduler}'s business, not one timer per check.
 */
public final class CheckScheduleComponent extends DefaultComponent {

    public static final String SCHEME = "sentinel-checks";

    private final ProbeScheduler scheduler;

    public CheckScheduleComponent(ProbeScheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        Optional<String> dependency = Optional.ofNullable(getAndRemoveParameter(parameters, "dependency", String.class));
        Optional<String> check = Optional.ofNullable(getAndRemoveParameter(parameters, "check", String.class));
        ProbeSelector selector = new ProbeSelector(remaining, dependency, check);
        return new CheckScheduleEndpoint(uri, this, selector, scheduler);
    }
}

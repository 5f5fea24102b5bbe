package io.sentinel.alert.route;

import java.util.Map;
import org.apache.camel.Exchange;

/** Sends to a Camel endpoint and waits for its route to finish. */
@FunctionalInterface
public interface RouteCaller {

    /** @return the exchange as the route left it: its exception, headers and body are the route's answer */
    Exchange call(String endpoint, Object body, Map<String, Object> headers);
}

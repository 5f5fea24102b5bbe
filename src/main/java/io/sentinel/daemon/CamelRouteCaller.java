package io.sentinel.daemon;

import io.sentinel.alert.route.RouteCaller;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * How the dispatchers of {@code type: route} channels reach their routes. The channels are built before Camel is,
 * so the template is connected once the context exists; the dispatchers start only after Camel has.
 */
final class CamelRouteCaller implements RouteCaller {

    private volatile ProducerTemplate template;

    void connect(CamelContext camel) {
        template = camel.createProducerTemplate();
    }

    @Override
    public Exchange call(String endpoint, Object body, Map<String, Object> headers) {
        ProducerTemplate producer = template;
        if (producer == null) {
            throw new IllegalStateException("Camel is not running yet");
        }
        return producer.send(endpoint, exchange -> {
            exchange.getMessage().setHeaders(new java.util.LinkedHashMap<>(headers));
            exchange.getMessage().setBody(body);
        });
    }
}

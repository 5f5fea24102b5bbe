package io.sentinel.daemon;

import io.sentinel.api.http.ApiHttpServer;
import io.sentinel.config.SentinelConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The camel-main properties Sentinel runs with. Kept in one place because several are there for scale:
 * per-route JMX beans and per-route metrics would cost more than the probes of a small configuration.
 */
final class CamelSettings {

    private CamelSettings() {
    }

    static Map<String, Object> of(SentinelConfig config, DaemonOptions options) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("camel.main.name", "sentinel");
        // routes are loaded by RouteLoader (built-ins, then the operator's), not found by camel-main
        settings.put("camel.main.routes-collector-enabled", "false");
        // every route step knows its file and line, for problems and for the operator's own debugging
        settings.put("camel.main.source-location-enabled", "true");
        java.nio.file.Path routes = options.routesDirectory().toAbsolutePath().normalize();
        settings.put("camel.component.kamelet.location", "classpath:kamelets"
                + (java.nio.file.Files.isDirectory(routes) ? ",file:" + routes : ""));
        settings.put("camel.main.jmx-enabled", "false");
        settings.put("camel.main.shutdown-timeout", "10");
        settings.put("camel.main.use-breadcrumb", "false");
        // no route reads a stream twice: caching them is work for nothing on every probe
        settings.put("camel.main.stream-caching-enabled", "false");
        // operators' routes with camel-http probe like the built-in kinds: no silent retry of a 503 or a reset
        // connection (it would hide the failure and stretch the latency), and no call that waits for ever
        settings.put("camel.component.http.automatic-retries-disabled", "true");
        settings.put("camel.component.http.connect-timeout", "5000");
        settings.put("camel.component.http.connection-request-timeout", "5000");
        settings.put("camel.component.http.response-timeout", "10000");
        settings.put("sentinel.heartbeat.interval-ms", String.valueOf(config.heartbeat().interval().toMillis()));

        settings.put("camel.server.enabled", "true");
        settings.put("camel.server.host", config.server().host());
        settings.put("camel.server.port", String.valueOf(config.server().port()));
        settings.put("camel.server.max-body-size", String.valueOf(ApiHttpServer.MAX_BODY_BYTES));
        // the API takes JSON only; the request gate refuses multipart bodies before they are read
        settings.put("camel.server.file-upload-enabled", "false");
        settings.put("camel.management.enabled", "true");
        settings.put("camel.management.host", config.server().host());
        settings.put("camel.management.port", String.valueOf(config.server().port()));
        settings.put("camel.management.health-check-enabled", "true");
        settings.put("camel.management.metrics-enabled", "true");

        settings.put("camel.metrics.enabled", "true");
        settings.put("camel.metrics.binders", "jvm-memory,jvm-gc,jvm-thread,processor,uptime,file-descriptor");
        settings.put("camel.metrics.enable-route-policy", "false");
        settings.put("camel.metrics.enable-exchange-event-notifier", "false");
        settings.put("camel.metrics.enable-route-event-notifier", "false");

        // probe routes are not the daemon's health: a dependency being down is data, not a fault
        settings.put("camel.health.routes-enabled", "false");
        settings.put("camel.health.consumers-enabled", "false");
        settings.put("camel.health.exposure-level", "oneline");
        settings.put("camel.rest.binding-mode", "off");
        settings.put("camel.component.platform-http.header-filter-strategy", "#" + BeanNames.API_HEADER_FILTER);
        return settings;
    }
}

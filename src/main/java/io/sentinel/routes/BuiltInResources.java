package io.sentinel.routes;

import java.util.List;

/**
 * The route and Kamelet files inside the jar, named one by one: finding them by a wildcard makes Camel read
 * every entry of the (shaded) jar, seconds of start-up on a small machine. A test keeps these lists equal to
 * the resource folders.
 */
public final class BuiltInResources {

    public static final String ROUTES_FOLDER = "sentinel/routes/";
    public static final String KAMELETS_FOLDER = "kamelets/";

    /** Results, alerts, API, housekeeping and the probe template. */
    public static final List<String> ROUTES = List.of(
            "alerts.yaml", "api.yaml", "housekeeping.yaml", "probes.yaml", "results.yaml");

    /** Sentinel's Kamelets, for operators' routes. */
    public static final List<String> KAMELETS = List.of(
            "sentinel-check-source.kamelet.yaml",
            "sentinel-http-judge-action.kamelet.yaml",
            "sentinel-result-sink.kamelet.yaml",
            "sentinel-webhook-channel-sink.kamelet.yaml");

    private BuiltInResources() {
    }
}

package io.sentinel.testing;

import io.sentinel.config.ConfigLoader;
import io.sentinel.config.SentinelConfig;
import io.sentinel.daemon.BuiltInKinds;
import io.sentinel.daemon.DaemonOptions;
import io.sentinel.daemon.SentinelDaemon;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon in the test's own JVM, built from a configuration text the way {@code Sentinel} builds it, with
 * the project's {@code routes/} and a clock the test controls. For behaviour that depends on time (breaker
 * waits, reminders) without sleeping; the tests that start the real jar live next to these.
 */
public final class InProcessDaemon implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final SentinelDaemon daemon;
    private final int port;

    private InProcessDaemon(SentinelDaemon daemon, int port) {
        this.daemon = daemon;
        this.port = port;
    }

    /**
     * @param directory   working directory: the configuration, the H2 database and reports go under it
     * @param yaml        the configuration; its storage defaults to an H2 file database in {@code directory}
     * @param environment variables the configuration may reference
     */
    public static InProcessDaemon start(Path directory, String yaml, Map<String, String> environment, Clock clock)
            throws Exception {
        return start(directory, yaml, environment, clock, List.of());
    }

    /** @param extraRoutes operator route files loaded beside the project's {@code routes/} */
    public static InProcessDaemon start(Path directory, String yaml, Map<String, String> environment, Clock clock,
                                        List<Path> extraRoutes) throws Exception {
        int port = DaemonProcess.freePort();
        Map<String, String> env = new HashMap<>(environment);
        env.put(ConfigLoader.PORT_VARIABLE, String.valueOf(port));
        String withStorage = yaml.contains("storage:") ? yaml : """
                storage:
                  url: jdbc:h2:file:%s/data/sentinel
                  reportsDirectory: %s/reports
                """.formatted(directory, directory) + yaml;
        Path file = directory.resolve("sentinel.yaml");
        Files.writeString(file, withStorage);
        SentinelConfig config = new ConfigLoader(BuiltInKinds.index(), env::get).load(file);
        Path routes = Files.createDirectories(directory.resolve("routes"));
        for (Path extra : extraRoutes) {
            Files.copy(extra, routes.resolve(extra.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        DaemonOptions options = new DaemonOptions(routes, directory.resolve("data"), clock);
        return new InProcessDaemon(SentinelDaemon.start(config, options), port);
    }

    public org.apache.camel.CamelContext camelContext() {
        return daemon.camelContext();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> delete(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).DELETE();
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public String json(String path, String pointer) throws Exception {
        return StatusView.parse(get(path).body()).at(pointer).asText();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public SentinelDaemon daemon() {
        return daemon;
    }

    @Override
    public void close() {
        daemon.close();
    }
}

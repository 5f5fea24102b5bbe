package io.sentinel.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.sentinel.testing.DaemonProcess;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten thousand checks on the daemon as {@code bin/sentinel} runs it (its small heap): every check is probed, and
 * an edit of one check while they run is applied without the others stopping. Functional only, with generous
 * limits; the figures (start-up, lag, CPU, memory) are measured by bench/probe_load.py, never asserted here.
 */
class TenThousandChecksScaleIT {

    private static final int CHECKS = 10_000;

    @TempDir
    Path directory;

    private HttpServer target;
    private final Map<String, Integer> probes = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        target.setExecutor(Executors.newFixedThreadPool(8));
        target.createContext("/", exchange -> {
            probes.merge(exchange.getRequestURI().getPath(), 1, Integer::sum);
            byte[] body = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
    }

    @AfterEach
    void stop() {
        target.stop(0);
    }

    private String config(String editedPath) {
        StringBuilder yaml = new StringBuilder("""
                server: {probeThreads: 32}
                defaults: {interval: 30s, timeout: 5s}
                dependencies:
                  - id: api
                checks:
                """);
        for (int i = 0; i < CHECKS; i++) {
            String path = i == 0 ? editedPath : "/c" + i;
            yaml.append("  - {id: c").append(i).append(", dependency: api, kind: http, url: \"http://127.0.0.1:")
                    .append(target.getAddress().getPort()).append(path).append("\"}\n");
        }
        return yaml.toString();
    }

    @Test
    void everyCheckIsProbedAndAnEditOfOneDoesNotStopTheOthers() throws Exception {
        Path file = directory.resolve("config/sentinel.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, config("/c0"));

        try (DaemonProcess daemon = DaemonProcess.startWith(directory, Map.of(), java.util.List.of("-Xms16m",
                "-Xmx128m", "-XX:MinHeapFreeRatio=5", "-XX:MaxHeapFreeRatio=20", "-XX:+UseSerialGC", "-Xss256k",
                "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1"))) {
            await().atMost(Duration.ofMinutes(3)).until(() -> probes.size() >= CHECKS);

            Files.writeString(file, config("/edited"));
            await().atMost(Duration.ofMinutes(2)).until(() -> daemon.log().contains("Configuration change applied in place"));
            Map<String, Integer> atEdit = Map.copyOf(probes);

            await().atMost(Duration.ofMinutes(2)).until(() -> probes.containsKey("/edited") && probedAgainSince(atEdit) >= CHECKS - 1);
            assertThat(daemon.log()).contains("0 check(s) added, 1 edited, 0 removed")
                    .doesNotContain("OutOfMemoryError").doesNotContain("rejected");
            assertThat(daemon.isAlive()).isTrue();
        }
    }

    /** How many of the unedited checks were probed again after the edit. */
    private long probedAgainSince(Map<String, Integer> before) {
        Set<String> paths = before.keySet();
        return paths.stream().filter(path -> !path.equals("/c0") && probes.getOrDefault(path, 0) > before.get(path)).count();
    }
}

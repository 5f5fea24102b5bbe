package io.sentinel.docker;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.sentinel.config.ConfigLoader;
import io.sentinel.testing.DaemonProcess;
import io.sentinel.testing.InProcessDaemon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker/healthcheck.sh, the image's HEALTHCHECK, run as Docker runs it: healthy only on the daemon's HTTP 200. */
class HealthcheckScriptTest {

    private static final Path SCRIPT = Path.of("docker", "healthcheck.sh");

    @TempDir
    Path directory;

    @Test
    void aRunningDaemonIsHealthy() throws Exception {
        String yaml = """
                dependencies: [{id: site}]
                checks: [{id: home, dependency: site, kind: http, url: "http://127.0.0.1:9/", interval: 1h}]
                """;
        try (InProcessDaemon daemon = InProcessDaemon.start(directory, yaml, Map.of(), Clock.systemUTC())) {
            int port = daemon.daemon().config().server().port();

            Result result = run(port);

            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).startsWith("HTTP/1.0 200");
        }
    }

    @Test
    void anUnhealthyAnswerIsUnhealthy() throws Exception {
        WireMockServer unhealthy = new WireMockServer(options().dynamicPort());
        unhealthy.start();
        try {
            unhealthy.stubFor(get("/observe/health").willReturn(serviceUnavailable().withBody("{\"status\":\"DOWN\"}")));

            Result result = run(unhealthy.port());

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.output()).contains("503");
        } finally {
            unhealthy.stop();
        }
    }

    @Test
    void nothingListeningIsUnhealthy() throws Exception {
        Result result = run(DaemonProcess.freePort());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).startsWith("nothing answers on port");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(int port) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().put(ConfigLoader.PORT_VARIABLE, String.valueOf(port));
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the health check did not finish within 30 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}

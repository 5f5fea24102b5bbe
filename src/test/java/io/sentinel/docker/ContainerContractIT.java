package io.sentinel.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.testing.DaemonProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the image relies on, from the built jar started as a user starts it: the embedded database goes to
 * SENTINEL_DATA (the image's data volume), and SIGTERM (docker stop) ends in a clean exit 0.
 */
class ContainerContractIT {

    @TempDir
    Path workingDirectory;

    @Test
    void theDatabaseLivesInSentinelDataAndSigtermExitsZero() throws Exception {
        Path data = workingDirectory.resolve("volume/data");
        Files.createDirectories(workingDirectory.resolve("config"));
        Files.writeString(workingDirectory.resolve("config/sentinel.yaml"), """
                dependencies: [{id: site}]
                checks: [{id: home, dependency: site, kind: http, url: "http://127.0.0.1:9/", interval: 1h}]
                """);

        DaemonProcess daemon = DaemonProcess.start(workingDirectory, Map.of("SENTINEL_DATA", data.toString()));
        int exitCode = daemon.stop();

        assertThat(exitCode).as(daemon.log()).isZero();
        assertThat(daemon.log()).contains("Database jdbc:h2:file:" + data.resolve("sentinel") + ";", "Sentinel stopped")
                .as("the last results are written before the database closes").doesNotContain("cannot be written");
        assertThat(data.resolve("sentinel.mv.db")).exists();
        assertThat(workingDirectory.resolve("data")).doesNotExist();
    }
}

package io.sentinel.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The end-to-end tests' configuration tail: every severity alerts one Slack stand-in; and where the file goes. */
public final class SlackAlertsConfig {

    private SlackAlertsConfig() {
    }

    /** An {@code alerts:} section routing critical, high and medium to the webhook at {@code slackPort}. */
    public static String alertsTo(int slackPort) {
        return """
                alerts:
                  channels:
                    - {id: ops-slack, type: slack, webhookUrl: "http://localhost:%d/hook"}
                  routing: {critical: [ops-slack], high: [ops-slack], medium: [ops-slack]}
                """.formatted(slackPort);
    }

    /** Writes {@code yaml} as {@code config/sentinel.yaml} under the daemon's working directory. */
    public static void write(Path workingDirectory, String yaml) throws IOException {
        Files.createDirectories(workingDirectory.resolve("config"));
        Files.writeString(workingDirectory.resolve("config/sentinel.yaml"), yaml);
    }
}

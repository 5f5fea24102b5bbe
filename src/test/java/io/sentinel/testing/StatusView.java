package io.sentinel.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads {@code GET /api/status} answers in tests. */
public final class StatusView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusView() {
    }

    public static JsonNode check(DaemonProcess daemon, String checkId) throws IOException, InterruptedException {
        JsonNode status = JSON.readTree(daemon.get("/api/status").body());
        for (JsonNode check : status.path("checks")) {
            if (check.path("id").asText().equals(checkId)) {
                return check;
            }
        }
        throw new AssertionError("no check " + checkId + " in " + status);
    }

    public static String state(DaemonProcess daemon, String checkId) throws IOException, InterruptedException {
        return check(daemon, checkId).path("state").asText();
    }

    public static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }
}

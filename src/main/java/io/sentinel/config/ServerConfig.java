package io.sentinel.config;

import io.sentinel.secret.Secret;
import java.util.Objects;

/**
 * The daemon's own HTTP server and worker pool.
 *
 * @param host          interface to listen on
 * @param port          port for the API, health and metrics
 * @param probeThreads  size of the shared pool that runs every probe; does not grow with the number of checks
 * @param adminToken    bearer token for operator actions; when absent those endpoints refuse with 403
 */
public record ServerConfig(String host, int port, int probeThreads, Secret adminToken) {

    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_PROBE_THREADS = 16;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(adminToken, "adminToken");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (probeThreads < 1) {
            throw new IllegalArgumentException("probeThreads must be at least 1");
        }
    }
}

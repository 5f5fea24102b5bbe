package io.sentinel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Notices that the configuration file or a route file changed: a digest of their contents, compared every
 * few seconds. Polling rather than a file-system watch service, because editors replace files in ways those
 * services report unreliably, and container mounts often report nothing at all.
 */
final class ConfigWatcher {

    private final List<Path> files;
    private final Path routesDirectory;
    private byte[] lastDigest;

    ConfigWatcher(Path configFile, Path routesDirectory) {
        this.files = List.of(configFile);
        this.routesDirectory = routesDirectory;
        this.lastDigest = digest();
    }

    /** True once for every change since the last call. */
    boolean changed() {
        byte[] now = digest();
        if (Arrays.equals(now, lastDigest)) {
            return false;
        }
        lastDigest = now;
        return true;
    }

    private byte[] digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                add(sha, file);
            }
            if (routesDirectory != null && Files.isDirectory(routesDirectory)) {
                try (Stream<Path> routes = Files.list(routesDirectory)) {
                    routes.filter(path -> path.toString().endsWith(".yaml")).sorted().forEach(path -> add(sha, path));
                }
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException | IOException unreadable) {
            return new byte[0];
        }
    }

    private static void add(MessageDigest sha, Path file) {
        sha.update(file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            sha.update(Files.readAllBytes(file));
        } catch (IOException missing) {
            sha.update((byte) 0);
        }
    }
}

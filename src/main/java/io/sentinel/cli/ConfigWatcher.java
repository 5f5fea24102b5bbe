package io.sentinel.cli;

import io.sentinel.config.ConfigText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Notices that the configuration file or a route file changed: a digest of their contents, compared every
 * few seconds. Polling rather than a file-system watch service, because editors replace files in ways those
 * services report unreliably, and container mounts often report nothing at all.
 *
 * <p>Files are read in chunks and no further than just past the configuration size limit, so a huge file
 * written over the configuration costs a bounded read every poll; the loader then refuses it by its size.
 */
final class ConfigWatcher {

    private static final int CHUNK = 64 * 1024;
    private static final long READ_AT_MOST = ConfigText.MAX_BYTES + 1L;

    private final List<Path> files;
    private final Path routesDirectory;
    private final Supplier<List<Path>> included;
    private byte[] lastDigest;

    /**
     * @param included the route files the configuration includes from below the routes directory
     */
    ConfigWatcher(Path configFile, Path routesDirectory, Supplier<List<Path>> included) {
        this.files = List.of(configFile);
        this.routesDirectory = routesDirectory;
        this.included = included;
        this.lastDigest = digest();
    }

    ConfigWatcher(Path configFile, Path routesDirectory) {
        this(configFile, routesDirectory, List::of);
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
            included.get().stream().sorted().forEach(path -> add(sha, path));
            return sha.digest();
        } catch (NoSuchAlgorithmException | IOException | RuntimeException unreadable) {
            return new byte[0];
        }
    }

    private static void add(MessageDigest sha, Path file) {
        sha.update(file.toString().getBytes(StandardCharsets.UTF_8));
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[CHUNK];
            long total = 0;
            int read;
            while (total < READ_AT_MOST && (read = in.read(buffer, 0, (int) Math.min(CHUNK, READ_AT_MOST - total))) > 0) {
                sha.update(buffer, 0, read);
                total += read;
            }
            sha.update(Long.toString(Files.size(file)).getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException missing) {
            sha.update((byte) 0);
        }
    }
}

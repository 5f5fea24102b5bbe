package io.sentinel.reload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * Names a configuration by its content: the first twelve hex digits of a SHA-256 over the configuration file
 * and every route and Kamelet file of the operator, so {@code /api/status} can say which one is in force and
 * which was refused, and two instances can tell whether they run the same.
 */
public final class ConfigurationVersion {

    private ConfigurationVersion() {
    }

    public static String of(Path configFile, Collection<Path> routeFiles) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            add(sha, configFile);
            routeFiles.stream().sorted().forEach(file -> add(sha, file));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void add(MessageDigest sha, Path file) {
        sha.update(file.toString().getBytes(StandardCharsets.UTF_8));
        try {
            sha.update(Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0]);
        } catch (IOException unreadable) {
            sha.update((byte) 0);
        }
    }
}

package io.sentinel.provider.anonkey;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the page and its bundles revealed about the Supabase project and key the frontend uses. */
final class Findings {

    private boolean configuredUrlSeen;
    private boolean configuredKeySeen;
    private final Set<String> projectHosts = new LinkedHashSet<>();
    private final Map<String, FoundKey> keys = new LinkedHashMap<>();

    void configuredUrlSeen() {
        configuredUrlSeen = true;
    }

    void configuredKeySeen() {
        configuredKeySeen = true;
    }

    void projectHost(String host) {
        projectHosts.add(host);
    }

    void key(FoundKey key) {
        keys.putIfAbsent(key.value(), key);
    }

    boolean hasConfiguredUrl() {
        return configuredUrlSeen;
    }

    boolean hasConfiguredKey() {
        return configuredKeySeen;
    }

    /** Both configured values were found: nothing more to read. */
    boolean confirmsConfiguration() {
        return configuredUrlSeen && configuredKeySeen;
    }

    /** {@code <ref>.supabase.co} hosts found, other than {@code configuredHost}. */
    List<String> otherProjectHosts(String configuredHost) {
        return projectHosts.stream().filter(host -> !host.equalsIgnoreCase(configuredHost)).toList();
    }

    /** Anon keys found, other than {@code configuredKey}. */
    List<FoundKey> otherKeys(String configuredKey) {
        return keys.values().stream().filter(key -> !key.value().equals(configuredKey.strip())).toList();
    }
}

package io.sentinel.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The check kinds this build knows, by name. */
public final class CheckKinds {

    private final Map<String, CheckKind> byName = new LinkedHashMap<>();

    public CheckKinds(Collection<? extends CheckKind> kinds) {
        for (CheckKind kind : kinds) {
            if (byName.putIfAbsent(kind.name(), kind) != null) {
                throw new IllegalArgumentException("two check kinds are named " + kind.name());
            }
        }
    }

    public Optional<CheckKind> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public CheckKind get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown check kind " + name));
    }

    public Set<String> names() {
        return byName.keySet();
    }
}

package io.sentinel.config;

import java.nio.file.Path;
import java.time.Duration;

/** Reads the optional {@code cluster:} section. */
final class ClusterReader {

    private ClusterReader() {
    }

    /**
     * @param storage the storage read before, or null when it was invalid: a cluster shares one PostgreSQL
     *                database, which an embedded H2 file cannot be
     */
    static ClusterConfig read(ConfigSection section, StorageConfig storage) {
        String location = section.text("location", ClusterConfig.DEFAULT_LOCATION).strip();
        boolean valid = true;
        if (!Identifiers.isValid(location)) {
            section.problem("location", "'location' must use " + Identifiers.RULE + ": "
                    + ProblemText.quote(section.written("location").orElse(location)), "for example location: eu-1");
            valid = false;
        }
        ClusterConfig.Service service = section.choice("service", ClusterConfig.Service.class)
                .orElse(ClusterConfig.Service.NONE);
        Duration lockInterval = section.duration("lockInterval", ClusterConfig.SHORTEST_LOCK_INTERVAL,
                ClusterConfig.LONGEST_LOCK_INTERVAL, ClusterConfig.DEFAULT_LOCK_INTERVAL);
        int confirmations = section.intInRange("confirmations", 0, ClusterConfig.MOST_CONFIRMATIONS, 0);
        String namespace = section.text("namespace", "").strip();
        Path directory = section.text("directory").map(String::strip).filter(text -> !text.isEmpty())
                .map(Path::of).orElse(null);
        if (service == ClusterConfig.Service.FILE && directory == null) {
            section.problem("service", "the file cluster service needs 'directory': the lock directory every instance"
                    + " shares", "add directory: /srv/sentinel/cluster (a volume every instance mounts)");
            valid = false;
        }
        if (service != ClusterConfig.Service.NONE && !service.isAvailable()) {
            section.problem("service", "the " + service.label() + " cluster service is not in this build ("
                    + service.implementation() + " is missing)", unavailableHint(service));
            valid = false;
        }
        if (service != ClusterConfig.Service.NONE && storage != null && !storage.isPostgres()) {
            section.problem("service", "a cluster needs one PostgreSQL database that every instance shares;"
                    + " the embedded H2 database belongs to one process", "set storage.url to jdbc:postgresql://…,"
                    + " or remove service: for a single instance");
            valid = false;
        }
        return valid ? new ClusterConfig(location, service, directory, lockInterval, confirmations, namespace) : null;
    }

    private static String unavailableHint(ClusterConfig.Service service) {
        return switch (service) {
            case KUBERNETES -> "build the jar with mvn -Pkubernetes package (adds camel-kubernetes), or use service: file";
            case JGROUPS -> "camel-jgroups is not published for Camel 4.18.0 (docs/decisions.md); use service: file"
                    + " with a shared directory, or kubernetes";
            default -> "use service: file";
        };
    }
}

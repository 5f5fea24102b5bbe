package io.sentinel.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

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
        JGroupsConfig jgroups = null;
        Optional<ConfigSection> jgroupsSection = section.section("jgroups");
        if (service == ClusterConfig.Service.JGROUPS) {
            jgroups = readJGroups(jgroupsSection.orElse(null), section);
            valid &= jgroups != null;
        } else {
            // set but unused, as directory is for other services: one file serves every service through variables
            jgroupsSection.ifPresent(unused -> unused.allow("bind", "members", "stack"));
        }
        jgroupsSection.ifPresent(ConfigSection::finish);
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
        return valid ? new ClusterConfig(location, service, directory, lockInterval, confirmations, namespace, jgroups)
                : null;
    }

    /**
     * {@code bind} and {@code members} for Sentinel's own TCP stack, or {@code stack}, an operator's JGroups XML file.
     *
     * @param section the {@code jgroups:} section, or null when there is none
     */
    private static JGroupsConfig readJGroups(ConfigSection section, ConfigSection cluster) {
        String example = "jgroups: {bind: \"${SENTINEL_JGROUPS_BIND}\", members: [sentinel-eu:7800, sentinel-us:7800]}";
        if (section == null) {
            cluster.problem("service", "the jgroups cluster service needs 'jgroups': where this instance listens and"
                    + " where the members are", "add " + example);
            return null;
        }
        Optional<String> stackText = nonBlank(section, "stack");
        if (stackText.isPresent()) {
            Path stack = Path.of(stackText.get());
            boolean valid = true;
            if (!Files.isRegularFile(stack) || !Files.isReadable(stack)) {
                section.problem("stack", "the JGroups stack " + ProblemText.quote(stackText.get())
                        + " is not a readable file", "give the path of a JGroups XML configuration, or remove stack:"
                        + " for Sentinel's own TCP stack");
                valid = false;
            }
            boolean bindGiven = nonBlank(section, "bind").isPresent();
            if (bindGiven || !members(section).isEmpty()) {
                section.problem(bindGiven ? "bind" : "members", "with a stack of your own, 'bind' and"
                        + " 'members' are not used: your XML says where to bind and whom to find",
                        "remove bind: and members:, or remove stack:");
                valid = false;
            }
            return valid ? new JGroupsConfig(null, List.of(), stack) : null;
        }
        boolean valid = true;
        JGroupsConfig.Address bind = null;
        Optional<String> bindText = nonBlank(section, "bind");
        if (bindText.isEmpty()) {
            section.problem("missing 'bind': the host and port this instance's cluster transport listens on",
                    "add bind: \"${SENTINEL_JGROUPS_BIND:127.0.0.1:7800}\"");
            valid = false;
        } else {
            bind = JGroupsConfig.Address.parse(bindText.get()).orElse(null);
            if (bind == null) {
                section.problem("bind", "'bind' must be host:port, was " + ProblemText.quote(bindText.get()),
                        "for example bind: 10.0.0.5:7800 (a name, an IPv4 address or site_local; port 1 to 65535)");
                valid = false;
            }
        }
        List<JGroupsConfig.Address> members = new ArrayList<>();
        List<Member> items = members(section);
        for (Member item : items) {
            Optional<JGroupsConfig.Address> member = JGroupsConfig.Address.parse(item.text());
            if (member.isEmpty()) {
                section.problemAt(item.at(), "each member must be host:port, was " + ProblemText.quote(item.text()),
                        "for example members: [sentinel-eu:7800, sentinel-us:7800]");
                valid = false;
            } else {
                members.add(member.get());
            }
        }
        if (items.isEmpty()) {
            section.problem("members", "'members' must list every member's host:port, this one's included",
                    "add members: [sentinel-eu:7800, sentinel-us:7800]");
            valid = false;
        }
        return valid ? new JGroupsConfig(bind, members, null) : null;
    }

    /** One member as written, and where. */
    private record Member(String text, ScalarNode at) {
    }

    /**
     * The members, a list or one text with commas ({@code members: ${SENTINEL_JGROUPS_MEMBERS}} with
     * {@code a:7800,b:7800}); an empty text is none.
     */
    private static List<Member> members(ConfigSection section) {
        List<Member> members = new ArrayList<>();
        for (ScalarNode item : section.scalarList("members")) {
            for (String part : section.textOf(item).split(",")) {
                if (!part.isBlank()) {
                    members.add(new Member(part.strip(), item));
                }
            }
        }
        return members;
    }

    /** A text that is set: empty is not, so that {@code ${VARIABLE:}} leaves a field out. */
    private static Optional<String> nonBlank(ConfigSection section, String key) {
        return section.text(key).map(String::strip).filter(text -> !text.isEmpty());
    }

    private static String unavailableHint(ClusterConfig.Service service) {
        return switch (service) {
            case KUBERNETES -> "build the jar with mvn -Pkubernetes package (adds camel-kubernetes), or use service: file";
            default -> "use service: file";
        };
    }
}

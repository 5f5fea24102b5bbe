package io.sentinel.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Several daemons started as users start them, each in its own working directory with its own location, sharing one
 * PostgreSQL schema, on loopback with ports of their own; elected through one lock directory (the file cluster
 * service), or through a JGroups group over TCP on 127.0.0.1 ({@link #withJGroups}).
 */
public final class ClusterNodes implements AutoCloseable {

    /** What the follower logs once it has taken over. */
    public static final String LEADS = "This instance leads";
    /** What a node logs when it stops leading, or starts as a follower. */
    public static final String FOLLOWS = "This instance follows";

    private final Path root;
    private final String databaseUrl;
    /** Each location's JGroups port; empty for the file service. */
    private final Map<String, Integer> jgroupsPorts;
    private final List<Node> nodes = new ArrayList<>();

    /** One running instance and where it runs. */
    public record Node(String location, Path directory, DaemonProcess daemon) {

        public boolean leads() {
            String log = daemon.log();
            return log.lastIndexOf(LEADS) > log.lastIndexOf(FOLLOWS);
        }
    }

    /** @param databaseUrl a fresh schema ({@link PostgresSchemas#fresh}) */
    public ClusterNodes(Path root, String databaseUrl) {
        this(root, databaseUrl, Map.of());
    }

    private ClusterNodes(Path root, String databaseUrl, Map<String, Integer> jgroupsPorts) {
        this.root = root;
        this.databaseUrl = databaseUrl;
        this.jgroupsPorts = jgroupsPorts;
    }

    /** Nodes at {@code locations} that elect their leader in a JGroups group, each listening on a port of its own. */
    public static ClusterNodes withJGroups(Path root, String databaseUrl, String... locations) {
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        for (String location : locations) {
            ports.put(location, DaemonProcess.freePort());
        }
        return new ClusterNodes(root, databaseUrl, ports);
    }

    /**
     * The cluster: section of each node, and the storage they share, after {@code checks} (dependencies, checks and
     * alerts, in YAML, with {@code ${SENTINEL_LOCATION}} wherever a node's own location belongs).
     */
    public String config(String checks) {
        String storage = checks + """
                storage:
                  url: "%s"
                  username: postgres
                cluster:
                  location: ${SENTINEL_LOCATION}
                  lockInterval: 1s
                """.formatted(databaseUrl);
        if (jgroupsPorts.isEmpty()) {
            return storage + """
                      service: file
                      directory: "%s"
                    """.formatted(root.resolve("lock"));
        }
        String members = jgroupsPorts.values().stream().map(port -> "\"127.0.0.1:" + port + "\"")
                .collect(java.util.stream.Collectors.joining(", "));
        return storage + """
                  service: jgroups
                  jgroups:
                    bind: "127.0.0.1:${SENTINEL_JGROUPS_PORT}"
                    members: [%s]
                """.formatted(members);
    }

    /** Starts a node at {@code location} with the configuration given, and waits until it answers. */
    public Node start(String location, String yaml) throws IOException, InterruptedException {
        SlackAlertsConfig.write(root.resolve(location), yaml);
        return startIn(location, Map.of());
    }

    /**
     * Starts a node at {@code location} from the configuration already written in its directory, with more
     * environment variables.
     */
    public Node startIn(String location, Map<String, String> environment) throws IOException, InterruptedException {
        Path directory = root.resolve(location);
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.put("SENTINEL_LOCATION", location);
        if (jgroupsPorts.containsKey(location)) {
            all.put("SENTINEL_JGROUPS_PORT", String.valueOf(jgroupsPorts.get(location)));
        }
        Node node = new Node(location, directory, DaemonProcess.start(directory, all));
        nodes.add(node);
        return node;
    }

    /** The nodes alive whose logs say they lead now: one, or more while a partition lasts. */
    public List<Node> leaders() {
        return nodes.stream().filter(node -> node.daemon().isAlive() && node.leads()).toList();
    }

    /** The node whose log says it leads now, once one does. */
    public Node awaitLeader(Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            Optional<Node> leader = nodes.stream().filter(node -> node.daemon().isAlive() && node.leads()).findFirst();
            if (leader.isPresent()) {
                return leader.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no node leads after " + within + ":\n" + logs());
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    public String logs() {
        StringBuilder all = new StringBuilder();
        nodes.forEach(node -> all.append("---- ").append(node.location()).append('\n').append(tail(node.daemon().log())));
        return all.toString();
    }

    private static String tail(String log) {
        return log.length() <= 6_000 ? log : log.substring(log.length() - 6_000);
    }

    @Override
    public void close() throws InterruptedException {
        for (Node node : nodes) {
            node.daemon().close();
        }
    }

    /** The lock directory the nodes share. */
    public Path lockDirectory() throws IOException {
        return Files.createDirectories(root.resolve("lock"));
    }
}

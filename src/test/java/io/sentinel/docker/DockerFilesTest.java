package io.sentinel.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.config.ConfigLoader;
import io.sentinel.config.SentinelConfig;
import io.sentinel.config.ServerConfig;
import io.sentinel.daemon.BuiltInKinds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * docker/ can only be built and run where a container engine is (docker/smoke.sh does, in CI). These checks
 * keep its files agreeing with the code on every build: ports, the health path, the variables the daemon
 * reads, the paths it writes, and configurations the validator accepts.
 */
class DockerFilesTest {

    private static final Path DOCKERFILE = Path.of("docker", "Dockerfile");
    private static final Path COMPOSE = Path.of("docker", "compose.yaml");
    private static final Path HEALTHCHECK = Path.of("docker", "healthcheck.sh");
    private static final Path SMOKE = Path.of("docker", "smoke.sh");
    private static final Path SANDBOX = Path.of("docker", "sandbox");
    private static final Pattern SENTINEL_VARIABLE = Pattern.compile("\\bSENTINEL_[A-Z0-9_]+");
    private static final String WORKDIR = "/srv/sentinel";

    @Test
    void theImageAndComposeUseTheDaemonsDefaultPort() {
        String port = String.valueOf(ServerConfig.DEFAULT_PORT);

        assertThat(instructions("EXPOSE")).containsExactly(port);
        assertThat(read(HEALTHCHECK)).contains("port=${" + ConfigLoader.PORT_VARIABLE + ":-" + port + "}");
        for (String service : List.of("sentinel", "sentinel-sandbox")) {
            assertThat(service(service).get("ports").toString()).as(service).endsWith(":" + port + "]");
        }
        assertThat(environment("sentinel")).containsEntry(ConfigLoader.PORT_VARIABLE, port);
    }

    @Test
    void theHealthCheckAsksForTheHealthPathTheDaemonServes() {
        assertThat(read(HEALTHCHECK)).contains("GET /observe/health HTTP/1.0");
        assertThat(instructions("HEALTHCHECK")).singleElement().asString()
                .endsWith("CMD [\"/usr/local/bin/sentinel-healthcheck\"]");
        assertThat(read(DOCKERFILE)).contains("COPY docker/healthcheck.sh /usr/local/bin/sentinel-healthcheck");
        for (String service : List.of("sentinel", "sentinel-sandbox")) {
            assertThat(healthcheck(service)).as(service).containsExactly("CMD", "/usr/local/bin/sentinel-healthcheck");
        }
        assertThat(read(SMOKE)).contains("/observe/health");
    }

    @Test
    void everySentinelVariableTheDockerFilesSetIsOneTheDaemonReads() {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            sources.filter(Files::isRegularFile).forEach(source -> read.addAll(variablesIn(read(source))));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        read.addAll(variablesIn(read(Path.of("bin", "sentinel"))));
        read.addAll(variablesIn(read(Path.of("config", "sentinel.yaml"))));

        assertThat(read).contains("SENTINEL_CONFIG", "SENTINEL_ROUTES", "SENTINEL_DATA", "SENTINEL_HTTP_PORT",
                "SENTINEL_ADMIN_TOKEN", "SENTINEL_DB_URL", "SENTINEL_DB_USER", "SENTINEL_DB_PASSWORD", "SENTINEL_JAR");
        for (Path file : List.of(DOCKERFILE, COMPOSE, HEALTHCHECK, SMOKE, Path.of(".env.example"))) {
            assertThat(variablesIn(read(file))).as("SENTINEL_* names in %s", file).isSubsetOf(read);
        }
    }

    @Test
    void theImageKeepsStateWhereTheDaemonWritesItAndComposeMountsThere() throws Exception {
        Map<String, String> env = imageEnvironment();
        String data = WORKDIR + "/data";
        String reports = WORKDIR + "/" + defaultReportsDirectory().getName(0);

        assertThat(instructions("WORKDIR")).as("the build stage's, then the runtime's").containsExactly("/build", WORKDIR);
        assertThat(env).containsEntry("SENTINEL_DATA", data)
                .containsEntry("SENTINEL_CONFIG", WORKDIR + "/config/sentinel.yaml")
                .containsEntry("SENTINEL_ROUTES", WORKDIR + "/routes")
                .containsEntry("SENTINEL_JAR", WORKDIR + "/lib/sentinel.jar");
        assertThat(instructions("VOLUME")).singleElement().isEqualTo("[\"" + data + "\", \"" + reports + "\"]");
        assertThat(read(DOCKERFILE)).contains("COPY config/sentinel.yaml config/sentinel.yaml", "COPY routes routes",
                "COPY target/sentinel.jar lib/sentinel.jar", "chown 10001:10001 data reports");
        for (String service : List.of("sentinel", "sentinel-sandbox")) {
            assertThat(mountTargets(service)).as(service).contains(data, reports);
        }
        assertThat(mountTargets("sentinel-sandbox")).contains(env.get("SENTINEL_CONFIG"));
        assertThat(read(SMOKE)).contains(":" + env.get("SENTINEL_CONFIG") + ":ro", "test -s " + data + "/sentinel.mv.db");
    }

    @Test
    void theContainerRunsUnprivilegedWithTheJvmReceivingSigterm() {
        // each final stage runs as the daemon's user; root only makes the class data sharing archive in between
        assertThat(lastUserOfStage()).containsEntry("runtime-base", "10001:10001")
                .containsEntry("runtime-from-jar", "10001:10001").containsEntry("runtime", "10001:10001");
        assertThat(instructions("USER")).containsOnly("10001:10001", "root");
        assertThat(instructions("STOPSIGNAL")).containsExactly("SIGTERM");
        assertThat(instructions("ENTRYPOINT")).containsExactly("[\"/srv/sentinel/bin/sentinel\"]");
        assertThat(read(Path.of("bin", "sentinel"))).contains("exec java ");
        assertThat(read(DOCKERFILE)).contains("ARG BASE_IMAGE=eclipse-temurin:17-jre", "FROM ${BASE_IMAGE} AS runtime-base",
                "FROM runtime-base AS runtime-from-jar");
        assertThat(read(SMOKE)).contains("--target runtime-from-jar", "--build-arg BASE_IMAGE=", "podman stop",
                "{{.State.ExitCode}}", "Sentinel stopped");
        for (String service : List.of("sentinel", "sentinel-sandbox")) {
            assertThat(service(service)).as(service).containsEntry("stop_grace_period", "30s")
                    .containsEntry("restart", "unless-stopped");
        }
    }

    @Test
    void everyFileTheDockerfileCopiesIsInTheBuildContext() {
        List<String> allowed = read(Path.of(".dockerignore")).lines().filter(line -> line.startsWith("!"))
                .map(line -> line.substring(1)).toList();
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ").matcher(read(DOCKERFILE));
        List<String> sources = new ArrayList<>();
        while (copy.find()) {
            sources.add(copy.group(1).replaceAll("/$", "").replace("./", ""));
        }

        assertThat(sources).isNotEmpty().allSatisfy(source -> assertThat(allowed)
                .as("%s is let through by .dockerignore", source)
                .anyMatch(entry -> source.equals(entry) || source.startsWith(entry + "/")));
    }

    @Test
    void theHaProfileRunsTwoLocationsOnOneDatabaseElectedByJGroupsBetweenTheContainers() throws Exception {
        for (String name : List.of("sentinel-eu", "sentinel-us")) {
            assertThat(service(name).get("profiles")).isEqualTo(List.of("ha"));
            assertThat(environment(name)).containsEntry("SENTINEL_CLUSTER_SERVICE", "jgroups")
                    .containsEntry("SENTINEL_JGROUPS_BIND", name + ":7800")
                    .containsEntry("SENTINEL_JGROUPS_MEMBERS", "sentinel-eu:7800,sentinel-us:7800")
                    .containsEntry("SENTINEL_DB_URL", "jdbc:postgresql://postgres:5432/sentinel");
            assertThat(service(name).get("volumes").toString()).doesNotContain("cluster");
        }
        assertThat(environment("sentinel-eu").get("SENTINEL_LOCATION")).isEqualTo("eu-1");
        assertThat(environment("sentinel-us").get("SENTINEL_LOCATION")).isEqualTo("us-1");
        // the shipped configuration, as the ha services run it
        SentinelConfig ha = new ConfigLoader(BuiltInKinds.index(), Map.of("SENTINEL_LOCATION", "us-1",
                "SENTINEL_CLUSTER_SERVICE", "jgroups", "SENTINEL_JGROUPS_BIND", "sentinel-us:7800",
                "SENTINEL_JGROUPS_MEMBERS", "sentinel-eu:7800,sentinel-us:7800",
                "SENTINEL_DB_URL", "jdbc:postgresql://postgres:5432/sentinel")::get)
                .load(Path.of("config", "sentinel.yaml"));
        assertThat(ha.cluster().isClustered()).isTrue();
        assertThat(ha.cluster().location()).isEqualTo("us-1");
        assertThat(ha.cluster().jgroupsSettings().orElseThrow().members()).hasSize(2);
        // the file service still reads the same file, for containers sharing a volume
        SentinelConfig file = new ConfigLoader(BuiltInKinds.index(), Map.of("SENTINEL_CLUSTER_SERVICE", "file",
                "SENTINEL_CLUSTER_DIRECTORY", "/srv/sentinel/cluster",
                "SENTINEL_DB_URL", "jdbc:postgresql://postgres:5432/sentinel")::get)
                .load(Path.of("config", "sentinel.yaml"));
        assertThat(file.cluster().lockDirectory()).contains(Path.of("/srv/sentinel/cluster"));
    }

    @Test
    void composeStartsWithoutAnEnvFileAndWaitsForHealthyDependencies() {
        assertThat(service("sentinel").get("env_file")).isEqualTo(List.of(Map.of("path", "../.env", "required", false)));
        assertThat(service("sentinel-sandbox")).doesNotContainKey("env_file");
        assertThat(service("postgres").get("image")).isEqualTo("postgres:16");
        for (String service : compose().get("services") instanceof Map<?, ?> services ? services.keySet().stream()
                .map(String::valueOf).toList() : List.<String>of()) {
            assertThat(service(service)).as(service).containsKey("healthcheck").containsEntry("restart", "unless-stopped");
        }
        assertThat(dependsOn("sentinel")).containsOnlyKeys("postgres");
        assertThat(dependsOn("sentinel-sandbox")).containsOnlyKeys("wiremock", "mailpit", "postgres");
        assertThat(dependsOn("sentinel-sandbox").values()).allMatch(condition -> condition.equals(Map.of("condition", "service_healthy")));
        for (String sandboxOnly : List.of("sentinel-sandbox", "wiremock", "mailpit")) {
            assertThat(service(sandboxOnly).get("profiles")).as(sandboxOnly).isEqualTo(List.of("sandbox"));
        }
    }

    @Test
    void theSandboxRunsTheWireMockTheTestsUseAndHasAFailureForEveryDependency() throws Exception {
        String pom = read(Path.of("pom.xml"));
        Matcher version = Pattern.compile("<wiremock.version>([^<]+)</wiremock.version>").matcher(pom);
        assertThat(version.find()).isTrue();
        assertThat(service("wiremock").get("image")).isEqualTo("wiremock/wiremock:" + version.group(1));

        SentinelConfig sandbox = new ConfigLoader(BuiltInKinds.index(), name -> null).load(SANDBOX.resolve("sentinel.yaml"));
        String readme = read(SANDBOX.resolve("README.md"));
        for (var dependency : sandbox.dependencies()) {
            if (dependency.id().equals("supabase-db")) {
                continue; // the compose PostgreSQL: stopped for real, not switched
            }
            String mappings = read(SANDBOX.resolve("wiremock/mappings/" + dependency.id() + ".json"));
            assertThat(mappings).as(dependency.id()).contains("\"scenarioName\": \"" + dependency.id() + "\"",
                    "\"requiredScenarioState\": \"Started\"", "\"requiredScenarioState\": \"down\"");
            assertThat(readme).as("the README's table").contains("| `" + dependency.id() + "` |");
        }
    }

    @Test
    void theSandboxAndSmokeConfigurationsAreValidWithAnEmptyEnvironment() throws Exception {
        ConfigLoader loader = new ConfigLoader(BuiltInKinds.index(), name -> null);

        SentinelConfig sandbox = loader.load(SANDBOX.resolve("sentinel.yaml"));
        SentinelConfig smoke = loader.load(Path.of("docker", "smoke", "sentinel.yaml"));

        assertThat(sandbox.dependencies()).hasSize(11);
        // every address a sandbox probe calls is a compose service; the Supabase URL is only looked for in the page
        String settings = read(SANDBOX.resolve("sentinel.yaml")).lines().filter(line -> !line.strip().startsWith("#"))
                .collect(Collectors.joining("\n"));
        Matcher address = Pattern.compile("[a-z]+://[^/\\s:}]+").matcher(settings);
        Set<String> addresses = new TreeSet<>();
        while (address.find()) {
            addresses.add(address.group());
        }
        assertThat(addresses).containsExactlyInAnyOrder("http://wiremock", "postgresql://postgres",
                "https://sandboxproject000000.supabase.co");
        assertThat(settings).contains("supabaseUrl: https://sandboxproject000000.supabase.co");
        assertThat(sandbox.alerts().channels()).allMatch(channel -> channel.isEnabled());
        assertThat(smoke.checks()).singleElement().satisfies(check ->
                assertThat(check.options().toString()).contains("http://127.0.0.1:8080/observe/health"));
    }

    private static Path defaultReportsDirectory() throws Exception {
        return new ConfigLoader(BuiltInKinds.index(), name -> null).parse(Path.of("minimal.yaml"), """
                dependencies: [{id: site}]
                checks: [{id: home, dependency: site, kind: http, url: "http://127.0.0.1:9/"}]
                """).storage().reportsDirectory();
    }

    private static Set<String> variablesIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = SENTINEL_VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }

    /** Each stage's last USER instruction, by stage name (stages without one are left out). */
    private static Map<String, String> lastUserOfStage() {
        Map<String, String> users = new java.util.HashMap<>();
        String stage = null;
        for (String line : read(DOCKERFILE).lines().toList()) {
            Matcher from = Pattern.compile("^FROM \\S+ AS (\\S+)").matcher(line);
            if (from.find()) {
                stage = from.group(1);
            } else if (line.startsWith("USER ") && stage != null) {
                users.put(stage, line.substring("USER ".length()).strip());
            }
        }
        return users;
    }

    /** The arguments of every Dockerfile instruction of that name, continuation lines joined. */
    private static List<String> instructions(String name) {
        String joined = read(DOCKERFILE).replaceAll("\\\\\\n\\s*", " ");
        return joined.lines().filter(line -> line.startsWith(name + " "))
                .map(line -> line.substring(name.length() + 1).strip()).toList();
    }

    private static Map<String, String> imageEnvironment() {
        return instructions("ENV").stream().flatMap(line -> Stream.of(line.split("\\s+")))
                .map(pair -> pair.split("=", 2)).collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(read(COMPOSE));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        Map<String, Object> service = (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
        assertThat(service).as("service %s in %s", name, COMPOSE).isNotNull();
        return service;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String name) {
        return (Map<String, Object>) service(name).get("environment");
    }

    @SuppressWarnings("unchecked")
    private static List<String> healthcheck(String name) {
        return (List<String>) ((Map<String, Object>) service(name).get("healthcheck")).get("test");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dependsOn(String name) {
        return (Map<String, Object>) service(name).get("depends_on");
    }

    @SuppressWarnings("unchecked")
    private static List<String> mountTargets(String name) {
        return ((List<String>) service(name).get("volumes")).stream().map(volume -> volume.split(":")[1]).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}

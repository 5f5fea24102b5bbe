package io.sentinel.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon started the way a user starts it: {@code java -jar target/sentinel.jar}, in its own process,
 * with a working directory, a configuration file and environment variables. Output goes to a log file the
 * test can read.
 */
public final class DaemonProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int port;

    private DaemonProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The jar that {@code mvn verify} built; failsafe passes its path. */
    public static Path jar() {
        String path = System.getProperty("sentinel.jar", "target/sentinel.jar");
        Path jar = Path.of(path).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no daemon jar at " + jar + ": run mvn verify (the package phase builds it)");
        }
        return jar;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }

    /**
     * Starts the daemon in {@code workingDirectory} with {@code config/sentinel.yaml} from there, and waits
     * until its health endpoint answers.
     */
    public static DaemonProcess start(Path workingDirectory, Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException {
        return startWith(workingDirectory, environment, List.of("-Xmx256m"), arguments);
    }

    /** As {@link #start}, with the JVM flags given (for instance {@code bin/sentinel}'s small heap). */
    public static DaemonProcess startWith(Path workingDirectory, Map<String, String> environment, List<String> jvmFlags,
                                          String... arguments) throws IOException, InterruptedException {
        return launch(List.of(), workingDirectory, environment, jvmFlags, arguments);
    }

    /** As {@link #start}, under {@code nohup}, as an operator may start it: SIGHUP is ignored from the start. */
    public static DaemonProcess startUnderNohup(Path workingDirectory, Map<String, String> environment)
            throws IOException, InterruptedException {
        return launch(List.of("nohup"), workingDirectory, environment, List.of("-Xmx256m"));
    }

    private static DaemonProcess launch(List<String> launcher, Path workingDirectory, Map<String, String> environment,
                                        List<String> jvmFlags, String... arguments)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(launcher);
        command.add(javaExecutable());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile(workingDirectory, "daemon-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putIfAbsent("SENTINEL_HTTP_PORT", String.valueOf(port));
        builder.environment().putAll(env);
        DaemonProcess daemon = new DaemonProcess(builder.start(), log,
                Integer.parseInt(env.get("SENTINEL_HTTP_PORT")));
        daemon.awaitHealthy(Duration.ofSeconds(120));
        return daemon;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "";
        }
    }

    public Path logFile() {
        return log;
    }

    /** The operating system's process id, for signals such as SIGHUP. */
    public long pid() {
        return process.pid();
    }

    /** The daemon's threads and where each stands ({@code jcmd Thread.print}), for a failure that looks like a hang. */
    public String threadDump() {
        try {
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(process.pid()), "Thread.print")
                    .redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor();
            return dump;
        } catch (IOException | InterruptedException unavailable) {
            return "(no thread dump: " + unavailable + ")";
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM, as Docker and systemd stop it; waits for a clean exit. */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return process.exitValue();
    }

    /** kill -9: nothing gets to clean up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /**
     * SIGSTOP: the process freezes as a long pause or a cut cable would leave it, its sockets open but silent, until
     * {@link #resume}.
     */
    public void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause}: the process carries on as if no time had passed. */
    public void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " exited with " + exit);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            try {
                resume();
            } catch (IOException | IllegalStateException notPaused) {
                // it stops all the same once it runs
            }
            stop();
        }
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the daemon exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                if (get("/observe/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the daemon did not become healthy within " + timeout + ":\n" + log());
    }
}

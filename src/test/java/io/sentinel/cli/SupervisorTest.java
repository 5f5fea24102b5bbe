package io.sentinel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.sentinel.config.CheckKind;
import io.sentinel.config.CheckKinds;
import io.sentinel.config.CheckOptions;
import io.sentinel.config.ConfigLoader;
import io.sentinel.config.ConfigSection;
import io.sentinel.config.SentinelConfig;
import io.sentinel.daemon.BuiltInKinds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Live edits: the real loader and watcher on a real file, with a starter that records what it would start,
 * so that each bad edit can be made and checked in milliseconds rather than a daemon restart.
 */
class SupervisorTest {

    private static final String SECRET = "sk-live-supervisor-5b2d40aa7f3a";
    private static final Map<String, String> ENVIRONMENT = Map.of("SECRET_VAR", SECRET);

    @TempDir
    Path directory;

    private final List<String> started = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private Path file;
    private Supervisor supervisor;
    private Thread watching;

    private static String config(String checkId, String extra) {
        return """
                dependencies:
                  - id: api
                checks:
                  - id: %s
                    dependency: api
                    kind: %s
                    url: https://api.example.com/health
                %s""".formatted(checkId, checkId.equals("boom") ? "boom" : "http", extra);
    }

    @BeforeEach
    void start() throws Exception {
        ((Logger) LoggerFactory.getLogger(Supervisor.class)).addAppender(log);
        log.start();
        file = directory.resolve("sentinel.yaml");
        Files.writeString(file, config("first", ""));
        List<CheckKind> kinds = new ArrayList<>(BuiltInKinds.all());
        kinds.add(new ThrowingKind());
        ConfigLoader loader = new ConfigLoader(new CheckKinds(kinds), ENVIRONMENT::get);
        SentinelConfig first = loader.load(file);
        supervisor = new Supervisor(loader, file, directory.resolve("routes"), this::recordStart, first, () -> { },
                Duration.ofMillis(20));
        watching = new Thread(() -> {
            try {
                supervisor.run();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "supervisor-under-test");
        watching.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        supervisor.stop();
        watching.join(10_000);
        ((Logger) LoggerFactory.getLogger(Supervisor.class)).detachAppender(log);
    }

    private AutoCloseable recordStart(SentinelConfig config) {
        started.add(config.checks().get(0).id());
        return () -> { };
    }

    @Test
    void everyKindOfBadEditIsRefusedAndTheNextGoodEditIsStillApplied() throws Exception {
        Map<String, Supplier<byte[]>> badEdits = new LinkedHashMap<>();
        badEdits.put("'interval' is 99999999999999999999d, above the maximum",
                () -> utf8(config("second", "    interval: 99999999999999999999d\n")));
        badEdits.put("'timeout' is 9223372036854775807ms, above the maximum",
                () -> utf8(config("second", "    timeout: 9223372036854775807ms\n    failureThreshold: 1e309\n")));
        badEdits.put("nests more than 50 levels deep", () -> utf8("checks: " + "[".repeat(5000) + "]".repeat(5000) + "\n"));
        badEdits.put("'severity' cannot be '${SECRET_VAR}'", () -> utf8(config("second", "    severity: ${SECRET_VAR}\n")));
        badEdits.put("internal error while reading the configuration", () -> utf8(config("boom", "")));
        badEdits.put("the file is UTF-16 text", () -> config("second", "").getBytes(StandardCharsets.UTF_16));
        badEdits.put("binary file", () -> new byte[] {0, 1, 2, (byte) 0xFF, (byte) 0xFE, 0, 7});
        badEdits.put("larger than 1 MiB", () -> utf8(config("second", "") + ("#" + "x".repeat(1023) + "\n").repeat(1100)));
        badEdits.put("the file is empty", () -> new byte[0]);

        for (Map.Entry<String, Supplier<byte[]>> edit : badEdits.entrySet()) {
            int seen = events().size();
            save(edit.getValue().get());
            await().atMost(Duration.ofSeconds(20)).until(() -> logged(seen, edit.getKey()) && logged(seen, "Configuration change refused"));
            assertThat(watching.isAlive()).as("still watching after: " + edit.getKey()).isTrue();
        }
        assertThat(started).as("no bad edit started anything").isEmpty();

        save(utf8(config("second", "")));
        await().atMost(Duration.ofSeconds(20)).until(() -> started.contains("second"));

        assertThat(events()).noneMatch(event -> event.getFormattedMessage().contains(SECRET))
                .allMatch(event -> event.getThrowableProxy() == null);
    }

    /** Saves as editors do: a new file moved over the old one, so the watcher never reads half an edit. */
    @Test
    void whenNeitherTheChangedNorThePreviousConfigurationStartsTheSupervisorStopsWithTheReason() throws Exception {
        ConfigLoader loader = new ConfigLoader(BuiltInKinds.index(), ENVIRONMENT::get);
        Supervisor failing = new Supervisor(loader, file, directory.resolve("routes"), config -> {
            throw new IllegalStateException("port 8080 is taken");
        }, loader.load(file), () -> { }, Duration.ofMillis(20));
        Files.writeString(file, config("second", ""));

        failing.reload();

        assertThat(failing.failure()).get().asString()
                .contains("neither the changed configuration nor the previous one could start", "port 8080 is taken");
        failing.run();  // returns at once: the supervisor has stopped
    }

    private void save(byte[] content) throws Exception {
        Path next = directory.resolve("sentinel.yaml.new");
        Files.write(next, content);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A copy taken under the appender's lock, which logback holds while appending. */
    private List<ILoggingEvent> events() {
        synchronized (log) {
            return new ArrayList<>(log.list);
        }
    }

    private boolean logged(int from, String text) {
        List<ILoggingEvent> events = events();
        return events.subList(Math.min(from, events.size()), events.size()).stream()
                .anyMatch(event -> event.getFormattedMessage().contains(text));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A check kind whose options reader has a bug: the loader must turn it into a refusal. */
    private static final class ThrowingKind implements CheckKind {
        @Override
        public String name() {
            return "boom";
        }

        @Override
        public CheckOptions readOptions(ConfigSection check) {
            throw new IllegalStateException("a bug in a kind's reader, with " + SECRET);
        }
    }
}

package io.sentinel.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The daemon's logging, set up in code (logback finds it through {@code META-INF/services}): one console appender
 * whose every line goes through the redactor, so no secret reaches the log whoever logs it. Reading and
 * interpreting a logback.xml took a good part of a start (its XML parser and several hundred classes); this
 * does the same in a few calls.
 *
 * <p>An operator's own file still wins: with {@code -Dlogback.configurationFile=...}, and in the tests (their
 * logback-test.xml), this steps aside and logback reads the file.
 *
 * <p>Settings, each a system property or else an environment variable: {@code sentinel.log.target} (System.out,
 * or System.err for {@code check} and {@code report}, whose stdout is the report), {@code SENTINEL_LOG_LEVEL}
 * (INFO) and {@code SENTINEL_CAMEL_LOG_LEVEL} (WARN).
 */
public final class LogSetup extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%redactedThread] %logger{20}"
            + " - %redactedMessage%n%redactedException";
    /** The libraries' chatter kept out; Camel's start and stop summary kept in (Camel itself: SENTINEL_CAMEL_LOG_LEVEL). */
    private static final Map<String, Level> QUIET = quiet();

    private final Function<String, String> settings;
    private final Predicate<String> onClasspath;

    public LogSetup() {
        this(name -> System.getProperty(name, System.getenv(name)),
                resource -> LogSetup.class.getClassLoader().getResource(resource) != null);
    }

    LogSetup(Function<String, String> settings, Predicate<String> onClasspath) {
        this.settings = settings;
        this.onClasspath = onClasspath;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (settings.apply("logback.configurationFile") != null || onClasspath.test("logback-test.xml")) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("redactedMessage", RedactedMessageConverter::new);
        layout.getInstanceConverterMap().put("redactedException", RedactedThrowableConverter::new);
        layout.getInstanceConverterMap().put("redactedThread", RedactedThreadConverter::new);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setTarget(setting("sentinel.log.target", "System.out"));
        console.setEncoder(encoder);
        console.start();

        context.getLogger("org.apache.camel").setLevel(level("SENTINEL_CAMEL_LOG_LEVEL", Level.WARN));
        QUIET.forEach((logger, level) -> context.getLogger(logger).setLevel(level));
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(level("SENTINEL_LOG_LEVEL", Level.INFO));
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private Level level(String setting, Level otherwise) {
        return Level.toLevel(setting(setting, otherwise.toString()), otherwise);
    }

    private String setting(String name, String otherwise) {
        String value = settings.apply(name);
        return value == null || value.isBlank() ? otherwise : value.trim();
    }

    private static Map<String, Level> quiet() {
        Map<String, Level> levels = new LinkedHashMap<>();
        levels.put("org.apache.camel.main.BaseMainSupport", Level.WARN);
        levels.put("org.apache.camel.impl.engine.AbstractCamelContext", Level.INFO);
        for (String library : new String[] {"io.vertx", "io.netty", "com.zaxxer.hikari", "org.flywaydb", "org.apache.hc"}) {
            levels.put(library, Level.WARN);
        }
        return levels;
    }
}

package io.sentinel.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogSetupTest {

    private final LoggerContext context = new LoggerContext();

    @Test
    void setsTheLevelsAndTheLineFormatTheDaemonHasAlwaysLoggedWith() {
        assertThat(new LogSetup(Map.<String, String>of()::get, resource -> false).configure(context))
                .isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        assertThat(context.getLogger("ROOT").getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.apache.camel").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.apache.camel.impl.engine.AbstractCamelContext").getLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.apache.hc").getLevel()).isEqualTo(Level.WARN);
        ConsoleAppender<ILoggingEvent> console = console();
        assertThat(console.getTarget()).isEqualTo("System.out");

        ch.qos.logback.classic.Logger logger = context.getLogger("io.sentinel.daemon.SentinelDaemon");
        LoggingEvent event = new LoggingEvent("test", logger, Level.INFO, "Sentinel is watching {} check(s)", null,
                new Object[] {3});
        event.setThreadName("main");
        event.setTimeStamp(1_764_000_000_123L);
        String line = new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
        assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.123(Z|[+-]\\d\\d:\\d\\d) INFO  \\[main\\]"
                + " i.s.d.SentinelDaemon - Sentinel is watching 3 check\\(s\\)\\R");
    }

    @Test
    void followsTheLevelAndTargetSettings() {
        Map<String, String> settings = Map.of("SENTINEL_LOG_LEVEL", "WARN", "SENTINEL_CAMEL_LOG_LEVEL", "DEBUG",
                "sentinel.log.target", "System.err");

        new LogSetup(settings::get, resource -> false).configure(context);

        assertThat(context.getLogger("ROOT").getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.apache.camel").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(console().getTarget()).isEqualTo("System.err");
    }

    @Test
    void stepsAsideForAnOperatorsOwnFileAndForTheTestsOne() {
        assertThat(new LogSetup(Map.of("logback.configurationFile", "/etc/sentinel/logback.xml")::get, resource -> false)
                .configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(new LogSetup(Map.<String, String>of()::get, "logback-test.xml"::equals).configure(context))
                .isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger("ROOT").getAppender("console")).isNull();
    }

    @SuppressWarnings("unchecked")
    private ConsoleAppender<ILoggingEvent> console() {
        ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>) context.getLogger("ROOT").getAppender("console");
        assertThat(console.getEncoder()).isInstanceOf(LayoutWrappingEncoder.class);
        return console;
    }
}

package io.sentinel.alert.email;

import static io.sentinel.alert.TestNotifications.NOW;
import static io.sentinel.alert.TestNotifications.alert;
import static io.sentinel.alert.email.EmailSenderTest.FROM;
import static io.sentinel.alert.email.EmailSenderTest.LOGIN;
import static io.sentinel.alert.email.EmailSenderTest.PASSWORD;
import static io.sentinel.alert.email.EmailSenderTest.TO;
import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.alert.DeliveryOutcome;
import io.sentinel.alert.DeliveryOutcome.Delivered;
import io.sentinel.alert.DeliveryOutcome.Rejected;
import io.sentinel.alert.DeliveryOutcome.RetryLater;
import io.sentinel.alert.email.ScriptedSmtpServer.Command;
import io.sentinel.config.EmailChannelConfig;
import io.sentinel.config.EmailChannelConfig.Security;
import io.sentinel.provider.ProviderFixtures;
import io.sentinel.secret.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The replies GreenMail cannot give, from a scripted SMTP server: STARTTLS, 4xx and chosen 5xx. */
class EmailSenderRepliesTest {

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<DeliveryOutcome> outcomes = new ArrayList<>();
    private final List<AutoCloseable> servers = new ArrayList<>();

    @AfterEach
    void stopServersAndCheckNoReasonShowsThePassword() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.toString()).doesNotContain(PASSWORD));
    }

    @Test
    void startTlsComesBeforeAuthAndTheMessageIsAccepted() throws IOException {
        ScriptedSmtpServer server = server(Optional.of(TestTls.serverWithGreenMailCertificate()));

        assertThat(deliver(Security.STARTTLS, server.port(), List.of(TO))).isEqualTo(new Delivered());

        List<Command> received = server.received();
        assertThat(received).extracting(command -> command.line().split(" ")[0])
                .containsSubsequence("EHLO", "STARTTLS", "EHLO", "AUTH", "MAIL", "RCPT", "DATA");
        assertThat(received).filteredOn(command -> command.line().startsWith("AUTH") || command.line().startsWith("MAIL"))
                .isNotEmpty().allMatch(Command::overTls);
    }

    @Test
    void aServerHidingStartTlsNeverSeesTheCredentialsOrTheMessage() throws IOException {
        ScriptedSmtpServer server = server(Optional.empty());

        assertThat(deliver(Security.STARTTLS, server.port(), List.of(TO))).isInstanceOfSatisfying(Rejected.class,
                rejected -> assertThat(rejected.channelBroken()).isTrue());
        assertThat(server.received()).extracting(Command::line)
                .noneMatch(line -> line.startsWith("AUTH") || line.startsWith("MAIL") || line.startsWith("DATA"));
    }

    @Test
    void anInvalidRecipientAddressBreaksTheChannel() throws IOException {
        ScriptedSmtpServer server = server(Optional.empty());

        assertThat(deliver(Security.NONE, server.port(), List.of("oncall at prospectpro"))).isEqualTo(
                new Rejected("invalid recipient address 'oncall at prospectpro': configure to", true));
    }

    @ParameterizedTest(name = "{1} to {0} → retry later")
    @CsvSource(delimiter = '|', value = {
            "GREETING | 421 4.7.0 Try again later, closing connection.",
            "MAIL     | 421 4.7.0 Try again later, closing connection.",
            "MAIL     | 451 4.3.0 Local error in processing",
            "RCPT     | 452 4.5.3 Too many recipients",
            "RCPT     | 450 4.2.1 Mailbox busy",
            ".        | 451 4.3.0 Queue file write error",
            "AUTH     | 454 4.7.0 Temporary authentication failure"})
    void aTransientReplyIsRetried(String command, String reply) throws IOException {
        ScriptedSmtpServer server = server(Optional.of(TestTls.serverWithGreenMailCertificate())).reply(command, reply);

        assertThat(deliver(Security.STARTTLS, server.port(), List.of(TO))).isInstanceOfSatisfying(RetryLater.class,
                retry -> assertThat(retry.reason()).contains(reply.substring(0, 3)));
    }

    @ParameterizedTest(name = "{0} to {1} → {2}")
    @CsvSource({
            "temp-failure.txt,      MAIL, RetryLater",
            "starttls-required.txt, MAIL, Rejected",
            "auth-failed.txt,       AUTH, Rejected"})
    void theReferenceRepliesAreClassified(String fixture, String command, String expected) throws IOException {
        String reply = ProviderFixtures.body("smtp/" + fixture).strip().substring("S: ".length());
        ScriptedSmtpServer server = server(Optional.empty()).reply(command, reply);

        DeliveryOutcome outcome = deliver(Security.NONE, server.port(), List.of(TO));

        assertThat(outcome.getClass().getSimpleName()).isEqualTo(expected);
        assertThat(outcome.toString()).contains("SMTP server said: " + reply);
        if (outcome instanceof Rejected rejected) {
            assertThat(rejected.channelBroken()).isTrue();
        }
    }

    @Test
    void everyRecipientRefusedBreaksTheChannel() throws IOException {
        ScriptedSmtpServer server = server(Optional.empty()).reply("RCPT", "550 5.1.1 <oncall@prospectpro.example>: user unknown");

        assertThat(deliver(Security.NONE, server.port(), List.of(TO))).isEqualTo(new Rejected(
                "SMTP server refused every recipient: 550 5.1.1 <oncall@prospectpro.example>: user unknown", true));
    }

    @Test
    void oneRecipientRefusedOutOfTwoStillDelivers() throws IOException {
        ScriptedSmtpServer server = server(Optional.empty()).reply("RCPT TO:<GONE@", "550 5.1.1 user unknown");

        assertThat(deliver(Security.NONE, server.port(), List.of("gone@prospectpro.example", TO))).isEqualTo(new Delivered());
        assertThat(server.received()).extracting(Command::line).contains("DATA");
    }

    @ParameterizedTest(name = "{1} to {0} → channel broken: {2}")
    @CsvSource(delimiter = '|', value = {
            "MAIL     | 553 5.7.1 Sender address rejected: not owned by user | true",
            "GREETING | 554 5.7.1 No SMTP service here | true",
            ".        | 554 5.7.1 Message rejected as spam | false",
            ".        | 552 5.3.4 Message size exceeds fixed limit | false"})
    void aPermanentReplyIsRejected(String command, String reply, boolean channelBroken) throws IOException {
        ScriptedSmtpServer server = server(Optional.empty()).reply(command, reply);

        assertThat(deliver(Security.NONE, server.port(), List.of(TO))).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.channelBroken()).isEqualTo(channelBroken);
            assertThat(rejected.reason()).startsWith("SMTP server said: " + reply);
        });
    }

    @ParameterizedTest(name = "AUTH {0}")
    @CsvSource({"PLAIN", "LOGIN"})
    void aRefusedLoginQuotingTheAuthDataBackShowsNoneOfIt(String mechanism) throws IOException {
        ScriptedSmtpServer server = new ScriptedSmtpServer(Optional.empty(), mechanism)
                .reply("AUTH", "535 5.7.8 Authentication credentials invalid: " + ScriptedSmtpServer.AUTH_DATA
                        + " (" + ScriptedSmtpServer.AUTH_DATA.toUpperCase(java.util.Locale.ROOT) + ")");
        servers.add(server);

        DeliveryOutcome outcome = deliver(Security.NONE, server.port(), List.of(TO));

        assertThat(outcome).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.channelBroken()).isTrue();
            assertThat(rejected.reason()).startsWith("SMTP server said: 535 5.7.8 Authentication credentials invalid: ****");
            for (String form : authForms()) {
                assertThat(rejected.reason().toLowerCase(java.util.Locale.ROOT))
                        .doesNotContain(form.substring(0, 8).toLowerCase(java.util.Locale.ROOT));
            }
        });
    }

    @Test
    void aLongReplyIsRedactedBeforeItIsCut() throws IOException {
        String plain = authForms().get(0);
        // the AUTH data straddles the cut at 300 characters
        ScriptedSmtpServer server = server(Optional.empty())
                .reply("AUTH", "535 5.7.8 " + "x".repeat(280) + " " + plain + " " + plain);

        DeliveryOutcome outcome = deliver(Security.NONE, server.port(), List.of(TO));

        assertThat(outcome.toString()).doesNotContain(plain.substring(0, 8)).contains("****");
    }

    /** AUTH PLAIN's and AUTH LOGIN's base64 of this test's login. */
    private static List<String> authForms() {
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        return List.of(base64.encodeToString(("\0" + LOGIN + "\0" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                base64.encodeToString(PASSWORD.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aServerThatIsDownIsRetried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThat(deliver(Security.STARTTLS, closedPort, List.of(TO))).isInstanceOfSatisfying(RetryLater.class,
                retry -> assertThat(retry.reason()).startsWith("SMTP server 127.0.0.1:" + closedPort + " not reached: "));
    }

    @Test
    void aServerThatNeverAnswersIsRetriedAfterTheTimeout() throws IOException {
        ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        servers.add(silent);

        DeliveryOutcome outcome = deliver(Security.STARTTLS, silent.getLocalPort(), List.of(TO), Duration.ofSeconds(1));

        assertThat(outcome).isInstanceOfSatisfying(RetryLater.class, retry -> assertThat(retry.reason()).contains("not reached"));
    }

    private ScriptedSmtpServer server(Optional<javax.net.ssl.SSLContext> startTls) throws IOException {
        ScriptedSmtpServer server = new ScriptedSmtpServer(startTls);
        servers.add(server);
        return server;
    }

    private DeliveryOutcome deliver(Security security, int port, List<String> recipients) {
        return deliver(security, port, recipients, Duration.ofSeconds(5));
    }

    private DeliveryOutcome deliver(Security security, int port, List<String> recipients, Duration timeout) {
        EmailChannelConfig config = new EmailChannelConfig("ops-email", "127.0.0.1", port, security, LOGIN,
                Secret.of(PASSWORD), FROM, recipients, timeout);
        DeliveryOutcome outcome = new EmailSender(config, clock, TestTls.clientTrustingGreenMail()).deliver(alert("boom"));
        outcomes.add(outcome);
        return outcome;
    }
}

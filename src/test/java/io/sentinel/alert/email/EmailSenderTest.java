package io.sentinel.alert.email;

import static io.sentinel.alert.TestNotifications.NOW;
import static io.sentinel.alert.TestNotifications.RUNBOOK;
import static io.sentinel.alert.TestNotifications.alert;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.sentinel.alert.DeliveryOutcome;
import io.sentinel.alert.DeliveryOutcome.Delivered;
import io.sentinel.alert.DeliveryOutcome.Rejected;
import io.sentinel.alert.DeliveryOutcome.RetryLater;
import io.sentinel.alert.Notification;
import io.sentinel.config.EmailChannelConfig;
import io.sentinel.config.EmailChannelConfig.Security;
import io.sentinel.secret.Secret;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real SMTP conversations with GreenMail: implicit TLS with AUTH, plain SMTP, and a refused STARTTLS. */
class EmailSenderTest {

    static final String FROM = "alerts@prospectpro.example";
    static final String TO = "oncall@prospectpro.example";
    static final String LOGIN = "alerts";
    static final String PASSWORD = "app-password-fake-0123456789";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(
            new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(FROM, LOGIN, PASSWORD));

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Notification notification = alert("no answer within 10s");
    private final List<DeliveryOutcome> outcomes = new ArrayList<>();

    @AfterEach
    void noReasonEverShowsThePassword() {
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.toString()).doesNotContain(PASSWORD));
    }

    @Test
    void implicitTlsWithAuthDeliversOneMessageWithTaggedSubjectBothPartsAndTheDerivedId() throws Exception {
        EmailSender sender = new EmailSender(config(Security.TLS, smtpsPort(), PASSWORD), clock, TestTls.clientTrustingGreenMail());

        assertThat(deliver(sender)).isEqualTo(new Delivered());

        MimeMessage received = single();
        assertThat(received.getSubject()).isEqualTo("[Sentinel][CRITICAL] supabase-db DOWN");
        assertThat(received.getHeader("Message-ID", null)).isEqualTo(EmailMessage.messageIdFor(notification.key()));
        assertThat(received.getSentDate().toInstant()).isEqualTo(NOW);
        assertThat(received.getHeader(EmailMessage.KEY_HEADER, null)).isEqualTo(notification.key());
        assertThat(received.getFrom()[0].toString()).isEqualTo(FROM);
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(part(parts, 0)).startsWith("text/plain");
        assertThat(part(parts, 1)).startsWith("text/html");
        assertThat(text(parts, 0)).contains("supabase-db went DOWN (was UP).", "no answer within 10s", RUNBOOK,
                "inc-42:FIRING:ops-slack");
        assertThat(text(parts, 1)).contains("<strong>supabase-db went DOWN (was UP).</strong>", "no answer within 10s",
                "href=\"" + RUNBOOK + "\"", "inc-42:FIRING:ops-slack");
    }

    @Test
    void aResendCarriesTheSameMessageId() throws Exception {
        EmailSender sender = new EmailSender(config(Security.TLS, smtpsPort(), PASSWORD), clock, TestTls.clientTrustingGreenMail());

        deliver(sender);
        deliver(sender);

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getMessageID()).isEqualTo(received[1].getMessageID());
    }

    @Test
    void aWrongPasswordBreaksTheChannel() {
        EmailSender sender = new EmailSender(config(Security.TLS, smtpsPort(), "wrong-password-fake-987"), clock,
                TestTls.clientTrustingGreenMail());

        assertThat(deliver(sender)).isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.channelBroken()).isTrue();
            assertThat(rejected.reason()).startsWith("SMTP server said: 535").doesNotContain("wrong-password-fake-987");
        });
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void withoutTheTestTrustTheSelfSignedCertificateIsNotTrusted() {
        EmailSender sender = new EmailSender(config(Security.TLS, smtpsPort(), PASSWORD), clock);

        assertThat(deliver(sender)).isInstanceOfSatisfying(RetryLater.class,
                retry -> assertThat(retry.reason()).contains("not reached"));
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerWithoutStartTlsIsRefusedBeforeTheCredentialsLeave() {
        EmailSender sender = new EmailSender(config(Security.STARTTLS, smtpPort(), PASSWORD), clock,
                TestTls.clientTrustingGreenMail());

        assertThat(deliver(sender)).isEqualTo(new Rejected(
                "127.0.0.1:" + smtpPort() + " does not offer STARTTLS, and the channel requires it", true));
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void plainSmtpWithoutAuthIsForLocalRelays() throws Exception {
        EmailChannelConfig relay = new EmailChannelConfig("ops-email", "127.0.0.1", smtpPort(), Security.NONE, "",
                Secret.none(), FROM, List.of(TO), Duration.ofSeconds(5));

        assertThat(deliver(new EmailSender(relay, clock))).isEqualTo(new Delivered());
        assertThat(single().getAllRecipients()[0].toString()).isEqualTo(TO);
    }

    @Test
    void aUsernameWithoutPasswordBreaksTheChannelAndNamesTheVariable() {
        EmailChannelConfig config = new EmailChannelConfig("ops-email", "127.0.0.1", smtpsPort(), Security.TLS, LOGIN,
                Secret.fromVariable("", "SMTP_PASSWORD"), FROM, List.of(TO), Duration.ofSeconds(5));

        assertThat(deliver(new EmailSender(config, clock))).isEqualTo(new Rejected("no SMTP password: set SMTP_PASSWORD", true));
    }

    static EmailChannelConfig config(Security security, int port, String password) {
        return new EmailChannelConfig("ops-email", "127.0.0.1", port, security, LOGIN, Secret.of(password), FROM,
                List.of(TO), Duration.ofSeconds(5));
    }

    private DeliveryOutcome deliver(EmailSender sender) {
        DeliveryOutcome outcome = sender.deliver(notification);
        outcomes.add(outcome);
        return outcome;
    }

    private static MimeMessage single() {
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static int smtpPort() {
        return GREEN_MAIL.getSmtp().getPort();
    }

    private static int smtpsPort() {
        return GREEN_MAIL.getSmtps().getPort();
    }

    private static String part(Multipart parts, int index) throws Exception {
        return parts.getBodyPart(index).getContentType();
    }

    private static String text(Multipart parts, int index) throws Exception {
        BodyPart part = parts.getBodyPart(index);
        return (String) part.getContent();
    }
}

package io.sentinel.alert.email;

import io.sentinel.alert.ChannelSender;
import io.sentinel.alert.DeliveryOutcome;
import io.sentinel.alert.DeliveryOutcome.Delivered;
import io.sentinel.alert.DeliveryOutcome.Rejected;
import io.sentinel.alert.DeliveryOutcome.RetryLater;
import io.sentinel.alert.Notification;
import io.sentinel.config.EmailChannelConfig;
import io.sentinel.secret.Redactor;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications as email over SMTP with Jakarta Mail: one connection per notification (alerts are rare,
 * and a connection kept open would go stale between them), one session per sender.
 */
public final class EmailSender implements ChannelSender {

    private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);

    private final EmailChannelConfig config;
    private final Clock clock;
    private final Session session;
    private final String server;

    /** Trusts the JVM's trust store, and checks that the server's certificate names the configured host. */
    public EmailSender(EmailChannelConfig config, Clock clock) {
        this(config, clock, Optional.empty());
    }

    /** For tests: trusts the certificates of {@code testTrust} (a test server's self-signed one) instead. */
    EmailSender(EmailChannelConfig config, Clock clock, SSLSocketFactory testTrust) {
        this(config, clock, Optional.of(testTrust));
    }

    private EmailSender(EmailChannelConfig config, Clock clock, Optional<SSLSocketFactory> trust) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.session = SmtpSessions.create(config, trust);
        this.server = config.host() + ":" + config.port();
        // a server refusing the login may quote the AUTH data back: base64 of user and password together
        if (!config.username().isEmpty()) {
            Redactor.global().registerLogin(config.username(), config.password().value());
        }
    }

    @Override
    public String channelId() {
        return config.id();
    }

    /** One email for every notification given. */
    @Override
    public DeliveryOutcome deliver(List<Notification> notifications) {
        if (!config.username().isEmpty() && !config.password().isPresent()) {
            return new Rejected("no SMTP password: " + config.password().howToSet("password"), true);
        }
        if (config.to().isEmpty()) {
            return new Rejected("no recipients: configure to", true);
        }
        List<InternetAddress> recipients = new ArrayList<>();
        for (String recipient : config.to()) {
            Optional<InternetAddress> address = address(recipient);
            if (address.isEmpty()) {
                return new Rejected("invalid recipient address '" + recipient + "': configure to", true);
            }
            recipients.add(address.get());
        }
        Optional<InternetAddress> from = address(config.from());
        if (from.isEmpty()) {
            return new Rejected("invalid from address '" + config.from() + "': configure from", true);
        }
        try {
            send(EmailMessage.render(notifications, clock.instant()), from.get(), recipients);
            return new Delivered();
        } catch (SendFailedException partly) {
            if (partly.getValidSentAddresses() != null && partly.getValidSentAddresses().length > 0) {
                // Delivered to someone is delivered: resending would duplicate it for everyone who has it.
                LOG.warn("Email channel {}: {} refused by {}: {}", config.id(), addresses(partly.getInvalidAddresses()),
                        server, SmtpFailures.detail(partly));
                return new Delivered();
            }
            return SmtpFailures.outcome(partly, server);
        } catch (MessagingException failed) {
            return SmtpFailures.outcome(failed, server);
        } catch (RuntimeException unexpected) {
            // The contract is never to throw. A failure that is not the channel's (a rendering bug) would fail the
            // same way on every retry and, with channel-wide backoff, hold every later message behind it: this one
            // message is refused, and its content goes out over the other channels.
            return new Rejected("Email could not send this alert: " + Redactor.global().describe(unexpected), false);
        }
    }

    private void send(EmailMessage email, InternetAddress from, List<InternetAddress> recipients) throws MessagingException {
        Transport transport = session.getTransport(SmtpSessions.protocol(config));
        try {
            if (config.username().isEmpty()) {
                transport.connect(config.host(), config.port(), null, null);
            } else {
                transport.connect(config.host(), config.port(), config.username(), config.password().value());
            }
            transport.sendMessage(email.toMimeMessage(session, from, recipients), recipients.toArray(Address[]::new));
        } finally {
            closeQuietly(transport);
        }
    }

    /** The message is accepted (or already failed) by now: a server hanging up before answering QUIT changes nothing. */
    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // nothing left to release
        }
    }

    private static Optional<InternetAddress> address(String text) {
        try {
            return Optional.of(new InternetAddress(text, true));
        } catch (AddressException invalid) {
            return Optional.empty();
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "[]" : Arrays.toString(addresses);
    }
}

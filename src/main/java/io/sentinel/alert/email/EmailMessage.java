package io.sentinel.alert.email;

import io.sentinel.alert.Notification;
import io.sentinel.alert.NotificationContent;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One alert email, rendered. Subjects follow one scheme so mail rules can sort them:
 *
 * <pre>
 * [Sentinel][CRITICAL] supabase-db DOWN              a firing alert
 * [Sentinel][CRITICAL] RESOLVED supabase-db UP       its end
 * [Sentinel][CRITICAL] REMINDER supabase-db DOWN     still firing after the reminder interval
 * [Sentinel][HIGH] Slack channel ops-slack broken    another channel refused for good (always HIGH)
 * </pre>
 *
 * {@code [Sentinel]} then {@code [SEVERITY]} always come first; {@code RESOLVED} or {@code REMINDER}, when
 * present, is the next word; the title ends the line. Several notifications sent together are one email,
 * {@code [Sentinel][CRITICAL] 12 alerts firing: fn-a DOWN, fn-b DOWN, …}, whose body has one part per alert,
 * each with its key; the key header then lists every key.
 *
 * @param subject   one line, as above
 * @param plainText the text/plain part
 * @param html      the text/html part, with the same content
 * @param messageId derived from the notification's key, so a resend after a crash carries the same id
 * @param date      the {@code Date} header
 * @param key       the notification's idempotency key, also sent as {@link #KEY_HEADER}
 */
public record EmailMessage(String subject, String plainText, String html, String messageId, Instant date, String key) {

    public static final String SUBJECT_PREFIX = "[Sentinel]";
    public static final String KEY_HEADER = "X-Sentinel-Key";
    /** 128 bits of the key's SHA-256: unique enough, and short enough to read in a header. */
    private static final int MESSAGE_ID_HEX_DIGITS = 32;
    private static final int MAX_SUBJECT = 200;

    public EmailMessage {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(plainText, "plainText");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(key, "key");
        if (subject.contains("\n") || subject.contains("\r") || key.contains("\n") || key.contains("\r")) {
            throw new IllegalArgumentException("subject and key must be single lines");
        }
    }

    /**
     * @param notification what to say
     * @param now          the moment of rendering: relative times and the {@code Date} header
     */
    public static EmailMessage render(Notification notification, Instant now) {
        NotificationContent content = NotificationContent.of(notification, now);
        String subject = oneLine(SUBJECT_PREFIX + content.taggedTitle());
        return new EmailMessage(subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT - 1) + "…",
                EmailBodies.plainText(content), EmailBodies.html(content), messageIdFor(notification.key()), now,
                oneLine(content.key()));
    }

    /**
     * One email for every notification given, in the order given; a single notification renders exactly as
     * {@link #render(Notification, Instant)} does.
     */
    public static EmailMessage render(List<Notification> notifications, Instant now) {
        if (notifications.isEmpty()) {
            throw new IllegalArgumentException("a message needs at least one notification");
        }
        if (notifications.size() == 1) {
            return render(notifications.get(0), now);
        }
        List<NotificationContent> contents = notifications.stream().map(n -> NotificationContent.of(n, now)).toList();
        String severity = contents.stream().map(NotificationContent::severity).min(java.util.Comparator.naturalOrder())
                .orElseThrow().name();
        String titles = String.join(", ", contents.stream().map(NotificationContent::title).toList());
        String subject = oneLine(SUBJECT_PREFIX + "[" + severity + "] " + NotificationContent.count(contents) + ": " + titles);
        String keys = String.join(", ", contents.stream().map(content -> oneLine(content.key())).toList());
        return new EmailMessage(subject.length() <= MAX_SUBJECT ? subject : subject.substring(0, MAX_SUBJECT - 1) + "…",
                EmailBodies.plainText(contents), EmailBodies.html(contents),
                messageIdFor(String.join("\n", notifications.stream().map(Notification::key).toList())), now, keys);
    }

    /** {@code <first 32 hex digits of SHA-256(key)@sentinel>}. */
    public static String messageIdFor(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(digest).substring(0, MESSAGE_ID_HEX_DIGITS) + "@sentinel>";
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** A multipart/alternative message, plain text first so that clients prefer the HTML part. */
    MimeMessage toMimeMessage(Session session, InternetAddress from, List<InternetAddress> recipients) throws MessagingException {
        MimeMessage message = new StableIdMessage(session, messageId);
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, recipients.toArray(InternetAddress[]::new));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(date));
        // RFC 3834: vacation responders and ticket systems must not answer an alert.
        message.setHeader("Auto-Submitted", "auto-generated");
        // a message of several notifications lists every key: folded, as a header line may not exceed 998 characters
        message.setHeader(KEY_HEADER, MimeUtility.fold(KEY_HEADER.length() + 2, key));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(plainText, StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart page = new MimeBodyPart();
        page.setText(html, StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(text);
        alternatives.addBodyPart(page);
        message.setContent(alternatives);
        message.saveChanges();
        return message;
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /** Jakarta Mail replaces the Message-ID with a random one on every save; this keeps the derived one. */
    private static final class StableIdMessage extends MimeMessage {

        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}

package io.sentinel.alert.email;

import io.sentinel.alert.DeliveryOutcome;
import io.sentinel.alert.DeliveryOutcome.Rejected;
import io.sentinel.alert.DeliveryOutcome.RetryLater;
import io.sentinel.secret.Redactor;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What an SMTP failure means for the notification. 4xx replies and failures to connect are passing; a 5xx
 * reply breaks the channel when every later message would get it too (credentials, TLS, the sender address,
 * every recipient, a server refusing us outright), and only rejects the message when the server refused this
 * message's content (552 too big, 554 at the end of DATA).
 */
final class SmtpFailures {

    /** 530 authentication or STARTTLS required, 534 mechanism too weak, 535 bad credentials, 538 encryption required. */
    private static final Set<Integer> SETUP_CODES = Set.of(530, 534, 535, 538);
    /** A reply code at the start of a server response (authentication failures carry it so). */
    private static final Pattern LEADING_CODE = Pattern.compile("^([2-5]\\d\\d)[ -]");
    /** A reply quoted after "response: ", as in Jakarta Mail's bad-greeting error. */
    private static final Pattern QUOTED_CODE = Pattern.compile("response: ([2-5]\\d\\d)\\b");
    private static final int MAX_DETAIL = 300;

    private SmtpFailures() {
    }

    static DeliveryOutcome outcome(MessagingException error, String server) {
        // Jakarta Mail reports refused recipients as a plain SendFailedException chaining one failure per address.
        if (error instanceof SendFailedException sendFailed && !(error instanceof SMTPSendFailedException)) {
            List<SMTPAddressFailedException> refusals = recipientFailures(sendFailed);
            if (!refusals.isEmpty()) {
                return recipientsRefused(refusals);
            }
        }
        Optional<Reply> reply = reply(error);
        if (reply.isEmpty()) {
            if (String.valueOf(error.getMessage()).contains("STARTTLS is required")) {
                return new Rejected(server + " does not offer STARTTLS, and the channel requires it", true);
            }
            return new RetryLater("SMTP server " + server + " not reached: " + detail(error), Optional.empty());
        }
        int code = reply.get().code();
        String said = "SMTP server said: " + reply.get().text();
        if (code < 500) {
            return new RetryLater(said, Optional.empty());
        }
        if (error instanceof AuthenticationFailedException || SETUP_CODES.contains(code)) {
            return new Rejected(said + " (check the channel's username, password and security)", true);
        }
        if (error instanceof SMTPSenderFailedException || isMailFrom(error)) {
            return new Rejected(said + " (the server will not send as this channel's from address)", true);
        }
        if (error instanceof SMTPSendFailedException) {
            return new Rejected(said + " (this message was refused)", false);
        }
        return new Rejected(said + " (the server refuses this channel)", true);
    }

    /** Every recipient was refused: passing when any refusal was 4xx, else no alert can reach anyone. */
    private static DeliveryOutcome recipientsRefused(List<SMTPAddressFailedException> refusals) {
        String said = "SMTP server refused every recipient: "
                + String.join("; ", refusals.stream().map(SmtpFailures::detail).toList());
        boolean passing = refusals.stream().anyMatch(refusal -> refusal.getReturnCode() < 500);
        return passing ? new RetryLater(said, Optional.empty()) : new Rejected(said, true);
    }

    private static List<SMTPAddressFailedException> recipientFailures(SendFailedException error) {
        List<SMTPAddressFailedException> refusals = new ArrayList<>();
        for (Exception next = error.getNextException(); next != null; ) {
            if (next instanceof SMTPAddressFailedException refusal) {
                refusals.add(refusal);
            }
            next = next instanceof MessagingException chained ? chained.getNextException() : null;
        }
        return refusals;
    }

    private static boolean isMailFrom(MessagingException error) {
        return error instanceof SMTPSendFailedException failed && failed.getCommand() != null
                && failed.getCommand().toUpperCase(Locale.ROOT).startsWith("MAIL");
    }

    /** The server's reply behind the failure: typed by Jakarta Mail, or quoted in its message. */
    private static Optional<Reply> reply(MessagingException error) {
        String message = oneLine(String.valueOf(error.getMessage()));
        if (error instanceof SMTPSendFailedException failed && failed.getReturnCode() > 0) {
            return Optional.of(new Reply(failed.getReturnCode(), message));
        }
        if (error instanceof SMTPSenderFailedException failed && failed.getReturnCode() > 0) {
            return Optional.of(new Reply(failed.getReturnCode(), message));
        }
        Matcher leading = LEADING_CODE.matcher(message);
        if (leading.find()) {
            return Optional.of(new Reply(Integer.parseInt(leading.group(1)), message));
        }
        Matcher quoted = QUOTED_CODE.matcher(message);
        return quoted.find()
                ? Optional.of(new Reply(Integer.parseInt(quoted.group(1)), message.substring(quoted.start(1))))
                : Optional.empty();
    }

    /**
     * An SMTP reply: its code, and its text on one line, redacted, then cut to a readable length. A 535 may
     * echo the AUTH data (base64 of user and password), which the redactor knows from {@link EmailSender}.
     */
    private record Reply(int code, String text) {
        Reply {
            text = Redactor.global().shorten(text, MAX_DETAIL);
        }
    }

    /** The most specific message in the chain, on one line, redacted. */
    static String detail(Throwable error) {
        Throwable innermost = error;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage() == null || innermost.getMessage().isBlank() ? error.getMessage() : innermost.getMessage();
        if (message == null || message.isBlank()) {
            message = innermost.getClass().getSimpleName();
        }
        return Redactor.global().shorten(oneLine(message), MAX_DETAIL);
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}

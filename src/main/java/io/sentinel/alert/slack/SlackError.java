package io.sentinel.alert.slack;

import java.util.Arrays;
import java.util.Optional;

/**
 * The plain-text error codes an incoming webhook answers with, and whether each means the webhook itself is
 * unusable (every later message would fail the same way) or only this message was refused.
 */
enum SlackError {

    NO_SERVICE("no_service", true, "the webhook is disabled, removed or invalid; create a new one"),
    INVALID_TOKEN("invalid_token", true, "the webhook's token was revoked; create a new webhook"),
    CHANNEL_NOT_FOUND("channel_not_found", true, "the webhook's channel no longer exists"),
    CHANNEL_IS_ARCHIVED("channel_is_archived", true, "the webhook's channel is archived"),
    ACTION_PROHIBITED("action_prohibited", true, "an admin restricted posting to the webhook's channel"),
    TEAM_DISABLED("team_disabled", true, "the Slack workspace is disabled"),
    NO_ACTIVE_HOOKS("no_active_hooks", true, "incoming webhooks are turned off for the app"),
    NO_SERVICE_ID("no_service_id", true, "the webhook URL is incomplete"),
    NO_TEAM("no_team", true, "the webhook URL names no workspace"),
    /**
     * A workspace setting, not a fault of the message: while only admins may post to #general, every message
     * to a webhook that posts there is refused, so the channel is as good as broken until someone changes the
     * setting or points the webhook elsewhere.
     */
    POSTING_TO_GENERAL_CHANNEL_DENIED("posting_to_general_channel_denied", true,
            "only admins may post to #general, where this webhook posts"),
    INVALID_PAYLOAD("invalid_payload", false, "Slack could not read this message"),
    NO_TEXT("no_text", false, "the message had no text"),
    USER_NOT_FOUND("user_not_found", false, "the user the message was addressed to does not exist"),
    TOO_MANY_ATTACHMENTS("too_many_attachments", false, "the message had too many attachments");

    private final String code;
    private final boolean channelBroken;
    private final String meaning;

    SlackError(String code, boolean channelBroken, String meaning) {
        this.code = code;
        this.channelBroken = channelBroken;
        this.meaning = meaning;
    }

    /** The error a response body names, if it is one of the known codes. */
    static Optional<SlackError> of(String body) {
        String code = body.strip();
        return Arrays.stream(values()).filter(error -> error.code.equals(code)).findFirst();
    }

    String code() {
        return code;
    }

    boolean channelBroken() {
        return channelBroken;
    }

    String meaning() {
        return meaning;
    }
}

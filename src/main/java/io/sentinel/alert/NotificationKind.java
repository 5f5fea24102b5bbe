package io.sentinel.alert;

/** Why a notification exists. */
public enum NotificationKind {
    /** A state change: FIRING or RESOLVED. */
    ALERT,
    /** The same alert again, because it is still firing after the reminder interval. */
    REMINDER,
    /** A channel refused a message for good (a deleted Slack webhook, SMTP 5xx): told over the other channels. */
    CHANNEL_BROKEN
}

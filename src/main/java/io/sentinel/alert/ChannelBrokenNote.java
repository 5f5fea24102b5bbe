package io.sentinel.alert;

import java.util.Objects;

/**
 * The note of a {@link NotificationKind#CHANNEL_BROKEN} notification: {@code Slack channel ops-slack broken:
 * no_service}. A notification has no field for the channel that broke (its own channel is the one that still
 * works), so the note carries it, and every channel titles the warning with the part before the colon.
 */
public final class ChannelBrokenNote {

    private static final String SEPARATOR = ": ";
    private static final String UNNAMED = "An alert channel broken";

    private ChannelBrokenNote() {
    }

    /**
     * @param channelType the broken channel's kind as people call it ({@code Slack}, {@code Email})
     * @param channelId   its configured id
     * @param reason      what it answered ({@code no_service}, {@code 535 5.7.8 authentication failed})
     */
    public static String of(String channelType, String channelId, String reason) {
        Objects.requireNonNull(channelType, "channelType");
        Objects.requireNonNull(channelId, "channelId");
        String title = channelType + " channel " + channelId + " broken";
        return reason == null || reason.isBlank() ? title : title + SEPARATOR + reason.strip();
    }

    /** The title inside a note: its first line up to the first {@code ": "}; a generic title for an empty note. */
    public static String title(String note) {
        if (note == null || note.isBlank()) {
            return UNNAMED;
        }
        String firstLine = note.strip().lines().findFirst().orElse("");
        int separator = firstLine.indexOf(SEPARATOR);
        return (separator > 0 ? firstLine.substring(0, separator) : firstLine).strip();
    }
}

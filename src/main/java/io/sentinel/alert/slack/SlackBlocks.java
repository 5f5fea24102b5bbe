package io.sentinel.alert.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sentinel.json.Json;
import java.util.List;

/** Block Kit blocks, each already within Slack's limits: callers pass escaped mrkdwn or plain text. */
final class SlackBlocks {

    private SlackBlocks() {
    }

    static ObjectNode header(String plainText) {
        ObjectNode block = block("header");
        ObjectNode text = block.putObject("text");
        text.put("type", "plain_text");
        text.put("text", SlackText.truncate(plainText, SlackText.HEADER_LIMIT));
        text.put("emoji", true);
        return block;
    }

    static ObjectNode section(String mrkdwn) {
        ObjectNode block = block("section");
        block.set("text", mrkdwn(SlackText.truncate(mrkdwn, SlackText.SECTION_LIMIT)));
        return block;
    }

    /** A section of label/value fields shown two abreast; only the first {@link SlackText#MAX_FIELDS} fit. */
    static ObjectNode fields(List<String> mrkdwnFields) {
        ObjectNode block = block("section");
        ArrayNode fields = block.putArray("fields");
        mrkdwnFields.stream()
                .limit(SlackText.MAX_FIELDS)
                .forEach(field -> fields.add(mrkdwn(SlackText.truncate(field, SlackText.FIELD_LIMIT))));
        return block;
    }

    /** Small grey print under the message. */
    static ObjectNode context(String mrkdwn) {
        ObjectNode block = block("context");
        block.putArray("elements").add(mrkdwn(SlackText.truncate(mrkdwn, SlackText.FIELD_LIMIT)));
        return block;
    }

    private static ObjectNode block(String type) {
        ObjectNode block = Json.mapper().createObjectNode();
        block.put("type", type);
        return block;
    }

    private static ObjectNode mrkdwn(String text) {
        ObjectNode object = Json.mapper().createObjectNode();
        object.put("type", "mrkdwn");
        object.put("text", text);
        return object;
    }
}

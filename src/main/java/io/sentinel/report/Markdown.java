package io.sentinel.report;

import java.util.regex.Pattern;

/** Text from records made safe for one line of Markdown. */
public final class Markdown {

    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");

    private Markdown() {
    }

    /** One line: line breaks inside a recorded message would end a list item or a table row early. */
    public static String line(String text) {
        return LINE_BREAKS.matcher(text == null ? "" : text).replaceAll(" ").strip();
    }

    /** A table cell: one line, with its pipes escaped so they do not start a new cell. */
    public static String cell(String text) {
        return line(text).replace("|", "\\|");
    }

    /** A blank a person fills in, marked so nobody mistakes it for a recorded fact. */
    public static String blank(String what) {
        return "_(to be written: " + what + ")_";
    }
}

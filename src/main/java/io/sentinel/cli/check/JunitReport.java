package io.sentinel.cli.check;

import io.sentinel.probe.Outcome;
import io.sentinel.probe.ProbeResult;
import java.io.StringWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The results as JUnit XML, the test report format CI systems read natively (GitLab, Jenkins, GitHub Actions
 * reporters, Azure DevOps): one test suite, one test case per check named by its id, its dependency as the class
 * name. A DOWN check is a {@code <failure>} whatever its severity (the exit code is what fails the job, and only
 * a critical one does that); SKIPPED is {@code <skipped>}; an UP or DEGRADED check passes, its message in
 * {@code <system-out>}.
 */
public final class JunitReport {

    static final String SUITE = "sentinel check";
    /** JUnit's schema: an xs:dateTime without zone, seconds always written (UTC here). */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private JunitReport() {
    }

    public static String render(CheckRun run) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            text.write("\n");
            xml.writeStartElement("testsuites");
            totals(xml, run);
            text.write("\n  ");
            xml.writeStartElement("testsuite");
            totals(xml, run);
            xml.writeAttribute("timestamp", TIMESTAMP.format(LocalDateTime.ofInstant(run.startedAt(), ZoneOffset.UTC)));
            for (CheckedResult checked : run.results()) {
                text.write("\n    ");
                testcase(xml, checked);
            }
            text.write("\n  ");
            xml.writeEndElement();
            text.write("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException impossible) {
            throw new IllegalStateException("writing XML to a string failed", impossible);
        }
        return text.append('\n').toString();
    }

    private static void totals(XMLStreamWriter xml, CheckRun run) throws XMLStreamException {
        xml.writeAttribute("name", SUITE);
        xml.writeAttribute("tests", String.valueOf(run.results().size()));
        xml.writeAttribute("failures", String.valueOf(run.count(Outcome.DOWN)));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", String.valueOf(run.count(Outcome.SKIPPED) + run.count(Outcome.SHORT_CIRCUITED)));
        xml.writeAttribute("time", seconds(run.took()));
    }

    private static void testcase(XMLStreamWriter xml, CheckedResult checked) throws XMLStreamException {
        ProbeResult result = checked.result();
        String message = clean(result.message());
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", clean(checked.check().dependency()));
        xml.writeAttribute("name", clean(checked.check().id()));
        xml.writeAttribute("time", seconds(result.latency()));
        switch (result.outcome()) {
            case DOWN -> {
                xml.writeStartElement("failure");
                xml.writeAttribute("type", result.failureClass().name());
                xml.writeAttribute("message", "[" + checked.check().severity().label() + "] " + message);
                xml.writeCharacters(describe(checked) + "\n" + result.failureClass().name() + ": " + message);
                xml.writeEndElement();
            }
            case SKIPPED, SHORT_CIRCUITED -> {
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", message);
            }
            case UP, DEGRADED -> {
                xml.writeStartElement("system-out");
                xml.writeCharacters(result.outcome().name() + ": " + message);
                xml.writeEndElement();
            }
        }
        xml.writeEndElement();
    }

    private static String describe(CheckedResult checked) {
        return "check " + checked.check().id() + " (kind " + checked.check().kind() + ", severity "
                + checked.check().severity().label() + ", dependency " + checked.check().dependency() + ")"
                + (checked.result().httpStatus() == 0 ? "" : ", HTTP " + checked.result().httpStatus());
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
    }

    /** XML 1.0 cannot carry most control characters, even escaped: a message that has one would make the file unreadable. */
    static String clean(String text) {
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().forEach(point -> cleaned.appendCodePoint(allowed(point) ? point : '?'));
        return cleaned.toString();
    }

    private static boolean allowed(int point) {
        return point == 0x9 || point == 0xA || point == 0xD || (point >= 0x20 && point <= 0xD7FF)
                || (point >= 0xE000 && point <= 0xFFFD) || (point >= 0x10000 && point <= 0x10FFFF);
    }
}

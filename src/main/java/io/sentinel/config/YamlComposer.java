package io.sentinel.config;

import java.io.Reader;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Turns configuration text into a YAML node tree, with limits that keep a damaged or hostile file cheap to
 * refuse: a nesting depth (SnakeYAML Engine 3.0 has no setting for it, and its composer recurses once per
 * level, so 5,000 brackets overflow the stack), the file size in code points, and aliases to collections.
 */
final class YamlComposer {

    /** Sentinel's own configuration nests about six levels deep; fifty leaves room for any layout. */
    static final int MAX_DEPTH = 50;
    /** Enough for shared blocks of headers or options; billion-laughs files need far more. */
    static final int MAX_COLLECTION_ALIASES = 50;

    private YamlComposer() {
    }

    /** The root node, or empty for an empty file; problems are reported to {@code context}. */
    static Optional<Node> compose(ReadContext context, String yaml) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(context.file().toString())
                .setAllowDuplicateKeys(true) // reported by ConfigSection with both positions
                .setCodePointLimit(ConfigText.MAX_BYTES)
                .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
                .setAllowRecursiveKeys(false)
                .build();
        try {
            Parser parser = new DepthLimitedParser(new ParserImpl(settings,
                    new StreamReader(settings, new WholeCharacters(yaml))));
            return new Composer(settings, parser).getSingleNode();
        } catch (TooDeep tooDeep) {
            context.problem(tooDeep.mark, "the YAML nests more than " + MAX_DEPTH + " levels deep here",
                    "a configuration needs about six levels: look for unclosed or repeated [ or { brackets");
        } catch (ReaderException unprintable) {
            int[] position = ConfigText.lineAndColumn(yaml, unprintable.getPosition());
            context.problem(position[0], position[1], "the file contains the character "
                    + String.format("U+%04X", unprintable.getCodePoint()) + ", which YAML does not allow",
                    "remove it; save the file as plain UTF-8 text");
        } catch (MarkedYamlEngineException syntax) {
            String problem = syntax.getProblem() == null ? "invalid YAML" : syntax.getProblem();
            context.problem(syntax.getProblemMark().or(syntax::getContextMark),
                    "YAML syntax error: " + problem,
                    "check the indentation and quoting on this line and the one before");
        } catch (YamlEngineException syntax) {
            context.problem(Optional.empty(), "YAML syntax error: " + syntax.getMessage(), "fix the YAML syntax");
        } catch (StackOverflowError tooDeep) {
            // not expected with the depth limit, but a thread with a small stack must still get an answer
            context.problem(Optional.empty(), "the YAML is nested too deeply to read",
                    "a configuration needs about six levels: look for unclosed or repeated [ or { brackets");
        }
        return Optional.empty();
    }

    /**
     * The text for SnakeYAML Engine's reader, never cut between the two halves of a character outside the Basic
     * Multilingual Plane (an emoji). Its reader fills a buffer of 1,025 chars and, when the last one is a high
     * surrogate, reads one more into the same full buffer: an {@link IndexOutOfBoundsException} (3.0.1; the same
     * in jackson-dataformats-text#508 and networknt/json-schema-validator#1231). A read that would end on a high
     * surrogate here stops one char short, so the pair arrives in the next read.
     */
    static final class WholeCharacters extends Reader {
        private final String text;
        private int next;

        WholeCharacters(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            if (length == 0) {
                return 0;
            }
            if (next >= text.length()) {
                return -1;
            }
            int count = Math.min(length, text.length() - next);
            if (count > 1 && Character.isHighSurrogate(text.charAt(next + count - 1))) {
                count--;
            }
            text.getChars(next, next + count, buffer, offset);
            next += count;
            return count;
        }

        @Override
        public void close() {
            // nothing to release: the text is in memory
        }
    }

    /** Thrown on the event that opens one level too many. */
    private static final class TooDeep extends RuntimeException {
        private final transient Optional<Mark> mark;

        TooDeep(Optional<Mark> mark) {
            super(null, null, false, false);
            this.mark = mark;
        }
    }

    /** Passes events through, counting open mappings and sequences, and stops at {@link #MAX_DEPTH}. */
    private static final class DepthLimitedParser implements Parser {
        private final Parser parser;
        private int depth;

        DepthLimitedParser(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID choice) {
            return parser.checkEvent(choice);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            Event event = parser.next();
            switch (event.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        throw new TooDeep(event.getStartMark());
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                default -> {
                    // scalars, aliases, documents: no change in depth
                }
            }
            return event;
        }
    }
}

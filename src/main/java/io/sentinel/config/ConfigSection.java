package io.sentinel.config;

import io.sentinel.secret.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One YAML mapping of the configuration, read field by field. Every read names the key it expects, so that
 * {@link #finish()} can report the keys nobody asked for (with the nearest known one as a suggestion).
 * A bad value is recorded as a problem with its line and column and read as absent, so that one pass
 * reports everything that is wrong, not just the first thing.
 */
public final class ConfigSection {


    /** The longest a duration may be when its reader names no maximum: a day covers every timeout and wait. */
    static final Duration LONGEST_SETTING = Duration.ofDays(1);

    /** In a fixed order, so messages read the same every time ("use http or https"). */
    private static final Set<String> HTTP_SCHEMES = new LinkedHashSet<>(List.of("http", "https"));

    private final ReadContext context;
    private final MappingNode node;
    private final String path;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    ConfigSection(ReadContext context, MappingNode node, String path) {
        this.context = context;
        this.node = node;
        this.path = path;
        for (NodeTuple tuple : node.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
            if (key == null) {
                context.problem(tuple.getKeyNode(), "keys must be plain words", "write key: value");
            } else if (entries.putIfAbsent(key, tuple) != null) {
                context.problem(tuple.getKeyNode(), "'" + key + "' appears twice in " + describe(),
                        "keep one of them");
            }
        }
    }

    /** Where this section is, for messages: {@code checks[2]} or {@code server}. */
    public String path() {
        return path;
    }

    public boolean has(String key) {
        known.add(key);
        return entries.containsKey(key) && !isNull(entries.get(key).getValueNode());
    }

    /** The keys present, in file order, marking them all as known: for free-form maps such as headers. */
    public Set<String> keys() {
        known.addAll(entries.keySet());
        return entries.keySet();
    }

    public Optional<String> text(String key) {
        return scalar(key).map(scalar -> interpolate(key, scalar).value());
    }

    public String text(String key, String fallback) {
        return text(key).orElse(fallback);
    }

    public Optional<String> requiredText(String key, String example) {
        Optional<String> value = text(key);
        if (value.isEmpty() || value.get().isBlank()) {
            if (entries.containsKey(key) && !isNull(entries.get(key).getValueNode())) {
                context.problem(valueNode(key), "'" + key + "' in " + describe() + " is empty", "for example " + example);
            } else if (!entries.containsKey(key) || isNull(entries.get(key).getValueNode())) {
                missing(key, example);
            }
            return Optional.empty();
        }
        return value;
    }

    /**
     * A credential. Its value is registered with the redactor at once, and the environment variable it came
     * from is kept so that a missing credential can be named.
     */
    public Secret secret(String key) {
        Optional<ScalarNode> scalar = scalar(key);
        if (scalar.isEmpty()) {
            return Secret.none();
        }
        EnvInterpolator.Interpolated value = interpolate(key, scalar.get());
        return value.soleVariable()
                .map(variable -> Secret.fromVariable(value.value(), variable))
                .orElseGet(() -> Secret.of(value.value()));
    }

    /** A duration from {@code minimum} to {@code maximum}; a value outside is reported and read as absent. */
    public Optional<Duration> duration(String key, Duration minimum, Duration maximum) {
        return parsed(key, ValueParsers.duration(minimum, maximum));
    }

    public Duration duration(String key, Duration minimum, Duration maximum, Duration fallback) {
        return duration(key, minimum, maximum).orElse(fallback);
    }

    /**
     * A duration of at least {@code minimum} and at most {@link #LONGEST_SETTING}, for settings whose reader
     * names no maximum of its own; reports and returns the fallback otherwise.
     */
    public Duration durationAtLeast(String key, Duration minimum, Duration fallback) {
        return duration(key, minimum, LONGEST_SETTING, fallback);
    }

    /** A count from 1 to {@code maximum} (probes, calls, trials); reports and returns the fallback otherwise. */
    public int count(String key, int maximum, int fallback) {
        return parsed(key, ValueParsers.count(maximum, fallback)).orElse(fallback);
    }

    /** A whole number from {@code minimum} to {@code maximum}; reports and returns the fallback otherwise. */
    public int intInRange(String key, int minimum, int maximum, int fallback) {
        return parsed(key, ValueParsers.wholeNumber(minimum, maximum, fallback)).orElse(fallback);
    }

    /**
     * A decimal number from {@code minimum} to {@code maximum}, both included; a value outside is reported
     * and read as absent.
     *
     * @param hint what the number means, with an example, e.g. "US dollars per probe, e.g. costPerCall: 0.015"
     */
    public Optional<Double> number(String key, double minimum, double maximum, String hint) {
        return parsed(key, ValueParsers.number(minimum, maximum, hint));
    }

    /** A percentage in (0, 100]. */
    public float percent(String key, float fallback) {
        return parsed(key, ValueParsers.percentage()).orElse(fallback);
    }

    public boolean bool(String key, boolean fallback) {
        return parsed(key, ValueParsers.BOOLEAN).orElse(fallback);
    }

    /** One of a fixed set of words, matched without regard to case. */
    public <E extends Enum<E>> Optional<E> choice(String key, Class<E> type) {
        return parsed(key, ValueParsers.choice(type));
    }

    /** A word from an open-ended set that the caller knows, such as check kinds or channel types. */
    public Optional<String> oneOf(String key, Set<String> allowed) {
        return parsed(key, ValueParsers.oneOf(allowed));
    }

    /** An absolute http(s) URL. */
    public Optional<URI> httpUrl(String key) {
        return url(key, HTTP_SCHEMES);
    }

    /** An absolute URL with one of {@code schemes}; an empty value reads as absent. */
    public Optional<URI> url(String key, Set<String> schemes) {
        return parsed(key, ValueParsers.url(schemes));
    }

    /** The value at {@code key} as written in the file, before {@code ${VAR}} is replaced: what messages may quote. */
    public Optional<String> written(String key) {
        return scalar(key).map(ScalarNode::getValue);
    }

    /** The value at {@code key}, parsed; a value the parser rejects is reported at its line and read as absent. */
    private <T> Optional<T> parsed(String key, ValueParsers.ValueParser<T> parser) {
        return scalar(key).flatMap(scalar -> {
            String text = interpolate(key, scalar).value().strip();
            ValueParsers.Parsed<T> result = parser.parse(new ValueParsers.Input(key, text, scalar.getValue()));
            result.rejection().ifPresent(rejection -> context.problem(scalar, rejection.message(), rejection.hint()));
            return result.value();
        });
    }

    /** A map of strings, such as HTTP headers. */
    public Map<String, String> textMap(String key) {
        Optional<ConfigSection> section = section(key);
        if (section.isEmpty()) {
            return Map.of();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : section.get().keys()) {
            section.get().scalar(name).ifPresent(scalar -> {
                values.put(name, section.get().interpolate(name, scalar).value());
            });
        }
        return values;
    }

    public List<String> textList(String key) {
        Node value = valueNode(key);
        if (value == null || isNull(value)) {
            return List.of();
        }
        if (value instanceof ScalarNode scalar) {
            return List.of(interpolate(key, scalar).value());
        }
        if (!(value instanceof SequenceNode sequence)) {
            context.problem(value, "'" + key + "' must be a list of values", "write " + key + ": [a, b]");
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar) {
                items.add(interpolate(key, scalar).value());
            } else {
                context.problem(item, "each item of '" + key + "' must be a single value", "write " + key + ": [a, b]");
            }
        }
        return items;
    }

    /**
     * Positions of the items of a list, for callers that report problems per item. Items that are not single
     * values are reported and skipped: in YAML an unquoted {@code [STATUS]} is a list, not text.
     */
    public List<ScalarNode> scalarList(String key) {
        Node value = valueNode(key);
        if (value == null || isNull(value)) {
            return List.of();
        }
        if (value instanceof ScalarNode scalar) {
            return List.of(scalar);
        }
        if (!(value instanceof SequenceNode sequence)) {
            context.problem(value, "'" + key + "' must be a list of values", "start each item with '- '");
            return List.of();
        }
        List<ScalarNode> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar) {
                items.add(scalar);
            } else {
                context.problem(item, "each item of '" + key + "' must be a single value",
                        "put the item in quotes: - \"…\"");
            }
        }
        return items;
    }

    public Optional<ConfigSection> section(String key) {
        Node value = valueNode(key);
        if (value == null || isNull(value)) {
            return Optional.empty();
        }
        if (value instanceof MappingNode mapping) {
            return Optional.of(new ConfigSection(context, mapping, path.isEmpty() ? key : path + "." + key));
        }
        context.problem(value, "'" + key + "' in " + describe() + " must be a mapping of keys to values",
                "indent its fields under " + key + ":");
        return Optional.empty();
    }

    /** A list of mappings, such as {@code checks}. Items that are not mappings are reported and skipped. */
    public List<ConfigSection> sections(String key) {
        Node value = valueNode(key);
        if (value == null || isNull(value)) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            context.problem(value, "'" + key + "' must be a list", "start each item with '- '");
            return List.of();
        }
        List<ConfigSection> items = new ArrayList<>();
        List<Node> nodes = sequence.getValue();
        for (int i = 0; i < nodes.size(); i++) {
            String itemPath = (path.isEmpty() ? key : path + "." + key) + "[" + i + "]";
            if (nodes.get(i) instanceof MappingNode mapping) {
                items.add(new ConfigSection(context, mapping, itemPath));
            } else {
                context.problem(nodes.get(i), "each item of '" + key + "' must be a mapping of keys to values",
                        "write '- id: …' followed by its fields");
            }
        }
        return items;
    }

    /** Reports a problem about the value at {@code key} (or this section when the key is absent). */
    public void problem(String key, String message, String hint) {
        Node at = valueNode(key);
        context.problem(at != null ? at : node, message, hint);
    }

    /** Reports a problem about this whole section. */
    public void problem(String message, String hint) {
        context.problem(node, message, hint);
    }

    /** Reports a problem at one node, for callers reading lists item by item. */
    public void problemAt(Node at, String message, String hint) {
        context.problem(at, message, hint);
    }

    /** Interpolates and returns the text of one list item. */
    public String textOf(ScalarNode scalar) {
        return interpolate("item", scalar).value();
    }

    /** Reports every key that no reader asked for, suggesting the nearest known key. */
    public void finish() {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!known.contains(entry.getKey())) {
                String typed = entry.getKey();
                String hint = Suggestions.nearest(typed, known)
                        .map(nearest -> "did you mean '" + nearest + "'?")
                        .orElse("allowed here: " + String.join(", ", known));
                context.problem(entry.getValue().getKeyNode(), "unknown key '" + typed + "' in " + describe(), hint);
            }
        }
    }

    /** Marks keys as allowed without reading them, for keys another reader handles. */
    public void allow(String... keys) {
        known.addAll(List.of(keys));
    }

    public Node node() {
        return node;
    }

    Optional<ScalarNode> scalar(String key) {
        known.add(key);
        Node value = valueNode(key);
        if (value == null || isNull(value)) {
            return Optional.empty();
        }
        if (value instanceof ScalarNode scalar) {
            return Optional.of(scalar);
        }
        String found = value instanceof SequenceNode ? "a list" : "a mapping";
        context.problem(value, "'" + key + "' in " + describe() + " must be a single value, found " + found,
                "write " + key + ": <value> on one line");
        return Optional.empty();
    }

    EnvInterpolator.Interpolated interpolate(String key, ScalarNode scalar) {
        EnvInterpolator.Interpolated value = context.interpolate(scalar);
        for (String variable : value.missing()) {
            context.problem(scalar, "environment variable " + variable + " (used by '" + key + "') is not set",
                    "export " + variable + ", or give a default: ${" + variable + ":default}");
        }
        return value;
    }

    private Node valueNode(String key) {
        known.add(key);
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    private void missing(String key, String example) {
        context.problem(node, "missing required field '" + key + "' in " + describe(), "add " + key + ": " + example);
    }

    private String describe() {
        return path.isEmpty() ? "the top level" : path;
    }

    static boolean isNull(Node value) {
        return value instanceof ScalarNode scalar
                && scalar.isPlain()
                && (scalar.getValue().isEmpty() || scalar.getValue().equals("~") || scalar.getValue().equals("null"));
    }

    /** Applies {@code reader} to the section at {@code key} if present, for optional nested groups. */
    public <T> Optional<T> read(String key, Function<ConfigSection, T> reader) {
        return section(key).map(section -> {
            T value = reader.apply(section);
            section.finish();
            return value;
        });
    }
}

package io.sentinel.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates real configuration files into broken ones, deterministically from a seed: values replaced with
 * huge, negative and odd numbers, overflowing durations, random unicode and {@code ${VAR}} references to a
 * planted secret; deep nesting, binary garbage, UTF-16 and Latin-1, truncation, duplicated keys and wrong
 * types. The same seed gives the same mutations on every machine, so a failure can be replayed by number.
 */
public final class ConfigFuzzer {

    /** What the environment holds while fuzzing: every value is a secret that must never be printed. */
    public static final Map<String, String> PLANTED_ENVIRONMENT = Map.of(
            "SECRET_VAR", "sk-live-planted-7f3a9c1e5b2d40aa",
            "SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T0PLANTED/B0PLANTED/XplantedWebhook9a8b",
            "SUPABASE_ANON_KEY", "eyJplanted.anon.key-5c2e9d1f7a3b",
            "HUNTER_API_KEY", "hunter-planted-key-31d9c0e2",
            "SENTINEL_ADMIN_TOKEN", "admin-planted-token-8e7f6a5b",
            "SENTINEL_DB_PASSWORD", "db-planted-pass-4d3c2b1a");
    /** A credential written into a URL in the file itself: masked in messages, like the environment's. */
    public static final String LITERAL_PASSWORD = "Lit3ral-Planted-Pass";

    /** The base files: the shipped configuration and the ones under {@code src/test/resources/config-fuzz}. */
    public static final List<String> BASES = List.of("config/sentinel.yaml", "config-fuzz/minimal.yaml",
            "config-fuzz/http-and-alerts.yaml", "config-fuzz/providers.yaml");

    /**
     * One mutated file.
     *
     * @param index       its number in the run, for replaying it
     * @param base        the file it was made from
     * @param description what was done to it
     * @param bytes       the file's content
     */
    public record Mutation(int index, String base, String description, byte[] bytes) {
        @Override
        public String toString() {
            return "#" + index + " of " + base + ": " + description;
        }
    }

    /**
     * A key and its value on one line, in block or flow style; a value with a {@code ${VAR}} reference is taken
     * whole. No repeated group: Java's regex engine recurses once per repetition of one.
     */
    private static final Pattern VALUE = Pattern.compile(
            "(?m)\\b([A-Za-z][\\w-]*): ([^,{}\\[\\]\\n#$]*\\$\\{[^}\\n]*}[^,{}\\[\\]\\n#]*|[^,{}\\[\\]\\n#]+)");
    /** Keys whose values are numbers or durations: a third of the replaced values land on one of these. */
    private static final List<String> NUMERIC_KEYS = List.of("interval", "timeout", "latencyLimit", "failureThreshold",
            "successThreshold", "costPerCall", "dailyBudget", "window", "minimumCalls", "failureRate", "slowCall",
            "slowCallRate", "waitInOpen", "halfOpenTrials", "reminderInterval", "retention", "port", "probeThreads", "below",
            "above", "exhaustsWithin", "expectStatus", "maxBundles", "connectTimeout", "maxBuildTime");
    private static final Pattern KEY_LINE = Pattern.compile("(?m)^( *)(- )?([A-Za-z][\\w-]*:.*)$");

    private final Random random;
    private final Map<String, String> bases;
    private final List<Operator> operators = List.of(
            new Operator("replace a value", 30, this::replaceValue),
            new Operator("nest deeply", 5, this::nestDeeply),
            new Operator("binary garbage", 4, this::binaryGarbage),
            new Operator("re-encode", 5, this::reencode),
            new Operator("truncate", 5, this::truncate),
            new Operator("duplicate a key", 5, this::duplicateKey),
            new Operator("wrong type", 6, this::wrongType),
            new Operator("delete or indent a line", 4, this::mangleLine),
            new Operator("credentials in the storage url", 4, this::storageUrl),
            new Operator("unicode", 5, this::unicode),
            new Operator("aliases and documents", 3, this::aliasesAndDocuments),
            new Operator("grow", 2, this::grow));
    private final int totalWeight = operators.stream().mapToInt(Operator::weight).sum();

    private record Operator(String name, int weight, BiFunction<byte[], StringBuilder, byte[]> apply) {
    }

    public ConfigFuzzer(long seed) {
        this.random = new Random(seed);
        this.bases = new LinkedHashMap<>();
        for (String base : BASES) {
            bases.put(base, read(base));
        }
    }

    /** {@code count} mutations; the shipped configuration is the base of about half of them. */
    public List<Mutation> mutations(int count) {
        List<Mutation> mutations = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            String base = random.nextBoolean() ? BASES.get(0) : BASES.get(1 + random.nextInt(BASES.size() - 1));
            byte[] bytes = bases.get(base).getBytes(StandardCharsets.UTF_8);
            StringBuilder description = new StringBuilder();
            int steps = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(3));
            for (int step = 0; step < steps; step++) {
                Operator operator = pick();
                if (!description.isEmpty()) {
                    description.append("; ");
                }
                description.append(operator.name()).append(": ");
                bytes = operator.apply().apply(bytes, description);
            }
            mutations.add(new Mutation(index, base, description.toString(), bytes));
        }
        return mutations;
    }

    /** Every form in which a planted secret could leak: whole, URL-encoded, base64, and its tail. */
    public static List<String> secretForms() {
        List<String> forms = new ArrayList<>();
        List<String> secrets = new ArrayList<>(PLANTED_ENVIRONMENT.values());
        secrets.add(LITERAL_PASSWORD);
        for (String secret : secrets) {
            forms.add(secret);
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            forms.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
            forms.add(secret.substring(secret.length() - 10));
        }
        return forms;
    }

    private Operator pick() {
        int ticket = random.nextInt(totalWeight);
        for (Operator operator : operators) {
            ticket -= operator.weight();
            if (ticket < 0) {
                return operator;
            }
        }
        throw new IllegalStateException("weights");
    }

    // ---- operators ---------------------------------------------------------------------------------------

    private byte[] replaceValue(byte[] bytes, StringBuilder description) {
        String text = text(bytes);
        boolean numeric = random.nextInt(3) == 0;
        List<int[]> values = new ArrayList<>();
        Matcher value = VALUE.matcher(text);
        while (value.find()) {
            if (!numeric || NUMERIC_KEYS.contains(value.group(1))) {
                values.add(new int[] {value.start(1), value.start(2), value.end(2)});
            }
        }
        if (values.isEmpty()) {
            description.append("no value found");
            return bytes;
        }
        int[] at = values.get(random.nextInt(values.size()));
        String odd = numeric ? numericValue() : oddValue();
        description.append(text, at[0], at[1]).append(shorten(odd));
        return bytes(text.substring(0, at[1]) + odd + text.substring(at[2]));
    }

    /** Odd numbers and durations, for the keys that hold them. */
    private String numericValue() {
        return switch (random.nextInt(3)) {
            case 0 -> oddValue(0);
            case 1 -> oddValue(1);
            default -> oddValue(2);
        };
    }

    private String oddValue() {
        return oddValue(random.nextInt(9));
    }

    private String oddValue(int kind) {
        return switch (kind) {
            case 0 -> pickOne("99999999999999d", "9223372036854775807ms", "9223372036854775808s", "106751991167301d",
                    "99999999999999999999999999999999d", "36501d", "8d", "0s", "0ms", "-5m", "1h1h1h", "5 minutes", "P1D",
                    "PT5M", "1.5s", "1s".repeat(3000), "5m" + "0".repeat(400));
            case 1 -> pickOne("9223372036854775807", "9223372036854775808", "-9223372036854775809", "2147483648",
                    "-2147483649", "99999999999999999999999999999", "9".repeat(2000), "-1", "-0", "+0", "0", "1001",
                    "65536", "0x1F", "0o17", "1_000", "1,000", "1e3", "1.5", "\u0661\u0662\u0663", "\uff15");
            case 2 -> pickOne("1e309", "-1e309", "1e-400", "NaN", "-NaN", "Infinity", "-Infinity", ".inf", "-.inf", ".nan",
                    "-0.0", "0.0", "1e2147483648", "4.9e-324", "1.7976931348623157e308", "0x1p3", "1d", "1f",
                    "9".repeat(500) + ".5", "0." + "0".repeat(500) + "1");
            case 3 -> pickOne("${SECRET_VAR}", "x${SECRET_VAR}x", "${SECRET_VAR:}", "${SECRET_VAR:5m}", "${SLACK_WEBHOOK_URL}",
                    "${UNSET_PLANTED_VAR}", "\"https://${SECRET_VAR}@example.com/x?token=${SECRET_VAR}\"", "$${SECRET_VAR}",
                    "${", "${SECRET_VAR", "\"${HUNTER_API_KEY} ${SENTINEL_ADMIN_TOKEN}\"", "${SUPABASE_ANON_KEY}",
                    "\"jdbc:postgresql://app:${SENTINEL_DB_PASSWORD}@db/x?password=${SECRET_VAR}\"");
            case 4 -> pickOne("", "~", "null", "true", "[a, b]", "{a: 1}", "[]", "{}", "\"\"", "'", "\"", "!!binary AAAA",
                    "!!python/object:os.system", "*undefined", "&anchor value", "|", ">", "- item", "? key", "%YAML 1.2");
            case 5 -> randomUnicode(1 + random.nextInt(40));
            case 6 -> pickOne("a".repeat(100_000), "a" + ".b".repeat(5000), "x" + "/a".repeat(3000),
                    "\"http://user:" + LITERAL_PASSWORD + "@host.example/x\"",
                    "\"https://h.example/x?password=" + LITERAL_PASSWORD + "&api_key=" + LITERAL_PASSWORD + "\"");
            case 7 -> String.valueOf(random.nextLong());
            default -> String.valueOf(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20) * (random.nextBoolean() ? 1 : -1));
        };
    }

    private byte[] nestDeeply(byte[] bytes, StringBuilder description) {
        int depth = pickOne(40, 60, 500, 5000, 20_000);
        String nested = switch (random.nextInt(4)) {
            case 0 -> "[".repeat(depth) + "]".repeat(depth);
            case 1 -> "[".repeat(depth);
            case 2 -> "{a: ".repeat(depth) + "1" + "}".repeat(depth);
            default -> {
                StringBuilder block = new StringBuilder("\n");
                for (int level = 1; level <= Math.min(depth, 1400); level++) {
                    block.append(" ".repeat(level)).append("k:\n");
                }
                yield block.toString();
            }
        };
        description.append(depth).append(" levels");
        return insertLine(bytes, pickOne("deep: ", "checks: ", "  headers: ", "- ") + nested);
    }

    private byte[] binaryGarbage(byte[] bytes, StringBuilder description) {
        byte[] garbage = new byte[1 + random.nextInt(4000)];
        random.nextBytes(garbage);
        if (random.nextBoolean()) {
            description.append(garbage.length).append(" random bytes instead of the file");
            return garbage;
        }
        int at = random.nextInt(bytes.length + 1);
        description.append(garbage.length).append(" random bytes at byte ").append(at);
        byte[] spliced = new byte[bytes.length + garbage.length];
        System.arraycopy(bytes, 0, spliced, 0, at);
        System.arraycopy(garbage, 0, spliced, at, garbage.length);
        System.arraycopy(bytes, at, spliced, at + garbage.length, bytes.length - at);
        return spliced;
    }

    private byte[] reencode(byte[] bytes, StringBuilder description) {
        String text = text(bytes).replaceFirst("description: ", "description: Café Zürich — ");
        Charset charset = pickOne(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
                Charset.forName("UTF-32"), StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"));
        description.append(charset.name());
        return text.getBytes(charset);
    }

    private byte[] truncate(byte[] bytes, StringBuilder description) {
        int at = random.nextInt(bytes.length + 1);
        description.append("at byte ").append(at);
        byte[] cut = new byte[at];
        System.arraycopy(bytes, 0, cut, 0, at);
        return cut;
    }

    private byte[] duplicateKey(byte[] bytes, StringBuilder description) {
        String text = text(bytes);
        List<int[]> lines = keyLines(text);
        if (lines.isEmpty()) {
            description.append("no key line");
            return bytes;
        }
        int[] line = lines.get(random.nextInt(lines.size()));
        String original = text.substring(line[0], line[1]);
        String copy = original.replaceFirst("- ", "  ");
        description.append(shorten(copy.strip()));
        return bytes(text.substring(0, line[1]) + "\n" + copy + text.substring(line[1]));
    }

    private byte[] wrongType(byte[] bytes, StringBuilder description) {
        String text = text(bytes);
        String section = pickOne("checks", "dependencies", "alerts", "server", "storage", "defaults", "channels",
                "routing", "breaker", "rules", "flapping", "headers");
        String replacement = pickOne("5", "[1, 2]", "{x: 1}", "\"text\"", "~", "[[[]]]");
        description.append(section).append(": ").append(replacement);
        return bytes(text.replaceFirst("(?m)^(\\s*-?\\s*)" + section + ":.*$", "$1" + section + ": " + Matcher.quoteReplacement(replacement)));
    }

    private byte[] mangleLine(byte[] bytes, StringBuilder description) {
        String text = text(bytes);
        List<int[]> lines = keyLines(text);
        if (lines.isEmpty()) {
            description.append("no key line");
            return bytes;
        }
        int[] line = lines.get(random.nextInt(lines.size()));
        if (random.nextBoolean()) {
            description.append("deleted ").append(shorten(text.substring(line[0], line[1]).strip()));
            return bytes(text.substring(0, line[0]) + text.substring(Math.min(text.length(), line[1] + 1)));
        }
        String indent = pickOne("\t", "   ", " ", "\u00a0");
        description.append("indented with ").append(indent.equals("\t") ? "a tab" : indent.length() + " odd spaces");
        return bytes(text.substring(0, line[0]) + indent + text.substring(line[0]));
    }

    private byte[] storageUrl(byte[] bytes, StringBuilder description) {
        String url = pickOne(
                "\"jdbc:postgresql://app:" + LITERAL_PASSWORD + "@db.example.com:5432/x\"",
                "\"jdbc:mysql://app:" + LITERAL_PASSWORD + "@db.example.com/x?password=" + LITERAL_PASSWORD + "\"",
                "\"jdbc:postgresql://db.example.com/x?user=a&password=" + LITERAL_PASSWORD + "&sslpassword=" + LITERAL_PASSWORD + "\"",
                "\"postgresql://app:${SECRET_VAR}@db.example.com/x\"",
                "\"jdbc:oracle:thin:app/${SENTINEL_DB_PASSWORD}@db:1521/x\"",
                "\"${SLACK_WEBHOOK_URL}\"");
        description.append(shorten(url));
        String text = text(bytes);
        String storage = "storage:\n  url: " + url + "\n";
        if (text.matches("(?s).*(?m)^storage:.*")) {
            return bytes(text.replaceFirst("(?m)^storage:\\s*\\n(\\s+url:.*\\n)?", Matcher.quoteReplacement(storage)));
        }
        return bytes(storage + text);
    }

    private byte[] unicode(byte[] bytes, StringBuilder description) {
        String text = text(bytes);
        int at = random.nextInt(text.length() + 1);
        String inserted = randomUnicode(1 + random.nextInt(20));
        description.append("at char ").append(at);
        return bytes(text.substring(0, at) + inserted + text.substring(at));
    }

    private byte[] aliasesAndDocuments(byte[] bytes, StringBuilder description) {
        String text = text(bytes);
        return switch (random.nextInt(4)) {
            case 0 -> {
                description.append("a second document");
                yield bytes(text + "\n---\n" + text);
            }
            case 1 -> {
                description.append("an undefined alias");
                yield bytes(text.replaceFirst("dependency: ", "dependency: *nothing #"));
            }
            case 2 -> {
                StringBuilder bomb = new StringBuilder("lol0: &l0 [x, x, x, x, x, x, x, x, x]\n");
                for (int level = 1; level < 12; level++) {
                    bomb.append("lol").append(level).append(": &l").append(level).append(" [")
                            .append(("*l" + (level - 1) + ", ").repeat(8)).append("*l").append(level - 1).append("]\n");
                }
                description.append("alias bomb");
                yield bytes(text + "\n" + bomb);
            }
            default -> {
                description.append("a recursive alias");
                yield bytes(text + "\nrecursive: &r [*r]\n");
            }
        };
    }

    private byte[] grow(byte[] bytes, StringBuilder description) {
        String text = text(bytes);
        if (random.nextBoolean()) {
            int times = 2 + (ConfigText.MAX_BYTES + 1) / Math.max(1, text.length());
            description.append("the file repeated ").append(times).append(" times");
            return bytes(text.repeat(times));
        }
        int length = pickOne(10_000, 200_000, 900_000);
        description.append("a comment of ").append(length).append(" characters");
        return bytes(text + "\n#" + "x".repeat(length) + "\n");
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private String randomUnicode(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            int codePoint = switch (kind) {
                case 0 -> random.nextInt(0x20); // control characters, NUL included
                case 1 -> 0x1F600 + random.nextInt(80); // emoji
                case 2 -> 0x0590 + random.nextInt(0x100); // Hebrew and Arabic: right to left
                case 3 -> pickOne(0x2028, 0x2029, 0xFEFF, 0x200B, 0x202E, 0xFFFD, 0xFFFE, 0x85);
                case 4 -> 0xD800 + random.nextInt(0x800); // a lone surrogate
                default -> 0x20 + random.nextInt(0x7F - 0x20);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    private List<int[]> keyLines(String text) {
        List<int[]> lines = new ArrayList<>();
        Matcher line = KEY_LINE.matcher(text);
        while (line.find()) {
            lines.add(new int[] {line.start(), line.end()});
        }
        return lines;
    }

    private byte[] insertLine(byte[] bytes, String line) {
        String text = text(bytes);
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            starts.add(i + 1);
        }
        int at = starts.get(random.nextInt(starts.size()));
        return bytes(text.substring(0, at) + line + "\n" + text.substring(at));
    }

    @SafeVarargs
    private <T> T pickOne(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String shorten(String text) {
        String oneLine = text.replace("\n", "\\n");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "…(" + oneLine.length() + " chars)" : oneLine;
    }

    /** Mutations work on text where they can; a file already turned into other bytes is read leniently. */
    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String read(String base) {
        try {
            if (base.startsWith("config/")) {
                return Files.readString(Path.of(base));
            }
            try (InputStream in = ConfigFuzzer.class.getResourceAsStream("/" + base)) {
                if (in == null) {
                    throw new IllegalStateException("no test resource " + base);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}

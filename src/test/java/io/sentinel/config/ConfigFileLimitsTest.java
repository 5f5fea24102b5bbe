package io.sentinel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.sentinel.daemon.BuiltInKinds;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is not a configuration file is refused as what it is: too large, nested too deep, UTF-16, binary or
 * not UTF-8. A missing or unreadable file still says so.
 */
class ConfigFileLimitsTest {

    @TempDir
    Path directory;

    private List<String> problemsOf(Path file) {
        InvalidConfigException invalid = catchThrowableOfType(InvalidConfigException.class,
                () -> new ConfigLoader(BuiltInKinds.index(), Map.<String, String>of()::get).load(file));
        assertThat(invalid).as("refused").isNotNull();
        return invalid.problems().stream().map(ConfigProblem::format).toList();
    }

    private Path write(byte[] bytes) throws IOException {
        return Files.write(directory.resolve("sentinel.yaml"), bytes);
    }

    private Path write(String text, Charset charset) throws IOException {
        return write(text.getBytes(charset));
    }

    @Test
    void aFileOfFourMegabytesIsRefusedBySizeWithoutBeingParsed() throws IOException {
        Path file = directory.resolve("sentinel.yaml");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] line = "  - {id: check, dependency: api, kind: http, url: \"https://x.example/\"}\n".getBytes(StandardCharsets.UTF_8);
            for (int written = 0; written < 4 * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }

        assertThat(problemsOf(file)).containsExactly(file + ":1:1: the file is larger than 1 MiB, the most a configuration may be"
                + " — a configuration is a few dozen kilobytes: check that --config names the right file");
    }

    @Test
    void aFileOfExactlyTheLimitIsParsed() throws IOException {
        String yaml = ConfigTexts.MINIMAL + "#".repeat(ConfigText.MAX_BYTES - ConfigTexts.MINIMAL.length());

        assertThat(yaml.getBytes(StandardCharsets.UTF_8)).hasSize(ConfigText.MAX_BYTES);
        assertThat(catchThrowableOfType(InvalidConfigException.class,
                () -> new ConfigLoader(BuiltInKinds.index(), Map.<String, String>of()::get).load(write(yaml, StandardCharsets.UTF_8))))
                .isNull();
    }

    @Test
    void fiveThousandNestedBracketsAreRefusedAtTheFirstLevelTooDeep() throws IOException {
        Path file = write("checks: " + "[".repeat(5000) + "]".repeat(5000) + "\n", StandardCharsets.UTF_8);

        assertThat(problemsOf(file)).containsExactly(file + ":1:58: the YAML nests more than 50 levels deep here"
                + " — a configuration needs about six levels: look for unclosed or repeated [ or { brackets");
    }

    @Test
    void deepBlockNestingAndDeepFlowMappingsAreRefusedToo() throws IOException {
        StringBuilder block = new StringBuilder();
        for (int level = 0; level < 1000; level++) {
            block.append(" ".repeat(level)).append("k:\n");
        }
        assertThat(problemsOf(write(block.toString(), StandardCharsets.UTF_8))).singleElement().asString()
                .contains(":51:").contains("nests more than 50 levels deep");
        assertThat(problemsOf(write("a: " + "{b: ".repeat(100_000), StandardCharsets.UTF_8))).singleElement().asString()
                .contains("nests more than 50 levels deep");
    }

    @Test
    void nestingUpToTheLimitIsStillRead() throws IOException {
        // the top-level mapping is the first level
        String deepest = "deep: " + "[".repeat(YamlComposer.MAX_DEPTH - 1) + "]".repeat(YamlComposer.MAX_DEPTH - 1) + "\n";
        String tooDeep = "deep: " + "[".repeat(YamlComposer.MAX_DEPTH) + "]".repeat(YamlComposer.MAX_DEPTH) + "\n";

        assertThat(problemsOf(write(ConfigTexts.MINIMAL + deepest, StandardCharsets.UTF_8)))
                .singleElement().asString().contains("unknown key 'deep'");
        assertThat(problemsOf(write(ConfigTexts.MINIMAL + tooDeep, StandardCharsets.UTF_8)))
                .singleElement().asString().contains("nests more than 50 levels deep");
    }

    @Test
    void aliasesThatMultiplyCollectionsAreRefused() throws IOException {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char name = 'b'; name <= 'j'; name++) {
            String previous = String.valueOf((char) (name - 1));
            bomb.append(name).append(": &").append(name).append(" [").append(("*" + previous + ", ").repeat(9))
                    .append('*').append(previous).append("]\n");
        }

        assertThat(problemsOf(write(bomb.toString(), StandardCharsets.UTF_8))).singleElement().asString()
                .contains("YAML syntax error").contains("aliases");
    }

    @Test
    void utf16WithAndWithoutByteOrderMarkIsNamedAsUtf16() throws IOException {
        String expected = ":1:1: the file is UTF-16 text, not UTF-8 — save it as UTF-8, e.g. iconv -f UTF-16 -t UTF-8";

        assertThat(problemsOf(write(ConfigTexts.MINIMAL, StandardCharsets.UTF_16))).singleElement().asString().contains(expected);
        assertThat(problemsOf(write(ConfigTexts.MINIMAL, StandardCharsets.UTF_16LE))).singleElement().asString().contains(expected);
        assertThat(problemsOf(write(ConfigTexts.MINIMAL, StandardCharsets.UTF_16BE))).singleElement().asString().contains(expected);
        assertThat(problemsOf(write(ConfigTexts.MINIMAL, Charset.forName("UTF-32")))).singleElement().asString()
                .contains(":1:1: the file is UTF-32 text, not UTF-8");
    }

    @Test
    void aBinaryFileIsNamedAsBinaryNotAsAPermissionProblem() throws IOException {
        byte[] garbage = new byte[3000];
        new Random(7).nextBytes(garbage);
        garbage[10] = 0;

        assertThat(problemsOf(write(garbage))).singleElement().asString()
                .contains(": binary file: byte ").doesNotContain("permission");
    }

    @Test
    void latin1TextIsNamedWithTheByteAndItsPosition() throws IOException {
        Path file = write("dependencies:\n  - id: api\n    description: Caf\u00e9 Zürich\n", StandardCharsets.ISO_8859_1);

        assertThat(problemsOf(file)).containsExactly(file + ":3:21: not UTF-8 text at byte 46 (0xE9) — save the file as UTF-8;"
                + " it may be Latin-1 or Windows-1252, e.g. iconv -f WINDOWS-1252 -t UTF-8");
    }

    @Test
    void anEmojiAcrossTheYamlReadersBufferBoundaryIsReadAsText() throws InvalidConfigException {
        String head = "dependencies:\n  - id: api\nchecks:\n  - id: home\n    dependency: api\n    kind: http\n"
                + "    url: https://api.example.com/health\n# ";
        for (int boundary : new int[] {1024, 1025, 2049}) {
            String yaml = head + "x".repeat(boundary - head.length()) + "\uD83D\uDE00 a comment with an emoji\n";
            assertThat(Character.isHighSurrogate(yaml.charAt(boundary))).isTrue();

            SentinelConfig config = new ConfigLoader(BuiltInKinds.index(), Map.<String, String>of()::get)
                    .parse(Path.of("sentinel.yaml"), yaml);

            assertThat(config.check("home")).as("emoji at char %d", boundary).isPresent();
        }
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() throws IOException {
        byte[] text = ConfigTexts.MINIMAL.getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[text.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withMark, 3, text.length);

        assertThat(catchThrowableOfType(InvalidConfigException.class,
                () -> new ConfigLoader(BuiltInKinds.index(), Map.<String, String>of()::get).load(write(withMark)))).isNull();
    }

    @Test
    void aControlCharacterIsNamedAtItsPosition() throws IOException {
        Path file = write("dependencies:\n  - id: a\u001bpi\n", StandardCharsets.UTF_8);

        assertThat(problemsOf(file)).containsExactly(file + ":2:10: the file contains the character U+001B,"
                + " which YAML does not allow — remove it; save the file as plain UTF-8 text");
    }

    @Test
    void aMissingFileADirectoryAndAnUnreadableFileAreNamedTruthfully() throws IOException {
        Path missing = directory.resolve("nope.yaml");
        assertThat(problemsOf(missing)).singleElement().asString().contains("nope.yaml:1:1: the file does not exist");
        assertThat(problemsOf(directory)).singleElement().asString().contains(":1:1: this is a directory, not a file");

        Path locked = write(ConfigTexts.MINIMAL, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "running as a user who reads any file (root)");
        assertThat(problemsOf(locked)).singleElement().asString().contains(":1:1: permission denied: this user may not read the file");
    }
}

package io.sentinel.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a configuration file as UTF-8 text, refusing what is not one with a problem that says so: a file too
 * large to be a configuration (read no further than the limit, so a 4 GB file or {@code /dev/zero} costs
 * nothing), UTF-16 text, a binary file, or bytes that are not UTF-8. Each is named as what it is, not as a
 * permission problem.
 */
public final class ConfigText {

    /** A full configuration is tens of kilobytes; a file over 1 MiB is the wrong file. */
    public static final int MAX_BYTES = 1024 * 1024;
    private static final String SIZE_LIMIT = "1 MiB";

    private ConfigText() {
    }

    /** The file's text, without a UTF-8 byte order mark. */
    public static String read(Path file) throws InvalidConfigException {
        if (Files.isDirectory(file)) {
            throw invalid(file, 1, 1, "this is a directory, not a file", "point --config (or SENTINEL_CONFIG) at the YAML file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (NoSuchFileException missing) {
            throw invalid(file, 1, 1, "the file does not exist",
                    "create it, or point --config (or SENTINEL_CONFIG) at an existing file");
        } catch (AccessDeniedException denied) {
            throw invalid(file, 1, 1, "permission denied: this user may not read the file",
                    "check its permissions and owner (ls -l), e.g. chmod a+r");
        } catch (FileSystemException | SecurityException unreadable) {
            String reason = unreadable instanceof FileSystemException system && system.getReason() != null
                    ? system.getReason() : unreadable.getClass().getSimpleName();
            throw invalid(file, 1, 1, "the file cannot be read: " + reason, "check the path and the file system");
        } catch (IOException unreadable) {
            throw invalid(file, 1, 1, "the file cannot be read: " + unreadable.getClass().getSimpleName(),
                    "check the path and the file system");
        }
        if (bytes.length > MAX_BYTES) {
            throw invalid(file, 1, 1, "the file is larger than " + SIZE_LIMIT + ", the most a configuration may be",
                    "a configuration is a few dozen kilobytes: check that --config names the right file");
        }
        return decode(file, bytes);
    }

    /** Refuses text that did not come from a file (the built-in configuration, tests) on the same limit. */
    static void requireWithinLimit(Path file, String text) throws InvalidConfigException {
        if (text.length() > MAX_BYTES) {
            throw invalid(file, 1, 1, "the configuration is larger than " + SIZE_LIMIT + ", the most a configuration may be",
                    "a configuration is a few dozen kilobytes");
        }
    }

    static String decode(Path file, byte[] bytes) throws InvalidConfigException {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return strictUtf8(file, bytes, 3);
        }
        if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00) || looksLikeUtf32(bytes)) {
            throw notUtf8(file, "the file is UTF-32 text, not UTF-8", "UTF-32");
        }
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE) || looksLikeUtf16(bytes)) {
            throw notUtf8(file, "the file is UTF-16 text, not UTF-8", "UTF-16");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                int[] position = lineAndColumn(bytes, i);
                throw invalid(file, position[0], position[1], "binary file: byte " + i + " is a NUL byte, which text never has",
                        "a configuration is YAML text: check that --config names the right file");
            }
        }
        return strictUtf8(file, bytes, 0);
    }

    /** Decodes, naming the first byte that is not UTF-8 with its line and column. */
    private static String strictUtf8(Path file, byte[] bytes, int start) throws InvalidConfigException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int[] position = lineAndColumn(bytes, offset);
            String value = String.format("0x%02X", bytes[offset] & 0xFF);
            if (looksBinary(bytes)) {
                throw invalid(file, position[0], position[1], "binary file: byte " + offset + " (" + value + ") is not UTF-8 text",
                        "a configuration is YAML text: check that --config names the right file");
            }
            throw invalid(file, position[0], position[1], "not UTF-8 text at byte " + offset + " (" + value + ")",
                    "save the file as UTF-8; it may be Latin-1 or Windows-1252, e.g. iconv -f WINDOWS-1252 -t UTF-8");
        }
        return out.flip().toString();
    }

    /** UTF-16 without a byte order mark: ASCII text with a zero byte beside almost every character. */
    private static boolean looksLikeUtf16(byte[] bytes) {
        int sample = Math.min(bytes.length, 512) & ~1;
        if (sample < 4) {
            return false;
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < sample; i++) {
            if (bytes[i] == 0) {
                if (i % 2 == 0) {
                    zeroEven++;
                } else {
                    zeroOdd++;
                }
            }
        }
        int pairs = sample / 2;
        return Math.max(zeroEven, zeroOdd) * 10 >= pairs * 8 && Math.min(zeroEven, zeroOdd) * 10 <= pairs;
    }

    /** UTF-32 without a byte order mark: three zero bytes beside almost every ASCII character. */
    private static boolean looksLikeUtf32(byte[] bytes) {
        int sample = Math.min(bytes.length, 512) & ~3;
        if (sample < 8) {
            return false;
        }
        int[] zeros = new int[4];
        for (int i = 0; i < sample; i++) {
            if (bytes[i] == 0) {
                zeros[i % 4]++;
            }
        }
        int units = sample / 4;
        int zeroColumns = 0;
        for (int column = 0; column < 4; column++) {
            if (zeros[column] * 10 >= units * 9) {
                zeroColumns++;
            }
        }
        return zeroColumns == 3;
    }

    /** Many control bytes early on: not text in any encoding. */
    private static boolean looksBinary(byte[] bytes) {
        int sample = Math.min(bytes.length, 4096);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                control++;
            }
        }
        return control * 20 > sample;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** 1-based line and column of a byte offset, counting columns in characters of the UTF-8 before it. */
    static int[] lineAndColumn(byte[] bytes, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\n') {
                line++;
                column = 1;
            } else if ((b & 0xC0) != 0x80) {
                column++; // continuation bytes belong to the character already counted
            }
        }
        return new int[] {line, column};
    }

    /** 1-based line and column of a code point index in {@code text}. */
    static int[] lineAndColumn(String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int index = 0;
        for (int i = 0; i < text.length() && index < codePointIndex; index++) {
            int codePoint = text.codePointAt(i);
            if (codePoint == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(codePoint);
        }
        return new int[] {line, column};
    }

    private static InvalidConfigException notUtf8(Path file, String message, String encoding) {
        return invalid(file, 1, 1, message, "save it as UTF-8, e.g. iconv -f " + encoding + " -t UTF-8 old.yaml > sentinel.yaml");
    }

    private static InvalidConfigException invalid(Path file, int line, int column, String message, String hint) {
        return new InvalidConfigException(List.of(new ConfigProblem(file, line, column, message, hint)));
    }
}

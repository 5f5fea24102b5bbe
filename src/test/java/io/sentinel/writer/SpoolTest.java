package io.sentinel.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    /** Lines are the items themselves; a line that is not a whole {@code {item N}} is damaged. */
    static final LineCodec<String> CODEC = LineCodec.of(item -> "{" + item + "}", line -> {
        if (!line.startsWith("{") || !line.endsWith("}")) {
            throw new IllegalArgumentException("torn line: " + line);
        }
        return line.substring(1, line.length() - 1);
    });

    @TempDir
    Path directory;

    @Test
    void spooledItemsReadBackInOrder() throws IOException {
        Spool<String> spool = new Spool<>(directory, "results", CODEC, false);

        spool.append(List.of("item 1", "item 2", "item 3"));

        assertThat(spool.size()).isEqualTo(3);
        assertThat(spool.file()).isEqualTo(directory.resolve("results.spool.jsonl"));
        assertThat(readAll(spool, spool.claim().orElseThrow())).containsExactly("item 1", "item 2", "item 3");
    }

    @Test
    void itemsSpooledDuringACopyGoToAFreshFile() throws IOException {
        Spool<String> spool = new Spool<>(directory, "results", CODEC, true);
        spool.append(List.of("item 1"));
        Spool.Claim claim = spool.claim().orElseThrow();

        spool.append(List.of("item 2"));
        spool.copied(claim);

        assertThat(spool.size()).isEqualTo(1);
        assertThat(readAll(spool, spool.claim().orElseThrow())).containsExactly("item 2");
    }

    @Test
    void aSpoolLeftByAnEarlierRunIsCountedAndAnInterruptedCopyComesFirst() throws IOException {
        Spool<String> earlier = new Spool<>(directory, "decisions", CODEC, true);
        earlier.append(List.of("item 1"));
        earlier.claim();
        earlier.append(List.of("item 2", "item 3"));

        Spool<String> restarted = new Spool<>(directory, "decisions", CODEC, true);

        assertThat(restarted.size()).isEqualTo(3);
        assertThat(restarted.readAll()).containsExactly("item 1", "item 2", "item 3");
        assertThat(readAll(restarted, restarted.claim().orElseThrow())).containsExactly("item 1");
    }

    @Test
    void aLineTornByACrashIsSkippedAndTheRestIsRead() throws IOException {
        Spool<String> spool = new Spool<>(directory, "outbox", CODEC, true);
        spool.append(List.of("item 1"));
        Files.writeString(spool.file(), "{item 2\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Spool<String> restarted = new Spool<>(directory, "outbox", CODEC, true);

        assertThat(restarted.size()).as("counted until a copy skips it").isEqualTo(2);
        assertThat(restarted.readAll()).containsExactly("item 1");
        assertThat(readAll(restarted, restarted.claim().orElseThrow())).containsExactly("item 1");
    }

    @Test
    void aClaimRewrittenAfterACopyThatStoppedPartWayHoldsOnlyWhatRemains() throws IOException {
        Spool<String> spool = new Spool<>(directory, "results", CODEC, false);
        spool.append(List.of("item 1", "item 2", "item 3"));
        Spool.Claim claim = spool.claim().orElseThrow();

        spool.rewrite(claim, List.of("item 3"));

        assertThat(spool.size()).isEqualTo(1);
        assertThat(readAll(spool, spool.claim().orElseThrow())).containsExactly("item 3");
    }

    @Test
    void rejectedItemsAreKeptApartAndNotCounted() throws IOException {
        Spool<String> spool = new Spool<>(directory, "results", CODEC, false);

        spool.reject("item 9");

        assertThat(spool.size()).isZero();
        assertThat(spool.rejectedFile()).hasContent("{item 9}");
    }

    private static List<String> readAll(Spool<String> spool, Spool.Claim claim) throws IOException {
        try (Stream<String> items = spool.read(claim)) {
            return items.toList();
        }
    }
}

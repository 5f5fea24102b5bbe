package io.sentinel.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.probe.ProbeResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultSpoolTest {

    private final ResultCodec json = new ResultCodec();

    @TempDir
    Path directory;

    @Test
    void spooledResultsReadBackInOrderWithEveryField() throws IOException {
        ResultSpool spool = new ResultSpool(directory, json);
        List<ProbeResult> results = List.of(TestResults.numbered("hunter-account", 1),
                TestResults.downAt("supabase-db", TestResults.T0), TestResults.numbered("hunter-account", 2));

        spool.append(results);

        assertThat(spool.size()).isEqualTo(3);
        assertThat(readAll(spool, spool.claim().orElseThrow())).isEqualTo(results);
    }

    @Test
    void resultsSpilledDuringAReplayGoToAFreshFile() throws IOException {
        ResultSpool spool = new ResultSpool(directory, json);
        spool.append(List.of(TestResults.numbered("hunter-account", 1)));
        ResultSpool.Claim claim = spool.claim().orElseThrow();

        spool.append(List.of(TestResults.numbered("hunter-account", 2)));
        spool.replayed(claim);

        assertThat(spool.size()).isEqualTo(1);
        assertThat(readAll(spool, spool.claim().orElseThrow()))
                .extracting(ProbeResult::message).containsExactly("result 2");
    }

    @Test
    void aSpoolLeftByAnEarlierRunIsCountedAndAnInterruptedReplayComesFirst() throws IOException {
        ResultSpool earlier = new ResultSpool(directory, json);
        earlier.append(List.of(TestResults.numbered("hunter-account", 1)));
        earlier.claim();
        earlier.append(List.of(TestResults.numbered("hunter-account", 2), TestResults.numbered("hunter-account", 3)));

        ResultSpool restarted = new ResultSpool(directory, json);

        assertThat(restarted.size()).isEqualTo(3);
        assertThat(readAll(restarted, restarted.claim().orElseThrow()))
                .extracting(ProbeResult::message).containsExactly("result 1");
    }

    @Test
    void aLineTornByACrashIsSkippedAndTheRestReplay() throws IOException {
        ResultSpool spool = new ResultSpool(directory, json);
        spool.append(List.of(TestResults.numbered("hunter-account", 1)));
        String whole = json.toLine(TestResults.numbered("hunter-account", 2));
        Files.writeString(spool.file(), whole.substring(0, whole.length() / 2) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        ResultSpool restarted = new ResultSpool(directory, json);

        assertThat(restarted.size()).isEqualTo(2);
        assertThat(readAll(restarted, restarted.claim().orElseThrow()))
                .extracting(ProbeResult::message).containsExactly("result 1");
    }

    @Test
    void readingsSurviveTheJsonColumnFormat() {
        ProbeResult result = TestResults.numbered("hunter-account", 7);

        String column = json.readingsToJson(result.readings());

        assertThat(column).isEqualTo("{\"sequence\":7.0}");
        assertThat(json.readingsFromJson(column)).isEqualTo(result.readings());
        assertThat(json.readingsFromJson("{}")).isEmpty();
    }

    private static List<ProbeResult> readAll(ResultSpool spool, ResultSpool.Claim claim) throws IOException {
        try (Stream<ProbeResult> results = spool.read(claim)) {
            return results.toList();
        }
    }
}

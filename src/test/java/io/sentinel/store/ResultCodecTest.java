package io.sentinel.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentinel.probe.ProbeResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultCodecTest {

    private final ResultCodec json = new ResultCodec();

    @Test
    void aSpoolLineReadsBackWithEveryField() {
        List<ProbeResult> results = List.of(TestResults.numbered("hunter-account", 1),
                TestResults.downAt("supabase-db", TestResults.T0), TestResults.numbered("hunter-account", 2));

        assertThat(results.stream().map(json::toLine).map(json::fromLine).toList()).isEqualTo(results);
    }

    @Test
    void aTornLineIsNotAResult() {
        String whole = json.toLine(TestResults.numbered("hunter-account", 2));

        assertThatThrownBy(() -> json.fromLine(whole.substring(0, whole.length() / 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readingsSurviveTheJsonColumnFormat() {
        ProbeResult result = TestResults.numbered("hunter-account", 7);

        String column = json.readingsToJson(result.readings());

        assertThat(column).isEqualTo("{\"sequence\":7.0}");
        assertThat(json.readingsFromJson(column)).isEqualTo(result.readings());
        assertThat(json.readingsFromJson("{}")).isEmpty();
    }
}

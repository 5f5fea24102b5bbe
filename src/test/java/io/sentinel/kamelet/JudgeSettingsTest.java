package io.sentinel.kamelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentinel.probe.condition.Condition;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JudgeSettingsTest {

    @Test
    void conditionsAreSplitOnSemicolonsAndLineBreaksButNotInsideQuotesOrParentheses() throws Exception {
        JudgeSettings settings = JudgeSettings.read("[STATUS] == 200; [BODY].note == \"a;b\"\n[BODY].kind == any(x; y)",
                "", "");

        assertThat(settings.conditions()).extracting(Condition::text)
                .containsExactly("[STATUS] == 200", "[BODY].note == \"a;b\"", "[BODY].kind == any(x; y)");
        assertThat(settings.latencyLimit()).isEmpty();
    }

    @Test
    void aLatencyLimitIsADuration() throws Exception {
        assertThat(JudgeSettings.read("", "800ms", "api").latencyLimit()).contains(Duration.ofMillis(800));
        assertThatThrownBy(() -> JudgeSettings.read("", "fast", ""))
                .isInstanceOf(RouteContractException.class)
                .hasMessageStartingWith("judge parameter latencyLimit: 'fast' is not a duration");
    }
}

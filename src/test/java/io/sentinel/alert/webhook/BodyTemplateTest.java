package io.sentinel.alert.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sentinel.alert.route.ChannelBrokenException;
import io.sentinel.secret.Redactor;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyTemplateTest {

    private static final String KEY = "pd-r0uting-k3y-9876543210";
    private final Map<String, Object> notification = new LinkedHashMap<>(Map.of("summary", "FIRING \"db\" DOWN\nnow",
            "latencyMs", 1200));
    private final BodyTemplate.EnvValues environment = name -> {
        String value = Map.of("PD_KEY", KEY).get(name);
        Redactor.global().register(value);
        return value;
    };

    @Test
    void fieldsAndVariablesAreJsonEscapedIntoTheTemplate() {
        String body = BodyTemplate.render("{\"text\": \"${summary}\", \"ms\": \"${latencyMs}\", \"key\": \"${env:PD_KEY}\","
                + " \"url\": \"${env:UNSET:https://example.com/x}\"}", notification, environment);

        assertThat(body).isEqualTo("{\"text\": \"FIRING \\\"db\\\" DOWN\\nnow\", \"ms\": \"1200\", \"key\": \"" + KEY
                + "\", \"url\": \"https://example.com/x\"}");
        assertThat(Redactor.global().redact(body)).doesNotContain(KEY);
    }

    @Test
    void anEmptyTemplateSendsTheWholeNotification() {
        assertThat(BodyTemplate.render("", notification, environment)).contains("\"latencyMs\":1200");
    }

    @Test
    void aTemplateThatCannotWorkBreaksTheChannelNamingWhy() {
        assertThatThrownBy(() -> BodyTemplate.render("{\"t\": \"${titel}\"}", notification, environment))
                .isInstanceOf(ChannelBrokenException.class).hasMessageContaining("${titel}, which is not a field");
        assertThatThrownBy(() -> BodyTemplate.render("{\"k\": \"${env:MISSING}\"}", notification, environment))
                .isInstanceOf(ChannelBrokenException.class).hasMessage("set the environment variable MISSING");
        assertThatThrownBy(() -> BodyTemplate.render("{\"t\": ${summary}}", notification, environment))
                .isInstanceOf(ChannelBrokenException.class).hasMessageStartingWith("the body template is not JSON");
    }
}

package io.sentinel.probe.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BodyFailureFlagsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{\"success\":false}                                        | \"success\": false",
        "{\"success\":\"false\",\"message\":\"key missing\"}        | \"success\": false, \"message\": \"key missing\"",
        "{\"ok\":false,\"reason\":\"GOOGLE key missing\"}           | \"ok\": false, \"reason\": \"GOOGLE key missing\"",
        "{\"healthy\":false}                                        | \"healthy\": false",
        "{\"status\":\"error\",\"message\":\"enrichment failed\"}   | \"status\": \"error\", \"message\": \"enrichment failed\"",
        "{\"status\":\"FAIL\"}                                      | \"status\": \"FAIL\"",
        "{\"status\":\"failed\"}                                    | \"status\": \"failed\"",
        "{\"status\":\"DOWN\",\"components\":{}}                    | \"status\": \"DOWN\"",
        "{\"state\":\"unhealthy\"}                                  | \"state\": \"unhealthy\"",
        "{\"result\":\"failure\"}                                   | \"result\": \"failure\"",
        "{\"error\":\"database unreachable\"}                       | \"error\": \"database unreachable\"",
        "{\"error\":{\"code\":\"HUNTER_QUOTA\"}}                    | \"error\": {\"code\":\"HUNTER_QUOTA\"}",
        "{\"error\":true,\"data\":[]}                               | \"error\": true",
        "{\"data\":null,\"errors\":[{\"message\":\"boom\"}]}        | \"errors\": [{\"message\":\"boom\"}]",
        "{\"code\":503,\"message\":\"dependency down\"}             | \"code\": 503, \"message\": \"dependency down\"",
        "{\"statusCode\":429}                                       | \"statusCode\": 429",
        "{\"message\":\"Internal server error\"}                    | only a message: \"Internal server error\"",
        "{\"message\":\"Invalid API key\",\"hint\":\"check it\"}    | only a message: \"Invalid API key\"",
        "{\"code\":\"42501\",\"message\":\"permission denied\"}     | only a message: \"permission denied\""})
    void aFailureFlagIsFoundAndDescribed(String body, String described) {
        assertThat(BodyFailureFlags.in(body)).contains(described);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "{\"ok\":true,\"error\":null,\"errors\":[]}",
        "{\"success\":true,\"data\":{\"error\":\"nested payload is not read\"}}",
        "{\"error\":\"\",\"result\":\"ok\"}",
        "{\"error\":false}",
        "{\"error\":{}}",
        "{\"errors\":{}}",
        "{\"status\":\"ok\"}",
        "{\"status\":\"success\"}",
        "{\"status\":\"Complete\",\"message\":\"No business found in database.\",\"results\":[]}",
        "{\"status\":200,\"data\":{}}",
        "{\"code\":0}",
        "{\"message\":\"Healthy\"}",
        "{\"message\":\"Lookup failed for 3 of 100\",\"results\":[1,2]}",
        "[{\"id\":1,\"error\":\"a row is data\"}]",
        "{}",
        "not json at all",
        "<html><body>error</body></html>",
        ""})
    void aSuccessShapedBodyIsNotAFailure(String body) {
        assertThat(BodyFailureFlags.in(body)).isEmpty();
    }
}

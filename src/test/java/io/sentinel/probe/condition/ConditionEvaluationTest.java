package io.sentinel.probe.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionEvaluationTest {

    private static final String HEALTH = """
            {"status": "DOWN", "version": "2.4.1", "checks": [{"name": "db", "ok": true}, {"name": "cache", "ok": false}],
             "count": 42, "ratio": 0.75, "empty": null, "label": "17"}
            """;

    @Test
    void aMatchingStatusIsSatisfiedAndDescribedPlainly() {
        assertThat(evaluate("[STATUS] == 200", response(200, "")))
                .isEqualTo(new ConditionResult(true, "[STATUS] == 200"));
    }

    @Test
    void aFailedStatusNamesTheConditionAndTheStatusSeen() {
        assertThat(evaluate("[STATUS] == 200", response(500, "")))
                .isEqualTo(new ConditionResult(false, "[STATUS] == 200 (got 500)"));
    }

    @Test
    void aFailedTextComparisonShowsTheValueInQuotes() {
        assertThat(evaluate("[BODY].status == \"OK\"", response(200, HEALTH)).description())
                .isEqualTo("[BODY].status == \"OK\" (got \"DOWN\")");
    }

    @Test
    void aPathThatLeadsNowhereIsReportedAsMissing() {
        assertThat(evaluate("[BODY].data.id == 1", response(200, HEALTH)))
                .isEqualTo(new ConditionResult(false, "[BODY].data.id is missing"));
    }

    @Test
    void aPathIntoABodyThatIsNotJsonSaysSo() {
        assertThat(evaluate("[BODY].status == \"OK\"", response(200, "<html>ok</html>")))
                .isEqualTo(new ConditionResult(false, "[BODY].status == \"OK\" (body is not JSON)"));
    }

    @Test
    void jsonWithTrailingTextIsNotJson() {
        assertThat(satisfied("[BODY].status == DOWN", response(200, "{\"status\":\"DOWN\"} and more"))).isFalse();
    }

    @Test
    void numbersCompareAsNumbersWhateverTheirSpelling() {
        ResponseView view = response(200, HEALTH);

        assertThat(satisfied("[BODY].count == 42.0", view)).isTrue();
        assertThat(satisfied("[BODY].count > 9", view)).isTrue();
        assertThat(satisfied("[BODY].ratio < 1", view)).isTrue();
        assertThat(satisfied("[BODY].label >= 9", view)).isTrue();
        assertThat(satisfied("[BODY].version == 2.4.1", view)).isTrue();
    }

    @Test
    void aQuotedNumberIsText() {
        assertThat(satisfied("[BODY].count == \"42.0\"", response(200, HEALTH))).isFalse();
        assertThat(satisfied("[BODY].count == \"42\"", response(200, HEALTH))).isTrue();
    }

    @Test
    void orderingAValueThatIsNotANumberFailsWithAReason() {
        assertThat(evaluate("[BODY].status > 3", response(200, HEALTH)).description())
                .isEqualTo("[BODY].status > 3 (got \"DOWN\", not a number)");
    }

    @Test
    void arrayIndexesAndNestedFieldsAreFollowed() {
        ResponseView view = response(200, HEALTH);

        assertThat(satisfied("[BODY].checks[1].name == cache", view)).isTrue();
        assertThat(satisfied("[BODY].checks[0].ok == true", view)).isTrue();
        assertThat(evaluate("[BODY].checks[5].name == db", view).description()).isEqualTo("[BODY].checks[5].name is missing");
        assertThat(satisfied("[BODY][1].id == 8", response(200, "[{\"id\": 7}, {\"id\": 8}]"))).isTrue();
    }

    @Test
    void lenCountsArrayElementsAndCharacters() {
        ResponseView view = response(200, HEALTH);

        assertThat(satisfied("len([BODY].checks) == 2", view)).isTrue();
        assertThat(satisfied("len([BODY].status) == 4", view)).isTrue();
        assertThat(satisfied("len([BODY]) == 2", response(200, "ok"))).isTrue();
        assertThat(evaluate("len([BODY].checks) > 5", view).description()).isEqualTo("len([BODY].checks) > 5 (got 2)");
    }

    @Test
    void hasTellsWhetherAValueIsThere() {
        ResponseView view = response(200, HEALTH);

        assertThat(satisfied("has([BODY].status) == true", view)).isTrue();
        assertThat(satisfied("has([BODY].nothing) == false", view)).isTrue();
        assertThat(satisfied("has([BODY].empty) == false", view)).isTrue();
        assertThat(satisfied("has([BODY].status) == true", response(200, "not json"))).isFalse();
        assertThat(evaluate("has([BODY].data) == true", view).description()).isEqualTo("has([BODY].data) == true (got false)");
    }

    @Test
    void patternsMatchTheWholeValueWithStarsForAnyText() {
        ResponseView view = response(200, "service is healthy (v2)");

        assertThat(satisfied("[BODY] == pat(*healthy*)", view)).isTrue();
        assertThat(satisfied("[BODY] == pat(healthy*)", view)).isFalse();
        assertThat(satisfied("[BODY] == pat(\"*(v2)\")", view)).isTrue();
        assertThat(satisfied("[BODY] != pat(*error*)", view)).isTrue();
        assertThat(satisfied("[BODY] == pat(service.*)", view)).isFalse();
    }

    @Test
    void anyMatchesWhenOneOfItsValuesDoes() {
        assertThat(satisfied("[STATUS] == any(200, 204)", response(204, ""))).isTrue();
        assertThat(evaluate("[STATUS] == any(200, 204)", response(503, "")).description())
                .isEqualTo("[STATUS] == any(200, 204) (got 503)");
        assertThat(satisfied("[BODY].status != any(DOWN, FAILING)", response(200, HEALTH))).isFalse();
    }

    @Test
    void headersAreFoundWithoutRegardToCaseAndAMissingOneIsEmpty() {
        ResponseView view = ResponseView.of(200, Duration.ZERO, Map.of("Content-Type", "application/json; charset=utf-8"), "");

        assertThat(satisfied("[HEADER].content-type == pat(application/json*)", view)).isTrue();
        assertThat(satisfied("[HEADER].X-Cache == \"\"", view)).isTrue();
        assertThat(satisfied("has([HEADER].X-Cache) == false", view)).isTrue();
        assertThat(evaluate("[HEADER].X-Cache == HIT", view).description()).isEqualTo("[HEADER].X-Cache == HIT (got \"\")");
    }

    @Test
    void responseTimeIsInMilliseconds() {
        ResponseView view = ResponseView.of(200, Duration.ofMillis(312), Map.of(), "");

        assertThat(satisfied("[RESPONSE_TIME] < 500", view)).isTrue();
        assertThat(evaluate("[RESPONSE_TIME] < 50", view).description()).isEqualTo("[RESPONSE_TIME] < 50 (got 312)");
    }

    @Test
    void anEmptyQuotedValueMatchesAnEmptyBody() {
        assertThat(satisfied("[BODY] == \"\"", response(204, ""))).isTrue();
    }

    @Test
    void longValuesAreAbbreviatedOnOneLine() {
        String body = "line one\nline two " + "x".repeat(200);

        String description = evaluate("[BODY] == ok", response(200, body)).description();

        assertThat(description).startsWith("[BODY] == ok (got \"line one line two xxx").endsWith("…\")").doesNotContain("\n");
        assertThat(description.length()).isLessThan(120);
    }

    @Test
    void theBodyIsParsedAsJsonOnlyOnce() {
        ResponseView view = response(200, HEALTH);

        assertThat(view.json()).containsSame(view.json().orElseThrow());
    }

    private static ResponseView response(int status, String body) {
        return ResponseView.of(status, Duration.ofMillis(10), Map.of(), body);
    }

    private static boolean satisfied(String condition, ResponseView view) {
        return evaluate(condition, view).satisfied();
    }

    private static ConditionResult evaluate(String condition, ResponseView view) {
        try {
            return Condition.parse(condition).evaluate(view);
        } catch (ConditionSyntaxException error) {
            throw new AssertionError(condition + ": " + error.getMessage() + " — " + error.hint(), error);
        }
    }
}

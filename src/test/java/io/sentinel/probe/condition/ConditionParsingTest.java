package io.sentinel.probe.condition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionParsingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[STATUS] == 200                      | [STATUS] == 200                      | STATUS",
            "[STATUS]==200                        | [STATUS] == 200                      | STATUS",
            "[status] != 500                      | [STATUS] != 500                      | STATUS",
            "[RESPONSE_TIME] < 500                | [RESPONSE_TIME] < 500                | RESPONSE_TIME",
            "[RESPONSE_TIME] <= 500               | [RESPONSE_TIME] <= 500               | RESPONSE_TIME",
            "[BODY] == pat(*healthy*)             | [BODY] == pat(*healthy*)             | BODY",
            "[BODY].status == \"OK\"              | [BODY].status == \"OK\"              | BODY",
            "[BODY].status == UP                  | [BODY].status == UP                  | BODY",
            "[BODY].a.b[0].c >= 1.5               | [BODY].a.b[0].c >= 1.5               | BODY",
            "[BODY][0].id == 7                    | [BODY][0].id == 7                    | BODY",
            "[BODY].ok == true                    | [BODY].ok == true                    | BODY",
            "[BODY].error == \"\"                 | [BODY].error == \"\"                 | BODY",
            "[HEADER].Content-Type == pat(*json*) | [HEADER].Content-Type == pat(*json*) | HEADER",
            "len([BODY].items) > 0                | len([BODY].items) > 0                | BODY",
            "len([BODY]) < 100                    | len([BODY]) < 100                    | BODY",
            "has([BODY].data.id) == true          | has([BODY].data.id) == true          | BODY",
            "has([HEADER].X-Cache) == false       | has([HEADER].X-Cache) == false       | HEADER",
            "[STATUS] == any(200, 204)            | [STATUS] == any(200, 204)            | STATUS",
            "[BODY].state == any(\"UP\", OK)      | [BODY].state == any(\"UP\", OK)      | BODY",
    })
    void everySupportedFormParsesIntoItsNormalForm(String written, String normal, PlaceholderKind kind) throws Exception {
        Condition condition = Condition.parse(written);

        assertThat(condition.text()).isEqualTo(normal);
        assertThat(condition.placeholderKind()).isEqualTo(kind);
    }

    @Test
    void aQuotedValueKeepsItsSpacesAndEscapedQuotes() throws Exception {
        Condition condition = Condition.parse("[BODY].message == \"all \\\"good\\\" here\"");

        assertThat(condition.text()).isEqualTo("[BODY].message == \"all \\\"good\\\" here\"");
    }

    @Test
    void anUnknownPlaceholderIsNamedAndTheKnownOnesListed() {
        ConditionSyntaxException error = syntaxError("[STATS] == 200");

        assertThat(error).hasMessage("unknown placeholder [STATS]");
        assertThat(error.hint()).contains("[STATUS]", "[RESPONSE_TIME]", "[BODY].field", "[HEADER].Name");
    }

    @Test
    void aMissingOperatorIsReportedWithTheOperatorsAllowed() {
        ConditionSyntaxException error = syntaxError("[STATUS] 200");

        assertThat(error).hasMessage("missing operator between [STATUS] and '200'");
        assertThat(error.hint()).isEqualTo("operators are ==, !=, <, <=, >, >=");
    }

    @Test
    void aConditionWithoutAnyOperatorOrValueIsReported() {
        assertThat(syntaxError("[STATUS]")).hasMessage("no operator after [STATUS]");
    }

    @Test
    void aSingleEqualsSignIsNotMistakenForEquality() {
        ConditionSyntaxException error = syntaxError("[STATUS] = 200");

        assertThat(error).hasMessage("'=' is not an operator");
        assertThat(error.hint()).startsWith("write == to test equality");
    }

    @Test
    void anUnterminatedQuoteIsReported() {
        ConditionSyntaxException error = syntaxError("[BODY].status == \"OK");

        assertThat(error).hasMessage("unterminated quote: \"OK");
        assertThat(error.hint()).contains("closing \"");
    }

    @Test
    void orderingTextIsRejectedBecauseOnlyNumbersHaveAnOrder() {
        ConditionSyntaxException error = syntaxError("[BODY].status < \"OK\"");

        assertThat(error).hasMessage("'<' compares numbers, but \"OK\" is not a number");
        assertThat(error.hint()).contains("==", "!=", "pat(");
    }

    @Test
    void orderingAgainstAPatternIsRejected() {
        assertThat(syntaxError("[BODY] > pat(*a*)")).hasMessage("'>' compares numbers, but pat(*a*) is not a number");
    }

    @Test
    void aStatusComparedWithAWordIsRejected() {
        ConditionSyntaxException error = syntaxError("[STATUS] == OK");

        assertThat(error).hasMessage("[STATUS] is a number, it cannot be compared with OK");
    }

    @Test
    void hasIsOnlyComparedWithTrueOrFalse() {
        ConditionSyntaxException error = syntaxError("has([BODY].id) == yes");

        assertThat(error).hasMessage("has([BODY].id) is true or false, it cannot be compared with '== yes'");
        assertThat(error.hint()).isEqualTo("write has([BODY].id) == true, or == false");
    }

    @Test
    void aValueOnTheLeftIsRejectedBecauseConditionsStartWithAPlaceholder() {
        ConditionSyntaxException error = syntaxError("200 == [STATUS]");

        assertThat(error).hasMessage("a condition starts with a placeholder, not '200'");
    }

    @Test
    void unknownFunctionsAreNamedOnEitherSide() {
        assertThat(syntaxError("size([BODY]) > 1")).hasMessage("unknown function 'size(…)' on the left");
        assertThat(syntaxError("[BODY] == contains(ok)")).hasMessage("unknown function 'contains(…)' on the right");
    }

    @Test
    void aSecondOperatorIsReportedAsUnexpectedText() {
        ConditionSyntaxException error = syntaxError("[STATUS] == 200 == 201");

        assertThat(error).hasMessage("unexpected '== 201' after 200");
        assertThat(error.hint()).contains("one operator");
    }

    @Test
    void aBareValueWithSpacesMustBeQuoted() {
        assertThat(syntaxError("[BODY].name == John Smith")).hasMessage("unexpected 'Smith' after John");
    }

    @Test
    void malformedPlaceholdersArePointedOut() {
        assertThat(syntaxError("[HEADER] == x")).hasMessage("[HEADER] needs a header name");
        assertThat(syntaxError("[STATUS].code == 200")).hasMessage("[STATUS] has no fields");
        assertThat(syntaxError("[BODY].items[x] == 1")).hasMessage("'[x]' is not an array index");
        assertThat(syntaxError("[BODY]. == 1")).hasMessage("a field name is missing after [BODY].");
        assertThat(syntaxError("[BODY == 1")).hasMessage("'[BODY == 1' has no closing ']'");
        assertThat(syntaxError("len([BODY] > 1")).hasMessage("len([BODY] is missing its ')'");
    }

    @Test
    void missingValuesAndFunctionArgumentsArePointedOut() {
        assertThat(syntaxError("[STATUS] ==")).hasMessage("nothing to compare with after '=='");
        assertThat(syntaxError("[STATUS] == any(200, )")).hasMessage("any(…) has an empty value");
        assertThat(syntaxError("[STATUS] == any(200, 204")).hasMessage("any(…) is missing its ')'");
        assertThat(syntaxError("[BODY] == pat(*a*")).hasMessage("pat(*a* is missing its ')'");
        assertThat(syntaxError("  ")).hasMessage("the condition is empty");
    }

    @Test
    void twoCharacterOperatorsThatDoNotExistAreRejected() {
        assertThat(syntaxError("[STATUS] <> 200")).hasMessage("'<>' is not an operator");
    }

    @Test
    void parsedConditionsAreEqualWhenTheyMeanTheSame() throws Exception {
        assertThat(Condition.parse("[STATUS]==200")).isEqualTo(Condition.parse("[STATUS]  ==  200"));
        assertThatThrownBy(() -> Condition.parse(null)).isInstanceOf(ConditionSyntaxException.class);
    }

    private static ConditionSyntaxException syntaxError(String text) {
        return catchThrowableOfType(ConditionSyntaxException.class, () -> Condition.parse(text));
    }
}

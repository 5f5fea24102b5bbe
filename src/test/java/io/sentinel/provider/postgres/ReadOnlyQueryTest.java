package io.sentinel.provider.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadOnlyQueryTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "select 1",
        "SELECT 1;",
        "  select 1 ;  -- done",
        "-- export health\nselect avg(x) from t",
        "/* rate */ with recent as (select * from t) select count(*) from recent",
        "values (1)",
        "select count(*) from t where note = 'a;b' or \"odd;name\" is null",
        "select $$;$$ as text_with_semicolon",
        "select $body$ ; $body$",
        "select 1 /* ; */",
    })
    void singleReadingStatementsAreAccepted(String sql) {
        assertThat(ReadOnlyQuery.problemWith(sql)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "delete from campaigns",
        "update campaigns set status = 'x'",
        "insert into t values (1)",
        "drop table campaigns",
        "call refresh()",
        "(select 1)",
        "  ",
    })
    void statementsThatAreNotAReadAreRejected(String sql) {
        assertThat(ReadOnlyQuery.problemWith(sql)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select 1; drop table campaigns",
        "select 1;select 2",
        "select 'a'; delete from t",
        "select 1; -- fine\n delete from t",
    })
    void aSecondStatementIsRejected(String sql) {
        assertThat(ReadOnlyQuery.problemWith(sql)).hasValue("'query' holds more than one statement (there is text after a ';')");
    }
}

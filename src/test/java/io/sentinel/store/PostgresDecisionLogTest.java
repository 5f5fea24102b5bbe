package io.sentinel.store;

class PostgresDecisionLogTest extends DecisionLogContract {

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new PostgresFixture();
    }
}

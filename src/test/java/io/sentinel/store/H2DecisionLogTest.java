package io.sentinel.store;

class H2DecisionLogTest extends DecisionLogContract {

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new H2Fixture();
    }
}

package io.sentinel.store;

class H2AlertEventStoreTest extends AlertEventStoreContract {

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new H2Fixture();
    }
}

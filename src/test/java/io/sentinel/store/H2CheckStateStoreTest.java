package io.sentinel.store;

class H2CheckStateStoreTest extends CheckStateStoreContract {

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new H2Fixture();
    }
}

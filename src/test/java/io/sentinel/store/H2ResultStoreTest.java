package io.sentinel.store;

class H2ResultStoreTest extends ResultStoreContract {

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new H2Fixture();
    }
}

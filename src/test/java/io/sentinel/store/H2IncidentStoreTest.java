package io.sentinel.store;

class H2IncidentStoreTest extends IncidentStoreContract {

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new H2Fixture();
    }
}

package io.sentinel.store;

class PostgresIncidentStoreTest extends IncidentStoreContract {

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new PostgresFixture();
    }
}

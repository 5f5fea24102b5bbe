package io.sentinel.store;

class PostgresResultStoreTest extends ResultStoreContract {

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new PostgresFixture();
    }
}

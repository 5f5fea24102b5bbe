package io.sentinel.store;

class PostgresCheckStateStoreTest extends CheckStateStoreContract {

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new PostgresFixture();
    }
}

package io.sentinel.store;

class PostgresAlertEventStoreTest extends AlertEventStoreContract {

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new PostgresFixture();
    }
}

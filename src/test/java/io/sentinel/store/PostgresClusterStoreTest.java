package io.sentinel.store;

class PostgresClusterStoreTest extends ClusterStoreContract {

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new PostgresFixture();
    }
}

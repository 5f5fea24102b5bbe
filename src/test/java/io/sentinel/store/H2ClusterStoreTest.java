package io.sentinel.store;

class H2ClusterStoreTest extends ClusterStoreContract {

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new H2Fixture();
    }
}

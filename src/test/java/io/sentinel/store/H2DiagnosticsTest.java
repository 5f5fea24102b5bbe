package io.sentinel.store;

class H2DiagnosticsTest extends DiagnosticsContract {

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new H2Fixture();
    }
}

package io.sentinel.store;

class PostgresDiagnosticsTest extends DiagnosticsContract {

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new PostgresFixture();
    }
}

package io.sentinel.store;

class PostgresIncidentReportStoreTest extends IncidentReportStoreContract {

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new PostgresFixture();
    }
}

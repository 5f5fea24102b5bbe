package io.sentinel.store;

class PostgresIncidentReportTest extends IncidentReportContract {

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new PostgresFixture();
    }
}

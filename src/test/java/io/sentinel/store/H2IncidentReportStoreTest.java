package io.sentinel.store;

class H2IncidentReportStoreTest extends IncidentReportStoreContract {

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new H2Fixture();
    }
}

package io.sentinel.store;

class H2IncidentReportTest extends IncidentReportContract {

    @Override
    protected DatabaseFixture createFixture() throws Exception {
        return new H2Fixture();
    }
}

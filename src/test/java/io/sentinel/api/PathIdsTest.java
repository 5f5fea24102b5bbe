package io.sentinel.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathIdsTest {

    @Test
    void configIdsFollowTheConfigurationsRule() {
        assertThat(PathIds.refuseConfigId("hunter-account", "check")).isEmpty();
        assertThat(PathIds.refuseConfigId("null", "check")).as("a well-formed id that may simply be unknown").isEmpty();
        assertThat(PathIds.refuseConfigId("'hunter'", "check")).hasValueSatisfying(reply -> assertThat(reply.status()).isEqualTo(400));
        assertThat(PathIds.refuseConfigId("Hunter", "dependency")).isPresent();
        assertThat(PathIds.refuseConfigId("x".repeat(64), "dependency")).isPresent();
        assertThat(PathIds.refuseConfigId(null, "check")).isPresent();
    }

    @Test
    void silenceIdsAreUuids() {
        assertThat(PathIds.refuseSilenceId("6f0c2a9e-1c4b-4d3a-9f1e-2b7c8d9e0a1b")).isEmpty();
        assertThat(PathIds.refuseSilenceId("null")).hasValueSatisfying(reply -> assertThat(reply.status()).isEqualTo(400));
        assertThat(PathIds.refuseSilenceId("6f0c2a9e")).isPresent();
        assertThat(PathIds.refuseSilenceId(null)).isPresent();
    }

    @Test
    void incidentIdsAreUuidsOrBuiltFromIdsRuleNamesAndDates() {
        assertThat(PathIds.refuseIncidentId("1f4ab61b-dd45-4554-a194-5a15587f87df")).isEmpty();
        assertThat(PathIds.refuseIncidentId("reading:db-ping:credits-below-100:2026-11-26")).isEmpty();
        assertThat(PathIds.refuseIncidentId("budget:hunter:2026-11-26")).isEmpty();
        assertThat(PathIds.refuseIncidentId("frontend-home@20261202T071000.123Z")).isEmpty();
        assertThat(PathIds.refuseIncidentId("breaker:hunter@20261202T071000.123Z")).isEmpty();
        assertThat(PathIds.refuseIncidentId("null")).isEmpty();
        assertThat(PathIds.refuseIncidentId("a b")).isPresent();
        assertThat(PathIds.refuseIncidentId("<script>")).isPresent();
        assertThat(PathIds.refuseIncidentId("x".repeat(513))).isPresent();
    }
}

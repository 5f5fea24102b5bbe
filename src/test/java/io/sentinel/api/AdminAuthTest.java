package io.sentinel.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentinel.secret.Secret;
import org.junit.jupiter.api.Test;

class AdminAuthTest {

    private final AdminAuth auth = new AdminAuth(Secret.fromVariable("right-token-123", "SENTINEL_ADMIN_TOKEN"));

    @Test
    void withoutAConfiguredTokenEveryActionIsForbiddenEvenWithAnEmptyBearer() {
        AdminAuth unconfigured = new AdminAuth(Secret.fromVariable("", "SENTINEL_ADMIN_TOKEN"));

        assertThat(unconfigured.refuse("Bearer ")).hasValueSatisfying(reply -> assertThat(reply.status()).isEqualTo(403));
        assertThat(unconfigured.refuse(null)).hasValueSatisfying(reply -> assertThat(reply.status()).isEqualTo(403));
    }

    @Test
    void aMissingMalformedOrWrongTokenIsUnauthorized() {
        assertThat(auth.refuse(null)).hasValueSatisfying(reply -> assertThat(reply.status()).isEqualTo(401));
        assertThat(auth.refuse("right-token-123")).as("no Bearer scheme").isPresent();
        assertThat(auth.refuse("Basic cmlnaHQtdG9rZW4tMTIz")).isPresent();
        assertThat(auth.refuse("Bearer right-token-12")).isPresent();
        assertThat(auth.refuse("Bearer right-token-1234")).isPresent();
    }

    @Test
    void theRightTokenIsAcceptedWhateverTheSchemeCase() {
        assertThat(auth.refuse("Bearer right-token-123")).isEmpty();
        assertThat(auth.refuse("bearer right-token-123 ")).isEmpty();
    }
}

package io.sentinel.provider.anonkey;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Keys shaped like Supabase's, made up for tests: HS256-style JWTs with an arbitrary signature. */
final class FakeKeys {

    static final String PROJECT_REF = "abcdefghijklmnopqrst";
    static final String OTHER_PROJECT_REF = "zyxwvutsrqponmlkjihg";
    static final String PROJECT_URL = "https://" + PROJECT_REF + ".supabase.co";
    static final String OTHER_PROJECT_URL = "https://" + OTHER_PROJECT_REF + ".supabase.co";

    static final String ANON_JWT = jwt(PROJECT_REF, "anon", "c2lnbmF0dXJlLWN1cnJlbnQta2V5LTAxMjM0NTY3ODk");
    /** The same project's key before its JWT secret was rotated. */
    static final String ROTATED_ANON_JWT = jwt(PROJECT_REF, "anon", "c2lnbmF0dXJlLW9sZC1rZXktOTg3NjU0MzIxMA");
    static final String OTHER_PROJECT_ANON_JWT = jwt(OTHER_PROJECT_REF, "anon", "c2lnbmF0dXJlLW90aGVyLXByb2plY3Q");
    static final String SERVICE_ROLE_JWT = jwt(PROJECT_REF, "service_role", "c2lnbmF0dXJlLXNlcnZpY2Utcm9sZS1rZXk");
    static final String PUBLISHABLE_KEY = "sb_publishable_Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA_x1y2z3w4";

    private FakeKeys() {
    }

    static String jwt(String ref, String role, String signature) {
        return base64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "."
                + base64("{\"iss\":\"supabase\",\"ref\":\"" + ref + "\",\"role\":\"" + role
                        + "\",\"iat\":1700000000,\"exp\":2015576000}")
                + "." + signature;
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}

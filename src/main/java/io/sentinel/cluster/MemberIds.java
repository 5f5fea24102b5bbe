package io.sentinel.cluster;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Names this process in the cluster: its location, its process id and a random part, so a restart is a new member. */
public final class MemberIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private MemberIds() {
    }

    /** {@code eu-1-4711-9f2c01}. */
    public static String next(String location) {
        byte[] random = new byte[3];
        RANDOM.nextBytes(random);
        return location + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }
}

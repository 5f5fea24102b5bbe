package io.sentinel.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How an instance finds the others with {@code cluster.service: jgroups} (docs/cluster.md): either the TCP address it
 * listens on and the addresses of every member (Sentinel fills in its own JGroups stack, {@code jgroups/tcp.xml} in
 * the jar), or an operator's own JGroups XML stack, which then says all of it.
 *
 * @param bind    the host and port this instance's cluster transport listens on; null with {@code stack}
 * @param members every member's host and port, this one's included; empty with {@code stack}
 * @param stack   an operator's JGroups XML file; null for Sentinel's own TCP stack
 */
public record JGroupsConfig(Address bind, List<Address> members, Path stack) {

    /** JGroups' usual TCP port. */
    public static final int DEFAULT_PORT = 7800;

    /** A host (a name, an IPv4 address, or a JGroups keyword such as {@code site_local}) and a TCP port. */
    public record Address(String host, int port) {

        private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+");

        public Address {
            if (host == null || !HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("a host is a name or an IPv4 address, was " + host);
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("a port is from 1 to 65535, was " + port);
            }
        }

        /** {@code host:port}, or {@code host} alone for port 7800; empty when it is neither. */
        public static Optional<Address> parse(String text) {
            String written = text == null ? "" : text.strip();
            int colon = written.lastIndexOf(':');
            String host = colon < 0 ? written : written.substring(0, colon);
            int port = DEFAULT_PORT;
            if (colon >= 0) {
                try {
                    port = Integer.parseInt(written.substring(colon + 1));
                } catch (NumberFormatException notANumber) {
                    return Optional.empty();
                }
            }
            if (!HOST.matcher(host).matches() || port < 1 || port > 65_535) {
                return Optional.empty();
            }
            return Optional.of(new Address(host, port));
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    public JGroupsConfig {
        members = members == null ? List.of() : List.copyOf(members);
        if (stack == null) {
            Objects.requireNonNull(bind, "without a stack of its own, a member needs the address it binds to");
            if (members.isEmpty()) {
                throw new IllegalArgumentException("without a stack of its own, the members must be listed");
            }
        } else if (bind != null || !members.isEmpty()) {
            throw new IllegalArgumentException("an operator's stack says where to bind and whom to find; bind and"
                    + " members are for Sentinel's own stack");
        }
    }

    /** The operator's JGroups XML, when there is one. */
    public Optional<Path> ownStack() {
        return Optional.ofNullable(stack);
    }
}

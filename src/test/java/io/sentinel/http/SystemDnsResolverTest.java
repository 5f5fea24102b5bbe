package io.sentinel.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** The resolver answers as HttpClient's own does, one address and port per address the system gives. */
class SystemDnsResolverTest {

    @Test
    void anAddressLiteralResolvesToItselfWithThePort() throws Exception {
        assertThat(SystemDnsResolver.INSTANCE.resolve("127.0.0.1", 8080))
                .containsExactly(new InetSocketAddress("127.0.0.1", 8080));
        assertThat(SystemDnsResolver.INSTANCE.resolve("[::1]", 443))
                .containsExactly(new InetSocketAddress("::1", 443));
    }

    @Test
    void aNameThatDoesNotExistIsAnUnknownHost() {
        assertThatThrownBy(() -> SystemDnsResolver.INSTANCE.resolve("no-such-host.invalid", 80))
                .isInstanceOf(UnknownHostException.class);
    }
}

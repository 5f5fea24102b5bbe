package io.sentinel.http;

import java.io.IOException;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The HTTP client's default TLS (the JDK's default trust, host names verified), built at the first https call
 * rather than with the client: an SSL context and its trust material take a noticeable part of a start, and a
 * configuration whose checks all speak plain http never needs them.
 */
final class FirstUseTls implements TlsSocketStrategy {

    private volatile TlsSocketStrategy tls;

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return tls().upgrade(socket, target, port, attachment, context);
    }

    private TlsSocketStrategy tls() {
        TlsSocketStrategy built = tls;
        if (built == null) {
            synchronized (this) {
                if (tls == null) {
                    tls = DefaultClientTlsStrategy.createDefault();
                }
                built = tls;
            }
        }
        return built;
    }
}

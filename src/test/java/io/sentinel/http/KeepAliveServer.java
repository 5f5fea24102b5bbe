package io.sentinel.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bare HTTP/1.1 server that offers keep-alive on every response, whatever the client asks, and counts the
 * connections it accepts: a client that reused connections would show fewer connections than requests.
 */
final class KeepAliveServer implements AutoCloseable {

    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n"
            + "Keep-Alive: timeout=60\r\n\r\nok").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final AtomicInteger connections = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    KeepAliveServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(this::accept);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + path);
    }

    int connectionsAccepted() {
        return connections.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket connection = listener.accept();
                connections.incrementAndGet();
                threads.submit(() -> serve(connection));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Answers every request on the connection until the client hangs up. */
    private static void serve(Socket connection) {
        try (connection) {
            BufferedReader requests = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream responses = connection.getOutputStream();
            while (requests.readLine() != null) {
                String header;
                do {
                    header = requests.readLine();
                } while (header != null && !header.isEmpty());
                responses.write(RESPONSE);
                responses.flush();
            }
        } catch (IOException clientGone) {
            // the client closed the connection: that is what a non-reusing client does
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        threads.shutdownNow();
    }
}

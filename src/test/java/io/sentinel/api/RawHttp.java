package io.sentinel.api;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, one request per connection, for requests {@code java.net.http} refuses to
 * send: malformed escapes, header names with odd characters, oversized lines. The request is written as
 * given, byte for byte; the response is read by its own framing (Content-Length, chunked, or to the end).
 */
final class RawHttp {

    /** A parsed answer; header names as sent, in order. */
    record Response(int status, List<Header> headers, String body) {

        Optional<String> header(String name) {
            return headers.stream().filter(header -> header.name().equalsIgnoreCase(name))
                    .map(Header::value).findFirst();
        }
    }

    record Header(String name, String value) {
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /**
     * @param head the request line and headers, without the blank line that ends them
     * @param body sent as is after the head; the head must describe it (Content-Length or chunked)
     */
    Response send(String method, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (IOException closedWhileSending) {
                // the server may answer and close before it has read everything (a request line or headers too
                // long to parse): read its answer anyway
            }
            return read(socket.getInputStream(), method.equals("HEAD"));
        }
    }

    private static Response read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        List<Header> headers = new ArrayList<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.add(new Header(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        Response withoutBody = new Response(status, headers, "");
        if (status == 100) {
            return read(in, head);
        }
        if (head || status == 204 || status == 304) {
            return withoutBody;
        }
        byte[] body;
        Optional<String> length = withoutBody.header("Content-Length");
        if (length.isPresent()) {
            body = in.readNBytes(Integer.parseInt(length.get()));
        } else if (withoutBody.header("Transfer-Encoding").map(value -> value.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            body = chunked(in);
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int semicolon = size.indexOf(';');
            int length = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            if (length == 0) {
                while (!line(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            line(in);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int next = in.read(); next != '\n'; next = in.read()) {
            if (next < 0) {
                throw new EOFException("the connection ended mid-response after '" + line + "'");
            }
            if (next != '\r') {
                line.write(next);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}

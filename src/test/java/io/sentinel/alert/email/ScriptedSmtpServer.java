package io.sentinel.alert.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A tiny SMTP server that answers from a script, for the replies GreenMail cannot give: 4xx, 5xx to chosen
 * commands, STARTTLS, and a refused login quoting the AUTH data back ({@value #AUTH_DATA} in a reply). It serves
 * one connection at a time and records each command it received.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** In a reply to AUTH: replaced by the AUTH data the client sent (base64 lines, space-separated). */
    public static final String AUTH_DATA = "{auth}";

    /** A command as received, and whether it came over TLS. */
    record Command(String line, boolean overTls) {
    }

    private final ServerSocket socket;
    private final Optional<SSLContext> startTls;
    /** Command prefixes (upper case) to replies, first match wins; "GREETING" and "." (end of data) included. */
    private final Map<String, String> replies = new LinkedHashMap<>();
    private final List<Command> received = new ArrayList<>();
    private final Thread acceptor;
    private final String mechanisms;

    public ScriptedSmtpServer(Optional<SSLContext> startTls) throws IOException {
        this(startTls, "PLAIN");
    }

    /** @param mechanisms the AUTH mechanisms to offer, {@code PLAIN} and/or {@code LOGIN}, space-separated */
    public ScriptedSmtpServer(Optional<SSLContext> startTls, String mechanisms) throws IOException {
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.startTls = startTls;
        this.mechanisms = mechanisms;
        this.acceptor = new Thread(this::serve, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Answers commands starting with {@code prefix} (any case) with {@code reply}; a 421 also hangs up. */
    public synchronized ScriptedSmtpServer reply(String prefix, String reply) {
        replies.put(prefix.toUpperCase(Locale.ROOT), reply);
        return this;
    }

    public int port() {
        return socket.getLocalPort();
    }

    synchronized List<Command> received() {
        return List.copyOf(received);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket connection = socket.accept()) {
                converse(connection);
            } catch (IOException closedOrDropped) {
                // the test is over, or the client hung up: wait for the next connection
            }
        }
    }

    private void converse(Socket connection) throws IOException {
        Socket current = connection;
        BufferedReader in = reader(current);
        OutputStream out = current.getOutputStream();
        if (!send(out, replyFor("GREETING", "220 scripted.example ESMTP"))) {
            return;
        }
        String line;
        while ((line = in.readLine()) != null) {
            boolean overTls = current instanceof SSLSocket;
            synchronized (this) {
                received.add(new Command(line, overTls));
            }
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO")) {
                String tls = startTls.isPresent() && !overTls ? "250-STARTTLS\r\n" : "";
                send(out, "250-scripted.example\r\n" + tls + "250-AUTH " + mechanisms + "\r\n250 8BITMIME");
            } else if (command.startsWith("STARTTLS") && startTls.isPresent()) {
                send(out, "220 2.0.0 Ready to start TLS");
                SSLSocket secure = (SSLSocket) startTls.get().getSocketFactory()
                        .createSocket(current, current.getInetAddress().getHostAddress(), current.getPort(), true);
                secure.setUseClientMode(false);
                secure.startHandshake();
                current = secure;
                in = reader(current);
                out = current.getOutputStream();
            } else if (command.startsWith("AUTH")) {
                String data = String.join(" ", authData(line, in, out));
                if (!send(out, replyFor(command, "235 2.7.0 Authentication successful").replace(AUTH_DATA, data))) {
                    return;
                }
            } else if (command.startsWith("DATA")) {
                send(out, "354 End data with <CR><LF>.<CR><LF>");
                while ((line = in.readLine()) != null && !line.equals(".")) {
                    // the message itself is not kept
                }
                if (!send(out, replyFor(".", "250 2.0.0 Ok: queued as FAKEQUEUEID"))) {
                    return;
                }
            } else if (command.startsWith("QUIT")) {
                send(out, "221 2.0.0 Bye");
                return;
            } else if (!send(out, replyFor(command, "250 2.0.0 Ok"))) {
                return;
            }
        }
    }

    /** The base64 lines of a PLAIN or LOGIN exchange, asking for what the initial command did not carry. */
    private static List<String> authData(String line, BufferedReader in, OutputStream out) throws IOException {
        String[] words = line.split(" ");
        String mechanism = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
        List<String> data = new ArrayList<>();
        if (words.length > 2) {
            data.add(words[2]);
        }
        if (mechanism.equals("PLAIN") && data.isEmpty()) {
            send(out, "334 ");
            data.add(String.valueOf(in.readLine()));
        } else if (mechanism.equals("LOGIN")) {
            if (data.isEmpty()) {
                send(out, "334 VXNlcm5hbWU6");
                data.add(String.valueOf(in.readLine()));
            }
            send(out, "334 UGFzc3dvcmQ6");
            data.add(String.valueOf(in.readLine()));
        }
        return data;
    }

    private synchronized String replyFor(String command, String otherwise) {
        return replies.entrySet().stream().filter(entry -> command.startsWith(entry.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(otherwise);
    }

    /** Writes the reply; false when it was a 421, after which the server hangs up as real ones do. */
    private static boolean send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return !reply.startsWith("421");
    }

    private static BufferedReader reader(Socket connection) throws IOException {
        return new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

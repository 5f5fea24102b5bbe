package io.sentinel.provider.postgres;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Speaks just enough of the PostgreSQL protocol to ask for a cleartext password, remember what the client sent,
 * and refuse it with {@code 28P01}, as a server whose password was changed does. The test server trusts every
 * local client, so this is how a test sees the password really travel and the driver's real AUTH errors.
 */
final class PasswordServer implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int AUTHENTICATION_CLEARTEXT_PASSWORD = 3;

    private final ServerSocket socket = new ServerSocket(0);
    private final List<String> passwords = new CopyOnWriteArrayList<>();
    private final Thread acceptor = new Thread(this::serve, "password-server");

    PasswordServer() throws IOException {
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + socket.getLocalPort() + "/postgres";
    }

    /** The passwords clients sent, in order. */
    List<String> passwords() {
        return List.copyOf(passwords);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                refuse(new DataInputStream(client.getInputStream()), new DataOutputStream(client.getOutputStream()));
            } catch (IOException closedOrClientGone) {
                // the next client, or the end of the test
            }
        }
    }

    private void refuse(DataInputStream in, DataOutputStream out) throws IOException {
        int length = in.readInt();
        int code = in.readInt();
        if (code == SSL_REQUEST) {
            out.writeByte('N');
            out.flush();
            length = in.readInt();
            in.readInt();
        }
        in.skipNBytes(length - 8);
        out.writeByte('R');
        out.writeInt(8);
        out.writeInt(AUTHENTICATION_CLEARTEXT_PASSWORD);
        out.flush();
        if (in.readByte() != 'p') {
            return;
        }
        byte[] password = new byte[in.readInt() - 4];
        in.readFully(password);
        passwords.add(new String(password, 0, password.length - 1, StandardCharsets.UTF_8));
        byte[] fields = ("SFATAL\0VFATAL\0C28P01\0Mpassword authentication failed for user \"postgres\"\0\0")
                .getBytes(StandardCharsets.UTF_8);
        out.writeByte('E');
        out.writeInt(4 + fields.length);
        out.write(fields);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

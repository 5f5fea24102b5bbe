package io.sentinel.alert.email;

import java.io.InputStream;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/** TLS with GreenMail's self-signed test certificate, which ships inside the GreenMail jar. */
final class TestTls {

    private static final String KEY_STORE = "/greenmail.p12";
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final String ALIAS = "greenmail";

    private TestTls() {
    }

    /**
     * A client that trusts exactly GreenMail's certificate. The chain is still verified; the host name is not,
     * because the certificate names no host ({@code CN=GreenMail selfsigned Test Certificate}).
     */
    static SSLSocketFactory clientTrustingGreenMail() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, greenMailKeys().getCertificate(ALIAS));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new ChainOnly((X509TrustManager) factory.getTrustManagers()[0])}, null);
            return context.getSocketFactory();
        } catch (Exception broken) {
            throw new IllegalStateException(broken);
        }
    }

    /** A server presenting GreenMail's certificate, for the scripted STARTTLS server. */
    static SSLContext serverWithGreenMailCertificate() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(greenMailKeys(), PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException broken) {
            throw new IllegalStateException(broken);
        }
    }

    private static KeyStore greenMailKeys() throws GeneralSecurityException {
        try (InputStream in = TestTls.class.getResourceAsStream(KEY_STORE)) {
            if (in == null) {
                throw new IllegalStateException(KEY_STORE + " is not on the test class path");
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return store;
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    /** Checks the certificate chain and nothing else. */
    private static final class ChainOnly extends X509ExtendedTrustManager {

        private final X509TrustManager chain;

        ChainOnly(X509TrustManager chain) {
            this.chain = chain;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
            chain.checkServerTrusted(certificates, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType, Socket socket) throws CertificateException {
            chain.checkServerTrusted(certificates, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] certificates, String authType, SSLEngine engine) throws CertificateException {
            chain.checkServerTrusted(certificates, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType) throws CertificateException {
            throw new CertificateException("a client never checks clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("a client never checks clients");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] certificates, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("a client never checks clients");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return chain.getAcceptedIssuers();
        }
    }
}
